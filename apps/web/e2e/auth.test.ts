import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, launchBrowser, load, newContext, signIn } from './harness';

const baseUrl = inject('baseUrl');
let browser: Browser;

async function apiLogin(email: string): Promise<{ accessToken: string; user: { firstName: string; lastName: string } }> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { data: { accessToken: string; user: { firstName: string; lastName: string } } };
  return body.data;
}

const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('sign-in', () => {
  let page: Page;
  beforeAll(async () => {
    page = await (await newContext(browser, baseUrl)).newPage();
  });

  it('signs the admin in and lands on the dashboard with name and role', async () => {
    const { user: admin } = await apiLogin('admin@plantops.local');
    await signIn(page, 'admin@plantops.local');
    await page.waitForURL(`${baseUrl}/`);
    await page.getByRole('heading', { name: `Welcome, ${admin.firstName} ${admin.lastName}` }).waitFor();
    const card = page.getByTestId('welcome-card');
    await expect(card.textContent()).resolves.toContain('Admin');
    await expect(card.textContent()).resolves.toContain('admin@plantops.local');
    await expect(page.getByTestId('header-user').textContent()).resolves.toContain(`${admin.firstName} ${admin.lastName}`);
    // the admin lands on administration, not on a list of permissions
    await page.getByTestId('tile-administration').waitFor();
    expect(await page.getByTestId('permission-list').count()).toBe(0);
  });

  it('shows the admin the Users and Audit log links, with aria-current on the active one', async () => {
    const nav = mainNav(page);
    await nav.getByRole('link', { name: 'Users' }).waitFor();
    await nav.getByRole('link', { name: 'Audit log' }).waitFor();
    await expect(nav.getByRole('link', { name: 'Dashboard' }).getAttribute('aria-current')).resolves.toBe('page');
    await nav.getByRole('link', { name: 'Audit log' }).click();
    await page.waitForURL(`${baseUrl}/audit`);
    await page.getByRole('heading', { name: 'Audit log', level: 1 }).waitFor();
    await expect(nav.getByRole('link', { name: 'Audit log' }).getAttribute('aria-current')).resolves.toBe('page');
  });

  it('signs out to the login page and stays signed out after a reload', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/login/);
    await load(page);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await load(page, '/');
    await page.waitForURL(/\/login/);
    expect(await mainNav(page).count()).toBe(0);
    const stored = await page.evaluate(() => [sessionStorage.getItem('plantops.session'), localStorage.getItem('plantops.session')]);
    expect(stored).toEqual([null, null]);
  });
});

describe('wrong password', () => {
  it('shows the error and stays on the login page', async () => {
    const page = await (await newContext(browser, baseUrl)).newPage();
    await signIn(page, 'admin@plantops.local', 'Not-the-password-1');
    await page.getByRole('alert').filter({ hasText: 'Wrong e-mail or password' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await mainNav(page).count()).toBe(0);
    await page.context().close();
  });
});

describe('role-based navigation', () => {
  it('gives the assembler a dashboard without Users or Audit log', async () => {
    const page = await (await newContext(browser, baseUrl)).newPage();
    await signIn(page, 'assembler@plantops.local');
    await page.waitForURL(`${baseUrl}/`);
    await page.getByRole('heading', { name: /^Welcome, / }).waitFor();
    await expect(page.getByTestId('welcome-card').textContent()).resolves.toContain('Assembler');
    const nav = mainNav(page);
    await nav.getByRole('link', { name: 'Profile' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Dashboard' }).count()).toBe(1);
    expect(await nav.getByRole('link', { name: 'Users' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: 'Audit log' }).count()).toBe(0);
    // typing the address does not open the page either
    await load(page, '/users');
    await page.waitForURL(`${baseUrl}/`);
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    await page.context().close();
  });
});

describe('forced password change', () => {
  it('sends a new user to the change-password page before anything else', async () => {
    const { accessToken } = await apiLogin('admin@plantops.local');
    const email = `e2e-${Date.now()}@plantops.local`;
    const temporary = 'Temporary-Pass-2026';
    const created = await fetch(`${baseUrl}/api/v1/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({ email, firstName: 'Erin', lastName: 'Newcomer', role: 'ASSEMBLER', password: temporary }),
    });
    expect(created.status).toBe(201);

    const page = await (await newContext(browser, baseUrl)).newPage();
    await signIn(page, email, temporary);
    await page.waitForURL(`${baseUrl}/change-password`);
    // the dashboard is not reachable yet
    await load(page, '/');
    await page.waitForURL(`${baseUrl}/change-password`);
    await page.getByLabel('Current password').fill(temporary);
    await page.getByLabel('New password', { exact: true }).fill('Brand-New-Pass-2026');
    await page.getByLabel('Confirm new password').fill('Brand-New-Pass-2026');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.waitForURL(`${baseUrl}/`);
    await page.getByRole('heading', { name: 'Welcome, Erin Newcomer' }).waitFor();
    await page.context().close();
  });
});

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, load, newContext, signIn } from './harness';

const baseUrl = inject('baseUrl');
let browser: Browser;
let admin: Awaited<ReturnType<BrowserContext['storageState']>>;

beforeAll(async () => {
  browser = await launchBrowser();
  // one remembered sign-in, reused by every test of this file
  const ctx = await newContext(browser, baseUrl);
  const page = await ctx.newPage();
  await signIn(page, 'admin@plantops.local', undefined, true);
  await page.waitForURL(`${baseUrl}/`);
  admin = await ctx.storageState();
  await ctx.close();
});
afterAll(async () => {
  await browser?.close();
});

async function adminPage(viewport?: { width: number; height: number }): Promise<Page> {
  const ctx = await newContext(browser, baseUrl, { storageState: admin, ...(viewport ? { viewport } : {}) });
  return ctx.newPage();
}

const rowEmails = (page: Page) =>
  page
    .getByRole('table', { name: 'Users' })
    .locator('tbody tr td:first-child span.block')
    .allTextContents();

describe('users page', () => {
  it('lists the demo users and paginates', async () => {
    const page = await adminPage();
    await load(page, '/users');
    await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
    const table = page.getByRole('table', { name: 'Users' });
    await table.getByText('admin@plantops.local').or(table.getByText('assembler@plantops.local')).first().waitFor();
    const first = await rowEmails(page);
    expect(first.length).toBe(10);
    expect(first.every((e) => e.endsWith('@plantops.local'))).toBe(true);

    const pager = page.getByRole('navigation', { name: 'Users pages' });
    await pager.getByText(/^Page 1 of \d+/).waitFor();
    await pager.getByRole('button', { name: 'Next' }).click();
    await pager.getByText(/^Page 2 of \d+/).waitFor();
    await page.waitForFunction(
      (before) => {
        const cells = [...document.querySelectorAll('table tbody tr td:first-child span.block')].map((c) => c.textContent);
        return cells.length > 0 && cells[0] !== before;
      },
      first[0],
    );
    const second = await rowEmails(page);
    expect(second.length).toBeGreaterThan(0);
    expect(second.some((e) => first.includes(e))).toBe(false);
    await pager.getByRole('button', { name: 'Previous' }).click();
    await pager.getByText(/^Page 1 of \d+/).waitFor();

    // the search filter narrows the list
    await page.getByLabel('Search').fill('assembler');
    await page.waitForFunction(() => {
      const cells = [...document.querySelectorAll('table tbody tr td:first-child span.block')].map((c) => c.textContent ?? '');
      return cells.length > 0 && cells.every((c) => c.includes('assembler'));
    });
    await page.context().close();
  });

  it('offers only roles the admin may grant in the new-user form', async () => {
    const page = await adminPage();
    await load(page, '/users');
    await page.getByRole('button', { name: 'New user' }).click();
    const dialog = page.getByRole('dialog', { name: 'New user' });
    await dialog.waitFor();
    const roles = await dialog.getByLabel('Role').locator('option').allTextContents();
    expect(roles).toContain('Admin');
    expect(roles).toContain('Assembler');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.context().close();
  });
});

describe('phone layout', () => {
  it('hides the nav behind a menu button that opens it', async () => {
    const page = await adminPage({ width: 390, height: 844 });
    await load(page, '/');
    const menu = page.getByRole('button', { name: 'Menu' });
    await menu.waitFor();
    const usersLink = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' });
    expect(await usersLink.isVisible()).toBe(false);
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    await menu.click();
    await usersLink.waitFor({ state: 'visible' });
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await usersLink.click();
    await page.waitForURL(`${baseUrl}/users`);
    await usersLink.waitFor({ state: 'hidden' });
    await page.context().close();
  });

  it('shows the sidebar without a menu button on desktop', async () => {
    const page = await adminPage({ width: 1280, height: 800 });
    await load(page, '/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).waitFor({ state: 'visible' });
    expect(await page.getByRole('button', { name: 'Menu' }).isVisible()).toBe(false);
    await page.context().close();
  });
});

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiCall, apiLogin, apiToken } from './api';
import { launchBrowser, newContext, signIn } from './harness';

const baseUrl = inject('baseUrl');
const ALERT_TITLE = 'Security events in the last 24 hours';
let browser: Browser;
let page: Page;
let adminToken: string;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await (await newContext(browser, baseUrl)).newPage();
  adminToken = await apiToken(baseUrl, 'admin@plantops.local');
});
afterAll(async () => {
  await browser?.close();
});

const bell = () => page.getByTestId('notification-bell');

describe('notification bell', () => {
  it('shows a new security alert live, without a reload', async () => {
    await signIn(page, 'admin@plantops.local');
    await page.waitForURL(`${baseUrl}/`);
    // the realtime connection is open and subscribed before anything is triggered
    await page.locator('[data-testid="notification-bell"][data-realtime="live"]').waitFor();
    const before = (await apiCall(baseUrl, adminToken, 'GET', '/api/v1/notifications?unread=true&limit=1')).body.data.unreadCount as number;
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid="unread-badge"]')?.textContent ?? 0) === n, before);
    // a marker that a page reload would wipe out
    await page.evaluate(() => ((window as unknown as { e2eMarker: number }).e2eMarker = 1));

    // Lock the contractor out (contractor@ is used by no other test): four wrong passwords, the fifth locks.
    for (let i = 1; i <= 5; i++) {
      const r = await apiLogin(baseUrl, 'contractor@plantops.local', `Wrong-password-${i}`);
      expect(r.status).toBe(i < 5 ? 401 : 403);
      if (i === 5) expect(r.body.error.code).toBe('AUTH_ACCOUNT_LOCKED');
    }
    // The audit processor alerts every admin about lockouts.
    const run = await apiCall(baseUrl, adminToken, 'POST', '/api/v1/admin/jobs/audit-processor/run');
    expect(run.status).toBe(202);

    await page.getByTestId('toaster').getByText(ALERT_TITLE).waitFor({ timeout: 20_000 });
    await page.waitForFunction(
      (n) => Number(document.querySelector('[data-testid="unread-badge"]')?.textContent ?? 0) >= n,
      before + 1,
      { timeout: 10_000 },
    );
    expect(await bell().getAttribute('aria-label')).toMatch(/^Notifications, \d+ unread$/);
    expect(await page.evaluate(() => (window as unknown as { e2eMarker?: number }).e2eMarker)).toBe(1);

    // the panel lists it among the latest
    await bell().click();
    const panel = page.getByRole('region', { name: 'Latest notifications' });
    await panel.getByRole('button', { name: new RegExp(ALERT_TITLE) }).first().waitFor();
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'hidden' });
  });

  it('lists the alert on the notifications page, and "Mark all read" clears the badge', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Notifications' }).click();
    await page.waitForURL(`${baseUrl}/notifications`);
    const table = page.getByRole('table', { name: 'Notifications' });
    const row = table.getByRole('row').filter({ hasText: ALERT_TITLE }).first();
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('Unread');
    await expect(row.textContent()).resolves.toMatch(/Lockouts: [1-9]/);

    // the unread-only filter keeps it; the type filter for another type hides it
    await page.getByLabel('Unread only').check();
    await row.waitFor();
    await page.getByLabel('Type').selectOption('WO_ASSIGNED');
    await table.getByText('No notifications match these filters.').waitFor();
    await page.getByLabel('Type').selectOption('SECURITY_ALERT');
    await row.waitFor();
    await page.getByLabel('Unread only').uncheck();

    await page.getByRole('main').getByRole('button', { name: 'Mark all read' }).click();
    await page.getByTestId('unread-badge').waitFor({ state: 'detached' });
    expect(await bell().getAttribute('aria-label')).toBe('Notifications');
    await page.getByTestId('unread-summary').getByText('0 unread').waitFor();
    await table.getByRole('row').filter({ hasText: ALERT_TITLE }).first().getByText('Read', { exact: true }).waitFor();

    // and the server agrees
    const unread = await apiCall(baseUrl, adminToken, 'GET', '/api/v1/notifications?unread=true&limit=1');
    expect(unread.body.data.unreadCount).toBe(0);
  });

  it('saves notification preferences', async () => {
    await page.getByRole('link', { name: 'Preferences' }).click();
    await page.waitForURL(`${baseUrl}/notifications/preferences`);
    const email = page.getByLabel('E-mail: PM due');
    await email.waitFor();
    expect(await email.isChecked()).toBe(true);
    await email.uncheck();
    await page.getByLabel('From').fill('22:00');
    await page.getByLabel('Until').fill('06:30');
    await page.getByLabel('Time zone').fill('Europe/Berlin');
    await page.getByRole('button', { name: 'Save preferences' }).click();
    await page.getByRole('status').filter({ hasText: 'Notification preferences saved.' }).waitFor();

    const prefs = await apiCall(baseUrl, adminToken, 'GET', '/api/v1/notifications/preferences');
    expect(prefs.body.data).toMatchObject({ types: { PM_DUE: { email: false } }, quietHours: { start: '22:00', end: '06:30' }, timezone: 'Europe/Berlin' });
  });
});

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { apiCall, apiLogin, apiToken } from './api';
import { launchBrowser, load } from './harness';
import { sessions } from './sessions';

/** Issue 8 items 3 and 4: vendors per site, and the small things that show the product is careful. */
const baseUrl = inject('baseUrl');
let browser: Browser;
const pageAs = sessions(() => browser, baseUrl);
const ADMIN = 'admin@plantops.local';

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('vendors per site', () => {
  it('an admin sees each vendor’s site, and receiving offers only the receiving site’s vendors', async () => {
    const token = await apiToken(baseUrl, ADMIN);
    const sites = (await apiCall(baseUrl, token, 'GET', '/api/v1/warehouses?limit=10')).body.data.warehouses as { id: string; code: string }[];
    const north = sites.find((w) => w.code === 'NORTH')!;
    const res = await fetch(`${baseUrl}/api/v1/vendors`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'x-warehouse-id': north.id },
      body: JSON.stringify({ name: 'North Only Fittings', type: 'SUPPLIER' }),
    });
    expect(res.status).toBe(201);
    const vendorId = ((await res.json()) as { data: { id: string } }).data.id;

    const page = await pageAs(ADMIN);
    await load(page, '/vendors');
    await page.getByLabel('Site').selectOption({ label: 'North Plant (NORTH)' });
    const row = page.getByRole('table', { name: 'Vendors' }).getByRole('row').filter({ hasText: 'North Only Fittings' });
    await row.getByText('North Plant (NORTH)').waitFor();
    await row.getByRole('link', { name: 'North Only Fittings' }).click();
    await page.getByRole('heading', { level: 1, name: 'North Only Fittings' }).waitFor();
    await page.getByText('North Plant (NORTH)').waitFor();

    // the admin receives at Main Plant: the North vendor is not offered (and the API refuses it, see receipts.test.ts)
    await load(page, '/inventory/receive');
    const vendor = page.getByRole('form', { name: 'Receive goods' }).getByLabel('Vendor');
    await vendor.locator('option', { hasText: 'Stainless Supply Co' }).waitFor({ state: 'attached' });
    const offered = await vendor.locator('option').allTextContents();
    expect(offered).not.toContain('North Only Fittings');
    expect(offered.filter((o) => o === 'Stainless Supply Co')).toHaveLength(1);
    expect(offered).not.toContain(vendorId);
    await page.context().close();
  });
});

describe('search', () => {
  it('says "1 result" with pagination that looks and is disabled', async () => {
    const page = await pageAs(ADMIN);
    await load(page, '/inventory/search?query=NUT-SS-M8');
    await page.getByTestId('result-count').getByText('1 result', { exact: true }).waitFor();
    const pager = page.getByRole('navigation', { name: 'Search result pages' });
    for (const name of ['Previous', 'Next']) {
      const button = pager.getByRole('button', { name });
      expect(await button.isDisabled()).toBe(true);
      // it looks disabled: a dashed border on grey, unlike an enabled secondary button
      expect(await button.evaluate((b) => getComputedStyle(b).borderStyle)).toBe('dashed');
    }
    await page.context().close();
  });

  it('shows an empty state with suggestions, no export and no zero-count facets, when nothing matches', async () => {
    const page = await pageAs(ADMIN);
    await load(page, '/inventory/search?query=qqzzxxv');
    const empty = page.getByTestId('search-empty');
    await empty.getByRole('heading', { name: 'Nothing matches “qqzzxxv”' }).waitFor();
    await empty.getByRole('link', { name: 'Browse the catalog' }).waitFor();
    expect(await page.getByRole('button', { name: /Export/ }).count()).toBe(0);
    expect(await page.getByRole('group', { name: 'By category' }).count()).toBe(0);
    expect(await page.getByRole('table', { name: 'Search results' }).count()).toBe(0);
    await page.context().close();
  });
});

describe('audit log', () => {
  it('filters by record kind and a picked user, and reads entries as sentences', async () => {
    const { body } = await apiLogin(baseUrl, 'procurement@plantops.local');
    const token = body.data.accessToken as string;
    const who = `${body.data.user.firstName} ${body.data.user.lastName}`;
    const part = (await apiCall(baseUrl, token, 'GET', '/api/v1/inventory/search?query=NUT-SS-M8&limit=1')).body.data.results[0];
    const moved = await apiCall(baseUrl, token, 'PUT', `/api/v1/inventory/parts/${part.id}/quantity`, { quantityChange: -1, reason: 'Audit sentence check' });
    expect(moved.status).toBe(200);
    const { previousQuantity, newQuantity } = moved.body.data;

    const page = await pageAs(ADMIN);
    await load(page, '/audit');
    const filters = page.getByRole('search', { name: 'Filter audit log' });
    // human names, not table names or ids
    await filters.getByLabel('Record kind').waitFor();
    expect(await filters.getByLabel('Record kind').locator('option').allTextContents()).toEqual(expect.arrayContaining(['Part', 'Stock level', 'User', 'Vendor']));
    await filters.getByLabel('Record kind').selectOption({ label: 'Stock level' });
    await filters.getByRole('combobox', { name: 'User' }).fill(body.data.user.lastName);
    await page.getByRole('option', { name: new RegExp(who) }).click();
    await filters.getByTestId('picked-user').getByText(who).waitFor();
    await filters.getByRole('button', { name: 'Apply filters' }).click();
    const sentence = `${who} adjusted stock of NUT-SS-M8: on hand ${previousQuantity} → ${newQuantity} · Audit sentence check`;
    await page.getByTestId('audit-sentence').filter({ hasText: sentence }).first().waitFor();
    // the filtered page replaces the unfiltered one (kept on screen while it loads)
    await expect.poll(async () => (await page.getByTestId('audit-sentence').allTextContents()).filter((s) => !s.startsWith(who)), { timeout: 10_000 }).toEqual([]);

    // the security alert's link opens the log filtered by its action
    const asked = page.waitForResponse((r) => r.url().includes('/api/v1/audit-logs?') && new URL(r.url()).searchParams.get('action') === 'SECURITY_ACCOUNT_LOCKED');
    await load(page, '/audit?action=SECURITY_ACCOUNT_LOCKED');
    expect((await asked).status()).toBe(200);
    expect(await page.getByRole('search', { name: 'Filter audit log' }).getByLabel('Action').inputValue()).toBe('SECURITY_ACCOUNT_LOCKED');
    await page.getByRole('table', { name: 'Audit log entries' }).waitFor();
    await expect.poll(async () => (await page.getByTestId('audit-sentence').allTextContents()).filter((s) => !s.includes('locked an account')), { timeout: 10_000 }).toEqual([]);
    await page.context().close();
  });

  it('the Users and Audit pages export what their API offers', async () => {
    const page = await pageAs(ADMIN);
    for (const [path, button, file] of [['/users', 'Export users as CSV', /^users-\d{4}-\d{2}-\d{2}\.csv$/], ['/audit', 'Export audit log as CSV', /^audit-log-\d{4}-\d{2}-\d{2}\.csv$/]] as const) {
      await load(page, path);
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: button }).click();
      expect((await download).suggestedFilename()).toMatch(file);
    }
    await page.context().close();
  });
});

describe('notification preferences', () => {
  it('list only the types the role can receive', async () => {
    const page = await pageAs('technician@plantops.local');
    await load(page, '/notifications/preferences');
    await page.getByLabel('E-mail: PM due').waitFor();
    expect(await page.getByLabel('E-mail: WO assigned').count()).toBe(1);
    expect(await page.getByLabel('E-mail: Task assigned').count()).toBe(0);
    expect(await page.getByLabel('E-mail: Part low stock').count()).toBe(0);
    expect(await page.getByLabel('E-mail: Security alert').count()).toBe(0);
    await page.context().close();
  });
});

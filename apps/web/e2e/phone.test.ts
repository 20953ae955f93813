import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiCall, apiLogin } from './api';
import { launchBrowser, load } from './harness';
import { expectNoSideways, expectOnScreen, PHONE, sessions } from './sessions';

/**
 * Every list page at 390 x 844 (a phone): nothing scrolls sideways, and the values that matter
 * are on the screen, not hidden or cut (the shared DataTable turns rows into cards).
 */
const baseUrl = inject('baseUrl');
let browser: Browser;
const pageAs = sessions(() => browser, baseUrl);
const ADMIN = 'admin@plantops.local';
const PROCUREMENT = 'procurement@plantops.local';

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const cell = (page: Page, table: string, rowText: string | RegExp, column: number) =>
  page.getByRole('table', { name: table }).getByRole('row').filter({ hasText: rowText }).first().getByRole('cell').nth(column);

describe('on a phone', () => {
  it('the part page shows bin, reorder point and reserved, and who moved stock where and why', async () => {
    const { body } = await apiLogin(baseUrl, PROCUREMENT);
    const token = body.data.accessToken as string;
    const me = body.data.user as { firstName: string; lastName: string };
    const found = await apiCall(baseUrl, token, 'GET', '/api/v1/inventory/search?query=NUT-SS-M8&limit=1');
    const partId = found.body.data.results[0].id as string;
    expect((await apiCall(baseUrl, token, 'PUT', `/api/v1/inventory/parts/${partId}/quantity`, { quantityChange: 2, reason: 'Phone check found two' })).status).toBe(200);
    const detail = (await apiCall(baseUrl, token, 'GET', `/api/v1/inventory/parts/${partId}`)).body.data;
    const main = detail.stockByWarehouse.find((s: { warehouseCode: string }) => s.warehouseCode === 'MAIN');

    const page = await pageAs(PROCUREMENT, PHONE);
    await load(page, `/inventory/parts/${partId}`);
    await page.getByRole('heading', { level: 1, name: /NUT-SS-M8/ }).waitFor();
    // Stock per warehouse: Warehouse, On hand, Reserved, Reorder point, Bin, State
    const stock = (i: number) => cell(page, 'Stock per warehouse', 'Main Plant', i);
    for (const [i, label, value] of [[2, 'Reserved', main.quantityReserved], [3, 'Reorder point', main.reorderPoint], [4, 'Bin', main.defaultBin ?? '—']] as const) {
      await expectOnScreen(page, stock(i));
      expect(await stock(i).textContent()).toBe(`${label}${value}`);
    }
    // History: Change, Date, New on hand, Reason, By, Site
    const history = (i: number) => cell(page, 'Inventory history', 'Phone check found two', i);
    await expectOnScreen(page, history(3));
    expect(await history(3).textContent()).toContain('Phone check found two');
    await expectOnScreen(page, history(4));
    expect(await history(4).textContent()).toContain(`${me.firstName} ${me.lastName}`);
    await expectOnScreen(page, history(5));
    expect(await history(5).textContent()).toContain('Main Plant (MAIN)');
    await expectNoSideways(page);
    await page.context().close();
  });

  it('low stock shows each part’s supplier and lead time', async () => {
    const page = await pageAs(PROCUREMENT, PHONE);
    await load(page, '/inventory/low-stock');
    // Part, Urgency, On hand / reorder, Supplier, Lead time, Monthly use, Last used
    const supplier = cell(page, 'Low-stock parts', 'GASKET-DRAIN-3', 3);
    await expectOnScreen(page, supplier);
    expect(await supplier.textContent()).toBe('SupplierSeal Tech Inc');
    const lead = cell(page, 'Low-stock parts', 'GASKET-DRAIN-3', 4);
    await expectOnScreen(page, lead);
    expect(await lead.textContent()).toBe('Lead time1 week');
    await expectNoSideways(page);
    await page.context().close();
  });

  it('users keep their edit action, and the header keeps the name readable', async () => {
    const page = await pageAs(ADMIN, PHONE);
    await load(page, '/users');
    await page.getByLabel('Search').fill('assembler@');
    await expectOnScreen(page, page.getByRole('button', { name: 'Edit assembler@plantops.local' }));
    await expectNoSideways(page);
    // the user's name is shown whole, not cut by an ellipsis
    const name = page.getByTestId('header-user').locator('span').first();
    await expectOnScreen(page, name);
    expect(await name.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await page.getByRole('button', { name: 'Edit assembler@plantops.local' }).click();
    await page.getByRole('dialog', { name: 'Edit user' }).waitFor();
    await page.context().close();
  });

  it('audit entries open their details on the screen', async () => {
    const page = await pageAs(ADMIN, PHONE);
    await load(page, '/audit');
    const show = page.getByRole('table', { name: 'Audit log entries' }).getByRole('button', { name: /^Show details of/ }).first();
    await expectOnScreen(page, show);
    await show.click();
    await expectOnScreen(page, page.getByRole('heading', { name: 'After' }).first());
    await expectNoSideways(page);
    await page.context().close();
  });

  it('vendors show their site to an admin', async () => {
    const page = await pageAs(ADMIN, PHONE);
    await load(page, '/vendors');
    // Name, Site, Type, E-mail, Phone, Status; the seed has a Stainless Supply Co at each site
    const rows = page.getByRole('table', { name: 'Vendors' }).getByRole('row').filter({ hasText: 'Stainless Supply Co' });
    await rows.first().waitFor();
    const sites = await rows.evaluateAll((rs) => rs.map((r) => r.querySelectorAll('td')[1]?.textContent));
    expect(sites.sort()).toEqual(['SiteMain Plant (MAIN)', 'SiteNorth Plant (NORTH)']);
    await expectOnScreen(page, rows.first().getByRole('cell').nth(1));
    await expectOnScreen(page, rows.first().getByRole('cell').nth(3));
    await expectNoSideways(page);
    await page.context().close();
  });

  it('search results show part, cost and on hand', async () => {
    const page = await pageAs(PROCUREMENT, PHONE);
    await load(page, '/inventory/search?query=gasket');
    const table = 'Search results';
    await expectOnScreen(page, page.getByRole('table', { name: table }).getByRole('link', { name: 'GASKET-DRAIN-3', exact: true }));
    await expectOnScreen(page, cell(page, table, 'GASKET-DRAIN-3', 2));
    await expectOnScreen(page, cell(page, table, 'GASKET-DRAIN-3', 3));
    expect(await cell(page, table, 'GASKET-DRAIN-3', 3).textContent()).toMatch(/^On hand\d/);
    await expectNoSideways(page);
    await page.context().close();
  });

  it('jobs keep their run action and last run', async () => {
    const page = await pageAs(ADMIN, PHONE);
    await load(page, '/admin/jobs');
    await expectOnScreen(page, page.getByRole('button', { name: 'Run now metrics-aggregator' }));
    await expectOnScreen(page, cell(page, 'Jobs', 'metrics-aggregator', 3));
    await expectNoSideways(page);
    await page.context().close();
  });

  it('notifications keep their actions', async () => {
    // a finished background export notifies its requester
    const token = (await apiLogin(baseUrl, ADMIN)).body.data.accessToken as string;
    expect((await apiCall(baseUrl, token, 'POST', '/api/v1/exports', { list: 'users', format: 'csv' })).status).toBe(202);
    await expect
      .poll(async () => (await apiCall(baseUrl, token, 'GET', '/api/v1/notifications?type=EXPORT_READY&unread=true&limit=1')).body.data.pagination.totalItems, { timeout: 30_000, interval: 500 })
      .toBeGreaterThan(0);

    const page = await pageAs(ADMIN, PHONE);
    await load(page, '/notifications');
    const row = page.getByRole('table', { name: 'Notifications' }).getByRole('row').filter({ hasText: 'Users export is ready' }).first();
    await expectOnScreen(page, row.getByRole('button', { name: /^Mark read/ }));
    await expectOnScreen(page, row.getByRole('button', { name: /^Open/ }));
    await expectNoSideways(page);
    await page.context().close();
  });
});

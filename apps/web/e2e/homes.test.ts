import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { apiCall, apiToken } from './api';
import { launchBrowser, load } from './harness';
import { expectNoSideways, PHONE, sessions } from './sessions';

/** Each role lands on its work (journeys.md), with real numbers from the API; nobody on a permission list. */
const baseUrl = inject('baseUrl');
let browser: Browser;
const pageAs = sessions(() => browser, baseUrl);

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const tileOrder = (page: import('playwright-core').Page) =>
  page.getByTestId('home-tiles').locator('section[data-testid^="tile-"]').evaluateAll((s) => s.map((e) => e.getAttribute('data-testid')));

describe('a home per role', () => {
  it('the inventory clerk lands on stock to receive, then low stock with the API’s counts', async () => {
    const token = await apiToken(baseUrl, 'inventory-clerk@plantops.local');
    const low = (await apiCall(baseUrl, token, 'GET', '/api/v1/inventory/low-stock?limit=5')).body.data;
    const page = await pageAs('inventory-clerk@plantops.local', PHONE);
    await load(page, '/');
    await page.getByTestId('tile-low-stock').getByText(String(low.summary.totalLowStockParts), { exact: true }).waitFor();
    expect(await tileOrder(page)).toEqual(['tile-receipts', 'tile-low-stock', 'tile-notifications']);
    expect(await page.getByTestId('tile-receipts').getByRole('heading').textContent()).toBe('Stock to receive');
    const urgentFirst = low.lowStockParts[0].partNumber as string;
    await page.getByRole('list', { name: 'Most urgent low-stock parts' }).getByRole('link', { name: urgentFirst }).waitFor();
    expect(await page.getByTestId('permission-list').count()).toBe(0);
    await expectNoSideways(page);
    await page.getByRole('link', { name: 'Receive a delivery' }).click();
    await page.getByRole('heading', { level: 1, name: 'Receive goods' }).waitFor();
    await page.context().close();
  });

  it('procurement lands on low stock and the site’s recent receipts', async () => {
    const token = await apiToken(baseUrl, 'procurement@plantops.local');
    const part = (await apiCall(baseUrl, token, 'GET', '/api/v1/inventory/search?query=NUT-SS-M8&limit=1')).body.data.results[0];
    const received = await apiCall(baseUrl, token, 'POST', '/api/v1/receipts', { poNumber: 'PO-HOME-7', lines: [{ partId: part.id, quantity: 3 }] });
    expect(received.status).toBe(201);
    const page = await pageAs('procurement@plantops.local');
    await load(page, '/');
    const receipts = page.getByTestId('tile-receipts');
    await receipts.getByRole('list', { name: 'Latest receipts' }).getByText('PO-HOME-7').waitFor();
    expect(await receipts.getByRole('heading').textContent()).toBe('Recent receipts');
    expect(await tileOrder(page)).toEqual(['tile-low-stock', 'tile-receipts', 'tile-notifications']);
    await page.context().close();
  });

  it('the admin lands on administration with the API’s counts and links', async () => {
    const token = await apiToken(baseUrl, 'admin@plantops.local');
    const users = (await apiCall(baseUrl, token, 'GET', '/api/v1/users?limit=1')).body.data.pagination.totalItems as number;
    const page = await pageAs('admin@plantops.local');
    await load(page, '/');
    const admin = page.getByTestId('tile-administration');
    await admin.getByRole('link', { name: `${users} users` }).waitFor();
    expect(await tileOrder(page)).toEqual(['tile-administration', 'tile-notifications']);
    await admin.getByRole('navigation', { name: 'Administration pages' }).getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    await page.context().close();
  });

  it('a technician lands on its work, then notifications and a part search; the permissions are on the profile', async () => {
    const page = await pageAs('technician@plantops.local', PHONE);
    await load(page, '/');
    await page.getByTestId('tile-notifications').waitFor();
    // journeys.md: the technician lands on its work orders first.
    expect((await tileOrder(page)).slice(0, 3)).toEqual(['tile-my-work', 'tile-notifications', 'tile-search']);
    await page.getByTestId('tile-search').getByLabel('Part number, name or description').fill('gasket');
    await page.getByTestId('tile-search').getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/\/inventory\/search\?query=gasket/);
    await page.getByRole('table', { name: 'Search results' }).getByRole('link').first().waitFor();

    await load(page, '/profile');
    await page.getByText('Show the permissions of your role').click();
    await page.getByTestId('permission-list').getByRole('heading', { name: 'workorder' }).waitFor();
    await expectNoSideways(page);
    await page.context().close();
  });
});

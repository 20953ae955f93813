import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, load, newContext, signIn } from './harness';

const baseUrl = inject('baseUrl');
type State = Awaited<ReturnType<BrowserContext['storageState']>>;
let browser: Browser;
const states = new Map<string, State>();

/**
 * One remembered sign-in per account for the whole file (the login rate limit is shared by the run).
 * Procurement's burst limit is 40 requests per 10 s, so its tests keep their page loads few.
 */
async function stateOf(email: string): Promise<State> {
  const known = states.get(email);
  if (known) return known;
  const ctx = await newContext(browser, baseUrl);
  const page = await ctx.newPage();
  await signIn(page, email, undefined, true);
  await page.waitForURL(`${baseUrl}/`);
  const state = await ctx.storageState();
  await ctx.close();
  states.set(email, state);
  return state;
}

async function pageAs(email: string, viewport?: { width: number; height: number }): Promise<Page> {
  const ctx = await newContext(browser, baseUrl, { storageState: await stateOf(email), ...(viewport ? { viewport } : {}) });
  return ctx.newPage();
}

const PROCUREMENT = 'procurement@plantops.local';
const CLERK = 'inventory-clerk@plantops.local';
const ASSEMBLER = 'assembler@plantops.local';

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Opens a part's page through the search page (as a user would). */
async function openPart(page: Page, partNumber: string): Promise<void> {
  await load(page, '/inventory/search');
  await page.getByLabel('Search', { exact: true }).fill(partNumber);
  const results = page.getByRole('table', { name: 'Search results' });
  await results.getByRole('link', { name: partNumber, exact: true }).click();
  // the part page loads its own chunk and three queries; on a busy CI machine that can take a while
  await page.waitForURL(/\/inventory\/parts\//, { timeout: 60_000 });
  await page.getByRole('heading', { level: 1, name: new RegExp(partNumber) }).waitFor({ timeout: 60_000 });
}

const onHand = async (page: Page, warehouse = 'MAIN') => Number(await page.getByTestId(`on-hand-${warehouse}`).textContent());

describe('inventory as procurement', () => {
  it('browses Sinks → CleanStation Pro 48-inch → Basin Assembly down to its parts, with breadcrumbs', async () => {
    const page = await pageAs(PROCUREMENT);
    await load(page, '/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Inventory', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Inventory catalog' }).waitFor();
    await page.getByRole('list', { name: 'Categories', exact: true }).getByRole('link', { name: 'Sinks', exact: true }).click();
    await page.getByRole('link', { name: 'CleanStation Pro 48-inch', exact: true }).click();
    await page.getByRole('link', { name: 'Basin Assembly 48-inch Stainless', exact: true }).click();
    const parts = page.getByRole('table', { name: 'Parts of Basin Assembly 48-inch Stainless' });
    await parts.getByRole('link', { name: 'BASIN-48-316L', exact: true }).waitFor();

    const crumbs = page.getByRole('navigation', { name: 'Catalog location' });
    expect((await crumbs.textContent())?.replace(/\s+/g, ' ')).toMatch(/Catalog›Sinks›CleanStation Pro 48-inch›Basin Assembly 48-inch Stainless/);
    // a breadcrumb goes back up a level
    await crumbs.getByRole('link', { name: 'CleanStation Pro 48-inch' }).click();
    await page.getByRole('table', { name: 'Sub-assemblies of CleanStation Pro 48-inch' }).waitFor();
    await page.context().close();
  });

  it('corrects a misspelt search and finds GASKET-DRAIN-3; the part page shows stock per warehouse', async () => {
    const page = await pageAs(PROCUREMENT);
    await load(page, '/inventory/search');
    await page.getByLabel('Search', { exact: true }).fill('gaskte');
    await page.getByTestId('corrected-query').filter({ hasText: 'gasket' }).waitFor();
    expect(await page.getByText('Showing results for').textContent()).toContain('gasket');
    const results = page.getByRole('table', { name: 'Search results' });
    await results.getByRole('link', { name: 'GASKET-DRAIN-3', exact: true }).click();

    await page.getByRole('heading', { level: 1, name: /GASKET-DRAIN-3/ }).waitFor();
    const stock = page.getByRole('table', { name: 'Stock per warehouse' });
    const main = stock.getByRole('row').filter({ hasText: 'Main Plant' });
    await main.waitFor();
    expect(await onHand(page)).toBe(2);
    await main.getByText('Low', { exact: true }).waitFor();
    await page.getByRole('list', { name: 'Used in' }).getByRole('link', { name: 'SUB-BASIN-48-SS' }).waitFor();

    // back from the part: the search is in the address, so the same results come back
    await page.goBack();
    await page.getByTestId('corrected-query').filter({ hasText: 'gasket' }).waitFor();
    expect(await page.getByLabel('Search', { exact: true }).inputValue()).toBe('gaskte');
    expect(new URL(page.url()).searchParams.get('query')).toBe('gaskte');
    await page.context().close();
  });

  it('adjusts stock by -1 with a reason, and shows the server refusing an adjustment beyond stock', async () => {
    const page = await pageAs(PROCUREMENT);
    await openPart(page, 'NUT-SS-M8');
    const before = await onHand(page);
    expect(before).toBeGreaterThan(0);
    const form = page.getByRole('form', { name: 'Adjust stock of NUT-SS-M8' });
    await form.getByLabel('Quantity change').fill('-1');
    await form.getByLabel('Reason').fill('Cycle count correction');
    await form.getByRole('button', { name: 'Adjust stock' }).click();
    await form.getByRole('status').filter({ hasText: `on hand ${before} → ${before - 1}` }).waitFor();
    await page.waitForFunction((n) => document.querySelector('[data-testid="on-hand-MAIN"]')?.textContent === String(n), before - 1);
    await page.getByRole('table', { name: 'Inventory history' }).getByText('Cycle count correction').waitFor();

    await form.getByLabel('Quantity change').fill(String(-(before + 5000)));
    await form.getByLabel('Reason').fill('Scrap the lot');
    const answered = page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().includes('/quantity'));
    await form.getByRole('button', { name: 'Adjust stock' }).click();
    const response = await answered;
    expect(response.status()).toBe(409);
    const { error } = (await response.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('BUSINESS_INSUFFICIENT_INVENTORY');
    await form.getByRole('alert').filter({ hasText: error.message }).waitFor();
    expect(await onHand(page)).toBe(before - 1);
    await page.context().close();
  });

  it('lists GASKET-DRAIN-3 as HIGH on the low-stock page, also with urgent only, and exports CSV', async () => {
    const page = await pageAs(PROCUREMENT);
    await load(page, '/inventory/low-stock');
    await page.getByRole('heading', { level: 1, name: 'Low stock' }).waitFor();
    const table = page.getByRole('table', { name: 'Low-stock parts' });
    const row = table.getByRole('row').filter({ has: page.getByRole('link', { name: 'GASKET-DRAIN-3', exact: true }) });
    await row.getByText('HIGH', { exact: true }).waitFor();
    await page.getByLabel('Low-stock summary').getByText('Urgent (high)').waitFor();

    await page.getByLabel(/Urgent only/).check();
    await row.getByText('HIGH', { exact: true }).waitFor();
    await page.waitForFunction(() => ![...document.querySelectorAll('table tbody tr')].some((r) => /\b(MEDIUM|LOW)\b/.test(r.textContent ?? '')));

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export low-stock list as CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^low-stock-\d{4}-\d{2}-\d{2}\.csv$/);
    await page.context().close();
  });

});

describe('receiving as the inventory clerk', () => {
  it('receives 5 of a part from a vendor and sees on-hand rise', async () => {
    const page = await pageAs(CLERK);
    await openPart(page, 'BOLT-SS-M8X25');
    const before = await onHand(page);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Receive' }).click();
    await page.getByRole('heading', { level: 1, name: 'Receive goods' }).waitFor();
    const form = page.getByRole('form', { name: 'Receive goods' });
    await form.getByLabel('Vendor').selectOption({ label: 'Stainless Supply Co' });
    await form.getByLabel('PO number').fill('PO-E2E-1');
    await form.getByRole('combobox', { name: 'Part (line 1)' }).fill('BOLT-SS-M8X25');
    await page.getByRole('option', { name: /BOLT-SS-M8X25/ }).first().click();
    await form.getByTestId('picked-part').filter({ hasText: 'BOLT-SS-M8X25' }).waitFor();
    await form.getByLabel('Quantity (line 1)').fill('5');
    await form.getByLabel('Bin (line 1)').fill('C-01-01');
    // an empty second line is refused before sending
    await form.getByRole('button', { name: 'Add line' }).click();
    await form.getByRole('button', { name: 'Receive', exact: true }).click();
    await form.getByText('Pick a part.').waitFor();
    await form.getByRole('button', { name: 'Remove line 2' }).click();

    const answered = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/api/v1/receipts'));
    await form.getByRole('button', { name: 'Receive', exact: true }).click();
    expect((await answered).status()).toBe(201);
    const done = page.getByRole('status').filter({ hasText: 'Received 5 units' });
    await done.filter({ hasText: 'Stainless Supply Co' }).waitFor();
    await done.getByRole('link', { name: 'BOLT-SS-M8X25' }).click();
    await page.getByRole('heading', { level: 1, name: /BOLT-SS-M8X25/ }).waitFor();
    await page.waitForFunction((n) => document.querySelector('[data-testid="on-hand-MAIN"]')?.textContent === String(n), before + 5);
    await page.context().close();
  });

  it('lists vendors, opens Stainless Supply Co, and creates, archives and restores a vendor', async () => {
    const page = await pageAs(CLERK);
    await load(page, '/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Vendors' }).click();
    const table = page.getByRole('table', { name: 'Vendors' });
    await table.getByRole('link', { name: 'Stainless Supply Co', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Stainless Supply Co' }).waitFor();
    await page.getByRole('heading', { name: 'Documents' }).waitFor();
    await page.getByLabel('Upload documents').waitFor({ state: 'attached' });

    await load(page, '/vendors');
    await page.getByRole('button', { name: 'New vendor' }).click();
    const dialog = page.getByRole('dialog', { name: 'New vendor' });
    await dialog.getByLabel('Name').fill('E2E Fittings Ltd');
    await dialog.getByLabel('E-mail').fill('sales@e2e-fittings.example');
    await dialog.getByRole('button', { name: 'Add contact' }).click();
    await dialog.getByLabel('Contact 1 name').fill('Erin Example');
    await dialog.getByLabel('Contact 1 role').fill('Account manager');
    await dialog.getByRole('button', { name: 'Create vendor' }).click();
    await page.getByRole('heading', { level: 1, name: 'E2E Fittings Ltd' }).waitFor();
    await page.getByRole('list', { name: 'Contacts' }).getByText('Erin Example').waitFor();

    await page.getByRole('button', { name: 'Archive' }).click();
    await page.getByRole('button', { name: 'Restore' }).waitFor();
    await page.getByText('Archived', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Restore' }).click();
    await page.getByRole('button', { name: 'Archive' }).waitFor();
    await page.context().close();
  });
});

describe('inventory as an assembler', () => {
  it('filters search results by a category facet', async () => {
    const page = await pageAs(ASSEMBLER);
    await load(page, '/inventory/search');
    await page.getByLabel('Search', { exact: true }).fill('gasket');
    const facet = page.getByRole('group', { name: 'By category' }).getByRole('button', { name: /^Service Parts/ });
    await facet.click();
    expect(await facet.getAttribute('aria-pressed')).toBe('true');
    const results = page.getByRole('table', { name: 'Search results' });
    await results.getByRole('link', { name: 'SVC-GASKET-DRAIN-3', exact: true }).waitFor();
    await results.getByRole('link', { name: 'GASKET-DRAIN-3', exact: true }).waitFor({ state: 'detached' });
    await page.context().close();
  });

  it('can browse and read a part and the low-stock list, but has no Receive or adjust controls', async () => {
    const page = await pageAs(ASSEMBLER);
    await load(page, '/');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Inventory', exact: true }).waitFor();
    expect(await nav.getByRole('link', { name: 'Receive' }).count()).toBe(0);
    await nav.getByRole('link', { name: 'Low stock' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Vendors' }).count()).toBe(0);

    await openPart(page, 'BASIN-48-316L');
    await page.getByRole('table', { name: 'Stock per warehouse' }).waitFor();
    expect(await onHand(page)).toBe(25);
    expect(await page.getByRole('form', { name: /Adjust stock/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Adjust stock' }).count()).toBe(0);

    // typing the address does not open the page either
    await load(page, '/inventory/receive');
    await page.waitForURL(`${baseUrl}/`);
    await page.context().close();
  });
});

describe('inventory on a phone', () => {
  it('fits the catalog and part page into a 390 px screen', async () => {
    const page = await pageAs(ASSEMBLER, { width: 390, height: 844 });
    await load(page, '/inventory');
    await page.getByRole('list', { name: 'Categories', exact: true }).waitFor();
    const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    expect(await fits()).toBe(true);
    await openPart(page, 'GASKET-DRAIN-3');
    expect(await fits()).toBe(true);
    await page.context().close();
  });

  it('folds the search filters away on a phone so results are on the first screen', async () => {
    const page = await pageAs(ASSEMBLER, { width: 390, height: 844 });
    await load(page, '/inventory/search?query=gasket');
    const first = page.getByRole('table', { name: 'Search results' }).getByRole('link').first();
    await first.waitFor();
    expect(await page.getByLabel('Type', { exact: true }).isVisible()).toBe(false);
    const box = await first.boundingBox();
    expect(box!.y + box!.height).toBeLessThan(844);
    await page.getByText('Filters and sorting').click();
    await page.getByLabel('Type', { exact: true }).waitFor();
    await page.context().close();
  });
});

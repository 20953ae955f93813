import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newContext, signIn } from './harness';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const choose = (page: Page, label: string, value: string) => page.getByLabel(label, { exact: true }).selectOption(value);

describe('configurator (issue 10)', () => {
  it('builds a three-basin MDRD T2 on a tablet: the DI basin asks for a gooseneck, the coordinator adds one, and the priced BOM can be saved and exported', async () => {
    const page = await (await newContext(browser, baseUrl, { viewport: { width: 820, height: 1180 } })).newPage();
    await signIn(page, 'production-coordinator@plantops.local');
    await page.waitForURL(`${baseUrl}/`);
    await page.goto('/configurator');
    await page.getByRole('heading', { name: 'Configurator', level: 1 }).waitFor();
    await page.getByRole('group', { name: 'Sink family' }).getByRole('button', { name: 'MDRD T2' }).click();
    await page.waitForURL(/\/configurator\?family=MDRD_T2$/);

    await choose(page, 'Sink model', 'T2-B3');
    await page.getByLabel('Body length (inches)').fill('96');
    await page.getByLabel('Body width (inches)').fill('30');
    await choose(page, 'Leg type', 'FIXED_HEIGHT');
    // Fixed-height legs exist only as DL27 and DL14: LC1 is not offered.
    await expect.poll(async () => page.getByLabel('Leg model', { exact: true }).locator('option').allTextContents()).toEqual(['Choose…', 'DL27', 'DL14']);
    await choose(page, 'Leg model', 'DL27');
    await choose(page, 'Feet', 'LEVELING_CASTERS');

    const basins: [string, string][] = [['E_DRAIN', '24X20X8'], ['E_SINK', '24X20X10'], ['E_SINK_DI', '30X20X8']];
    for (const [i, [type, size]] of basins.entries()) {
      await page.getByRole('button', { name: 'Add basin' }).click();
      await choose(page, `Basin ${i + 1}: Basin type`, type);
      await choose(page, `Basin ${i + 1}: Basin size`, size);
    }
    await page.getByLabel('Basin 1: P-trap').check();
    await page.getByRole('button', { name: 'Add faucet' }).click();
    await choose(page, 'Faucet 1: Faucet type', 'WRIST_BLADE');
    await choose(page, 'Faucet 1: Faucet placement', 'BASIN_2');

    // The server names the problem and what fixes it.
    const problem = page.getByRole('alert').filter({ hasText: 'to fix before this sink can be built' });
    await problem.getByText('add a faucet of type DI_GOOSENECK').waitFor();
    await expect(page.getByTestId('configured-price').count()).resolves.toBe(0);

    await page.getByRole('button', { name: 'Add faucet' }).click();
    await choose(page, 'Faucet 2: Faucet type', 'DI_GOOSENECK');
    await choose(page, 'Faucet 2: Faucet placement', 'BASIN_3');
    await problem.waitFor({ state: 'detached' });
    await expect(page.getByTestId('configured-price').textContent()).resolves.toMatch(/^\$\d{1,3}(,\d{3})*\.\d{2}$/);
    await expect(page.getByTestId('configured-lead-time').textContent()).resolves.toMatch(/weeks/);

    // The BOM preview: the control box for one E-Drain and two E-Sinks, parts below, purchases marked.
    const tree = page.getByRole('list', { name: 'BOM preview' });
    const box = tree.getByTestId('bom-line-T2-CTRL-EDR1-ESK2');
    await box.waitFor();
    await box.locator('summary').first().click();
    await box.getByTestId('bom-line-T2-CTRL-PCB').waitFor();
    await expect(tree.getByTestId('bom-line-T2-BSN-ESK-DI-KIT').count()).resolves.toBe(1);
    await expect(tree.locator('[data-needs-procurement="true"]').count()).resolves.toBeGreaterThan(0);

    await page.getByRole('button', { name: 'Save BOM' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved as BOM version 1 (DRAFT)' }).waitFor();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export PDF' }).click();
    expect((await download).suggestedFilename()).toMatch(/^bom-[0-9a-f]{8}\.pdf$/);
    await page.context().close();
  });

  it('is not offered to an assembler, and its address redirects away', async () => {
    const page = await (await newContext(browser, baseUrl)).newPage();
    await signIn(page, 'assembler@plantops.local');
    await page.waitForURL(`${baseUrl}/`);
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Configurator' }).count()).toBe(0);
    await page.goto('/configurator?family=MDRD_T2');
    await page.waitForURL(`${baseUrl}/`);
    await page.context().close();
  });
});

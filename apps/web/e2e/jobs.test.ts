import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, load, newContext, signIn } from './harness';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

describe('jobs admin', () => {
  it('lists the platform jobs and runs metrics-aggregator on demand until it succeeds', async () => {
    const page = await (await newContext(browser, baseUrl)).newPage();
    await signIn(page, 'admin@plantops.local');
    await page.waitForURL(`${baseUrl}/`);
    await mainNav(page).getByRole('link', { name: 'Jobs' }).click();
    await page.waitForURL(`${baseUrl}/admin/jobs`);
    await page.getByRole('heading', { name: 'Jobs', level: 1 }).waitFor();

    const jobs = page.getByRole('table', { name: 'Jobs' });
    await jobs.getByTestId('job-name').first().waitFor();
    const names = await jobs.getByTestId('job-name').allTextContents();
    expect(names).toEqual(expect.arrayContaining(['notification-sender', 'audit-processor', 'metrics-aggregator', 'file-processor']));

    const started = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/api/v1/admin/jobs/metrics-aggregator/run'));
    await jobs.getByRole('button', { name: 'Run now metrics-aggregator' }).click();
    const response = await started;
    expect(response.status()).toBe(202);
    const { data } = (await response.json()) as { data: { runId: string } };
    await page.getByRole('status').filter({ hasText: `Queued metrics-aggregator (run ${data.runId.slice(0, 8)})` }).waitFor();

    // the page polls the runs until this one is finished
    const run = page.getByTestId(`run-${data.runId}`);
    await run.waitFor();
    await page.locator(`[data-testid="run-${data.runId}"][data-status="SUCCEEDED"]`).waitFor({ timeout: 20_000 });
    const row = page.getByRole('table', { name: 'Job runs' }).getByRole('row').filter({ has: run });
    await expect(row.textContent()).resolves.toContain('SUCCEEDED');
    await expect(row.textContent()).resolves.toMatch(/\d+(\.\d)? (ms|s)/);
    // and the job's own row shows it as the latest run
    await jobs.getByRole('row').filter({ hasText: 'metrics-aggregator' }).getByText('SUCCEEDED').waitFor();
    await page.context().close();
  });

  it('is not offered to the assembler, and its address redirects away', async () => {
    const page = await (await newContext(browser, baseUrl)).newPage();
    await signIn(page, 'assembler@plantops.local');
    await page.waitForURL(`${baseUrl}/`);
    await mainNav(page).getByRole('link', { name: 'Notifications' }).waitFor();
    expect(await mainNav(page).getByRole('link', { name: 'Jobs' }).count()).toBe(0);
    await load(page, '/admin/jobs');
    await page.waitForURL(`${baseUrl}/`);
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    expect(await page.getByRole('heading', { name: 'Jobs' }).count()).toBe(0);
    await page.context().close();
  });
});

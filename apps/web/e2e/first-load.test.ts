import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, load, newContext } from './harness';
import { sessions } from './sessions';

/* What the first load of a page costs (decision 0014): which scripts it fetches and when. */

const baseUrl = inject('baseUrl');
let browser: Browser;
let pageAs: ReturnType<typeof sessions>;

beforeAll(async () => {
  browser = await launchBrowser();
  pageAs = sessions(() => browser, baseUrl);
});
afterAll(async () => {
  await browser?.close();
});

/** Script paths the page requested, in order. */
function scripts(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') seen.push(new URL(r.url()).pathname);
  });
  return seen;
}

const hints = (page: Page) => page.evaluate(() => [...document.querySelectorAll<HTMLLinkElement>('link[rel=modulepreload]')].map((l) => new URL(l.href).pathname));

describe('first load', () => {
  it('the sign-in page loads the first bundle only (no page chunk, no zod) and no hints', async () => {
    const ctx = await newContext(browser, baseUrl);
    const page = await ctx.newPage();
    const seen = scripts(page);
    await load(page, '/login');
    await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    const assets = seen.filter((s) => s.startsWith('/assets/'));
    expect(assets).toHaveLength(1);
    expect(assets[0]).toMatch(/^\/assets\/index-.+\.js$/);
    expect(await hints(page)).toEqual([]);
    await ctx.close();
  });

  it('a signed-in page is hinted while the first bundle downloads, and the dashboard loads no zod', async () => {
    const page = await pageAs('admin@plantops.local');
    const seen = scripts(page);
    await load(page, '/');
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    const hinted = await hints(page);
    expect(hinted.some((h) => /^\/assets\/Layout-.+\.js$/.test(h))).toBe(true);
    expect(hinted.some((h) => /^\/assets\/DashboardPage-.+\.js$/.test(h))).toBe(true);
    expect(seen.some((s) => /^\/assets\/DashboardPage-/.test(s))).toBe(true);
    expect(seen.filter((s) => /^\/assets\/zod-/.test(s))).toEqual([]);

    await load(page, '/inventory/search?q=bearing');
    await page.getByRole('heading', { name: 'Inventory search', level: 1 }).waitFor();
    expect((await hints(page)).some((h) => /^\/assets\/SearchPage-.+\.js$/.test(h))).toBe(true);
    await page.context().close();
  });
});

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, launchBrowser, load, newContext } from './harness';
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

/** Holds the first bundle's download until the returned function is called: what the page does before the app runs. */
async function holdFirstBundle(page: Page): Promise<() => void> {
  let release = () => {};
  const held = new Promise<void>((r) => (release = r));
  await page.route(/\/assets\/index-.+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

describe('first load', () => {
  it('the sign-in page paints from index.html, runs the first bundle (no page chunk, no zod) once the user turns to it, and keeps what was typed', async () => {
    const ctx = await newContext(browser, baseUrl);
    const page = await ctx.newPage();
    const seen = scripts(page);
    await load(page, '/login');
    await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    // the static copy: no script ran, the page is whole
    expect(seen.filter((s) => s.startsWith('/assets/'))).toEqual([]);
    expect(await page.title()).toBe('Sign in · PlantOps');
    expect(await page.locator('#boot').count()).toBe(1);
    expect(await hints(page)).toEqual([]);

    await page.getByLabel('E-mail').click();
    await page.keyboard.type('someone@');
    await page.waitForFunction(() => !document.getElementById('boot'));
    await page.keyboard.type('plantops.local');
    const email = page.getByLabel('E-mail');
    expect(await email.inputValue()).toBe('someone@plantops.local');
    expect(await email.evaluate((el) => el === document.activeElement)).toBe(true);
    const assets = seen.filter((s) => s.startsWith('/assets/'));
    expect(assets).toHaveLength(1);
    expect(assets[0]).toMatch(/^\/assets\/index-.+\.js$/);
    await ctx.close();
  });

  it('a sign-in sent before the app has run is held (no password in the address) and sent by the app', async () => {
    const ctx = await newContext(browser, baseUrl);
    const page = await ctx.newPage();
    const release = await holdFirstBundle(page);
    await load(page, '/login');
    await page.getByLabel('E-mail').fill('admin@plantops.local');
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByLabel('Password', { exact: true }).press('Enter');
    await page.waitForTimeout(300);
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(page.url()).not.toContain('password');
    expect(await page.locator('#boot').count()).toBe(1);
    release();
    await page.waitForURL(`${baseUrl}/`);
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    await ctx.close();
  });

  it('a signed-in page opened directly never shows the sign-in copy: a blank frame until the app is there', async () => {
    const page = await pageAs('admin@plantops.local');
    const release = await holdFirstBundle(page);
    await page.goto('/inventory/search?q=bearing', { waitUntil: 'domcontentloaded' });
    expect(await page.locator('#boot-frame').isVisible()).toBe(true);
    expect(await page.getByRole('heading', { name: 'Sign in' }).count()).toBe(0);
    expect(await page.locator('#boot-sign-in').isVisible()).toBe(false);
    release();
    await page.getByRole('heading', { name: 'Inventory search', level: 1 }).waitFor();
    expect(await page.locator('#boot').count()).toBe(0);
    await page.context().close();
  });

  it('a signed-in page is hinted while the first bundle downloads, and the dashboard loads no zod', async () => {
    const page = await pageAs('admin@plantops.local');
    const seen = scripts(page);
    // the frame's and the page's chunks are asked for by index.html itself, beside the entry, not after it
    const release = await holdFirstBundle(page);
    await page.goto('/', { waitUntil: 'domcontentloaded' });
    await expect.poll(() => seen.some((s) => /^\/assets\/Layout-/.test(s)) && seen.some((s) => /^\/assets\/DashboardPage-/.test(s))).toBe(true);
    // no script of its own for that: the inline boot script holds the list (a round trip less)
    expect(seen.filter((s) => !s.startsWith('/assets/'))).toEqual([]);
    release();
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    const hinted = await hints(page);
    expect(hinted.some((h) => /^\/assets\/Layout-.+\.js$/.test(h))).toBe(true);
    expect(hinted.some((h) => /^\/assets\/DashboardPage-.+\.js$/.test(h))).toBe(true);
    expect(seen.some((s) => /^\/assets\/DashboardPage-/.test(s))).toBe(true);
    expect(seen.filter((s) => /^\/assets\/zod-/.test(s))).toEqual([]);

    // decision 0020: the first bundle runs Preact (React DOM alone made it 89 KiB on the wire)
    const entryBytes = await page.evaluate(() => (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find((e) => /\/assets\/index-.+\.js$/.test(e.name))?.encodedBodySize ?? 0);
    expect(entryBytes).toBeGreaterThan(0);
    expect(entryBytes, 'the first bundle (brotli) outgrew its budget: what did it gain?').toBeLessThan(56 * 1024);

    await load(page, '/inventory/search?q=bearing');
    await page.getByRole('heading', { name: 'Inventory search', level: 1 }).waitFor();
    expect((await hints(page)).some((h) => /^\/assets\/SearchPage-.+\.js$/.test(h))).toBe(true);
    await page.context().close();
  });
});

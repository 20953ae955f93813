import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, load, newContext, signIn } from './harness';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('offline shell (service worker precache)', () => {
  it('opens the app offline after one visit, including pages never opened online', async () => {
    const ctx = await newContext(browser, baseUrl, { serviceWorkers: 'allow' });
    const page = await ctx.newPage();
    await signIn(page, 'admin@plantops.local', undefined, true);
    await page.waitForURL(`${baseUrl}/`);
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    // A build without the worker (a development build registers none) fails here, not at the timeout.
    const ready = await page.evaluate(() =>
      Promise.race([navigator.serviceWorker.ready.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 20_000))]),
    );
    expect(ready, 'no service worker became ready within 20 s: is apps/web/dist-e2e a production build?').toBe(true);
    // installed and active means the install step cached the shell and every hashed asset
    const precached = await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.ready;
      const names = await caches.keys();
      const cache = await caches.open(names.find((n) => n.startsWith('plantops-shell-'))!);
      return { active: reg.active?.state, urls: (await cache.keys()).map((r) => new URL(r.url).pathname) };
    });
    expect(precached.active).toBe('activated');
    expect(precached.urls).toEqual(expect.arrayContaining(['/index.html']));
    expect(precached.urls.some((u) => /^\/assets\/UsersPage-.+\.js$/.test(u))).toBe(true);
    expect(precached.urls.some((u) => /^\/assets\/index-.+\.css$/.test(u))).toBe(true);

    await ctx.setOffline(true);
    const worker = ctx.serviceWorkers()[0]!;
    expect(await worker.evaluate(() => fetch('/health').then(() => 'online', () => 'offline'))).toBe('offline');
    expect(await page.evaluate(() => fetch('/api/version').then(() => 'online', () => 'offline'))).toBe('offline');

    await load(page);
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    // a page whose code was never loaded online comes from the precache
    await load(page, '/users');
    await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
    await load(page, '/inventory/search');
    await page.getByRole('heading', { name: 'Inventory search', level: 1 }).waitFor();

    await ctx.setOffline(false);
    await ctx.close();
  });
});

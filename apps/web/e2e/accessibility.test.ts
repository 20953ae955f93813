import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, load, newContext, signIn } from './harness';

/*
 * Walks every page a role can reach (its navigation, a detail page of each list, the sign-in,
 * change-password and not-found pages) at a phone and a desk width, in light and dark themes.
 * The axe check of the harness (e2e/axe.ts) runs on each page as it settles; this file makes
 * sure every page is visited in every combination, and checks focus and titles after navigation.
 */

const baseUrl = inject('baseUrl');
let browser: Browser;
const sessions = new Map<string, Awaited<ReturnType<BrowserContext['storageState']>>>();

const ROLES = ['admin@plantops.local', 'technician@plantops.local', 'inventory-clerk@plantops.local'];
const VIEWS = [
  { width: 390, height: 844, colorScheme: 'light' },
  { width: 390, height: 844, colorScheme: 'dark' },
  { width: 1366, height: 900, colorScheme: 'light' },
  { width: 1366, height: 900, colorScheme: 'dark' },
] as const;

async function sessionOf(email: string) {
  let state = sessions.get(email);
  if (!state) {
    const ctx = await newContext(browser, baseUrl);
    const page = await ctx.newPage();
    await signIn(page, email, undefined, true);
    await page.waitForURL(`${baseUrl}/`);
    state = await ctx.storageState();
    sessions.set(email, state);
    await ctx.close();
  }
  return state;
}

const heading = (page: Page) => page.locator('h1').first();

const rolePages = new Map<string, string[]>();

/** The pages the role's navigation lists (read at desk width), and the first detail page of each list that has one. */
async function pagesOf(email: string): Promise<string[]> {
  const known = rolePages.get(email);
  if (known) return known;
  const ctx = await newContext(browser, baseUrl, { storageState: await sessionOf(email), viewport: { width: 1366, height: 900 } });
  const page = await ctx.newPage();
  await load(page, '/');
  await heading(page).waitFor();
  const nav = await page.getByRole('navigation', { name: 'Main' }).locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  const pages = [...new Set(nav)];
  for (const [list, from, detail] of [
    ['/inventory/search', '/inventory/search?query=gasket', /^\/inventory\/parts\//],
    ['/vendors', '/vendors', /^\/vendors\/[^/?]+$/],
  ] as const) {
    if (!pages.includes(list)) continue;
    await load(page, from);
    const href = await page.waitForFunction(
      (re) => [...document.querySelectorAll('main a[href]')].map((a) => a.getAttribute('href') ?? '').find((h) => new RegExp(re).test(h)),
      detail.source,
    );
    pages.push(String(await href.jsonValue()));
  }
  if (pages.includes('/notifications')) pages.push('/notifications/preferences');
  pages.push('/change-password', '/no-such-page');
  rolePages.set(email, pages);
  await ctx.close();
  return pages;
}

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('every page passes axe at 390 and 1366 px, light and dark', () => {
  for (const email of ROLES) {
    // the admin sees every page in all four views; the other roles (their own homes and lists) in two
    for (const view of email.startsWith('admin') ? VIEWS : [VIEWS[1], VIEWS[2]]) {
      it(`as ${email.split('@')[0]} at ${view.width}px ${view.colorScheme}`, { timeout: 180_000 }, async () => {
        const pages = await pagesOf(email);
        expect(pages.length).toBeGreaterThan(4);
        const ctx = await newContext(browser, baseUrl, { storageState: await sessionOf(email), viewport: view, colorScheme: view.colorScheme });
        const page = await ctx.newPage();
        for (const path of pages) {
          await load(page, path);
          await heading(page).waitFor();
          expect(await page.evaluate(() => document.documentElement.classList.contains('dark')), path).toBe(view.colorScheme === 'dark');
          // nothing scrolls sideways
          expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${path} scrolls sideways`).toBe(true);
        }
        await ctx.close();
      });
    }
  }

  for (const view of VIEWS) {
    it(`signed out: the sign-in page at ${view.width}px ${view.colorScheme}`, async () => {
      const ctx = await newContext(browser, baseUrl, { viewport: view, colorScheme: view.colorScheme });
      const page = await ctx.newPage();
      await load(page, '/login');
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      // a failed sign-in shows its message: checked at the end of the test in that state
      await page.getByLabel('E-mail').fill('admin@plantops.local');
      await page.getByLabel('Password', { exact: true }).fill('Not-the-password-1');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('alert').waitFor();
    });
  }
});

describe('navigation', () => {
  it('moves focus to the new page heading and names the page in the title', async () => {
    const ctx = await newContext(browser, baseUrl, { storageState: await sessionOf('admin@plantops.local') });
    const page = await ctx.newPage();
    await load(page, '/');
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    expect(await page.title()).toBe('Dashboard · PlantOps');
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const [link, title] of [
      ['Users', 'Users'],
      ['Audit log', 'Audit log'],
      ['Search', 'Inventory search'],
    ]) {
      await nav.getByRole('link', { name: link, exact: true }).click();
      await page.getByRole('heading', { name: title, level: 1 }).waitFor();
      await page.waitForFunction((t) => document.activeElement?.tagName === 'H1' && document.activeElement.textContent === t, title);
      expect(await page.title()).toBe(`${title} · PlantOps`);
    }
    // a detail page reached by a link: its heading (known only once loaded) takes focus too
    const part = page.getByRole('table', { name: 'Search results' }).getByRole('link').first();
    await part.click();
    await page.waitForURL(/\/inventory\/parts\//);
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    expect(await page.title()).toMatch(/ · PlantOps$/);
    expect(await page.title()).toContain(await page.locator('h1').textContent().then((t) => t!.trim().split(/\s+/)[0]));
    await ctx.close();
  });

  it('keeps focus on a busy button (aria-disabled, not disabled) and ignores a second submit', async () => {
    const ctx = await newContext(browser, baseUrl);
    const page = await ctx.newPage();
    let release: () => void = () => {};
    const held = new Promise<void>((r) => (release = r));
    let logins = 0;
    await page.route('**/api/v1/auth/login', async (route) => {
      logins++;
      await held;
      await route.continue();
    });
    await load(page, '/login');
    await page.getByLabel('E-mail').fill('admin@plantops.local');
    await page.getByLabel('Password', { exact: true }).fill('PlantOps-demo-2026');
    const button = page.getByRole('button', { name: 'Sign in' });
    await button.focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('button[aria-busy="true"]');
    expect(await button.getAttribute('aria-disabled')).toBe('true');
    expect(await button.evaluate((b) => (b as HTMLButtonElement).disabled)).toBe(false);
    expect(await button.evaluate((b) => b === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter'); // a second submit while busy does nothing
    release();
    await page.waitForURL(`${baseUrl}/`);
    expect(logins).toBe(1);
    await ctx.close();
  });
});

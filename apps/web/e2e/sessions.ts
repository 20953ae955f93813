import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { newContext, signIn } from './harness';

type State = Awaited<ReturnType<BrowserContext['storageState']>>;
export const PHONE = { width: 390, height: 844 };
export const DESK = { width: 1366, height: 900 };

/**
 * One remembered sign-in per account for a test file (the login rate limit is shared by the run),
 * and a fresh page per test at the viewport it needs.
 */
export function sessions(browser: () => Browser, baseUrl: string) {
  const states = new Map<string, State>();
  async function stateOf(email: string): Promise<State> {
    const known = states.get(email);
    if (known) return known;
    const ctx = await newContext(browser(), baseUrl);
    const page = await ctx.newPage();
    await signIn(page, email, undefined, true);
    await page.waitForURL(`${baseUrl}/`);
    const state = await ctx.storageState();
    await ctx.close();
    states.set(email, state);
    return state;
  }
  return async function pageAs(email: string, viewport = DESK): Promise<Page> {
    const ctx = await newContext(browser(), baseUrl, { storageState: await stateOf(email), viewport });
    return ctx.newPage();
  };
}

/** The page does not scroll sideways: the check of every phone test. */
export async function expectNoSideways(page: Page): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.scrollingElement!.scrollWidth,
    clientWidth: document.scrollingElement!.clientWidth,
  }));
  expect(scrollWidth, `${page.url()} scrolls sideways`).toBeLessThanOrEqual(clientWidth);
}

/** Visible, and wholly inside the screen's width (not cut off at the side). */
export async function expectOnScreen(page: Page, locator: Locator): Promise<void> {
  await locator.waitFor({ state: 'visible' });
  const box = await locator.boundingBox();
  const width = page.viewportSize()!.width;
  expect(box, 'has a box').not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(width + 0.5);
}

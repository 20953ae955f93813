import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newContext } from './harness';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('API docs', () => {
  it('renders /api/docs with every operation and no content-security-policy violation', async () => {
    const page = await (await newContext(browser, baseUrl)).newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    // Violations are collected from the page itself as well as from the console.
    await page.addInitScript(() => {
      const w = window as unknown as { cspViolations: string[] };
      w.cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.goto('/api/docs', { waitUntil: 'load' });
    await page.locator('.opblock').first().waitFor();
    // Swagger UI draws only the sections near the viewport (a long document renders as you scroll),
    // so the count of operations comes from the document it loaded, and the page must show some.
    const operations = await page.evaluate(async () => {
      const doc = (await (await fetch('/api/docs/json')).json()) as { paths: Record<string, Record<string, unknown>> };
      return Object.values(doc.paths).reduce((n, ops) => n + Object.keys(ops).length, 0);
    });
    expect(operations).toBeGreaterThan(100);
    expect(await page.locator('.opblock').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByText('PlantOps API').first().isVisible()).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
    expect(problems).toEqual([]);
  });
});

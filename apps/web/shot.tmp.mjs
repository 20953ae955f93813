import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 } });
const page = await ctx.newPage();
const base = 'http://localhost:3700';
await page.goto(base + '/login');
await page.getByLabel(/e-?mail/i).fill('procurement@plantops.local');
await page.getByLabel(/password/i).fill('PlantOps-demo-2026');
await page.getByRole('button', { name: /sign in/i }).click();
await page.waitForTimeout(1500);
const shots = [['/', 'dash'], ['/inventory', 'catalog'], ['/inventory/search?query=drian', 'search'], ['/inventory/low-stock', 'lowstock'], ['/vendors', 'vendors']];
for (const [path, name] of shots) { await page.goto(base + path); await page.waitForTimeout(1500); await page.screenshot({ path: `/tmp/shots/${name}.png`, fullPage: false }); }
// open a part from search
await page.goto(base + '/inventory/search?query=gasket-drain');
await page.waitForTimeout(1200);
await page.getByRole('link', { name: 'GASKET-DRAIN-3', exact: true }).first().click();
await page.waitForTimeout(1500);
await page.screenshot({ path: '/tmp/shots/part.png', fullPage: true });
await browser.close();

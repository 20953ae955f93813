/*
 * First-load measurement of the sign-in, dashboard and search pages (decision 0014), for machines
 * where Lighthouse cannot be installed: Debian's chromium driven by playwright-core with
 * Lighthouse's mobile settings applied through the DevTools protocol (4x CPU slowdown, its
 * "applied" slow-4G preset: 562.5 ms per request, 1.47 Mbit/s down, 675 kbit/s up; a Moto G
 * Power-sized screen). Each run is a cold load (new context, empty HTTP cache, no service worker).
 *
 *   npm run build:e2e -w apps/web && npx tsx apps/web/scripts/first-load.ts [runs=3]
 *
 * Prints the median of each page's runs: FCP, LCP, TBT (long tasks after FCP, beyond 50 ms each),
 * CLS, bytes on the wire (all, and scripts), requests, and a score from Lighthouse 12's mobile
 * curves and weights with FCP standing in for Speed Index (which needs a filmstrip).
 */
import type { BrowserContext } from 'playwright-core';
import { DEMO_PASSWORD, launchBrowser, startServer } from '../e2e/harness';

const RUNS = Number(process.argv[2] ?? 3);
/** `--waterfall`: also print each request of the first run (start and end, ms after navigation). */
const WATERFALL = process.argv.includes('--waterfall');
const SCREEN = { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true };
const NETWORK = { offline: false, latency: 562.5, downloadThroughput: (1474.56 * 1024) / 8, uploadThroughput: (675 * 1024) / 8 };

interface Sample {
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
  bytes: number;
  jsBytes: number;
  requests: number;
}

/** Collects paint, LCP, layout-shift and long-task entries from the first byte on. */
function observe() {
  const w = window as unknown as { __perf: { lcp: number; cls: number; longTasks: [number, number][]; shifts: string[] } };
  w.__perf = { lcp: 0, cls: 0, longTasks: [], shifts: [] };
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) w.__perf.lcp = e.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((l) => {
    for (const e of l.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean; sources?: { node?: Node; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[] })[]) {
      if (e.hadRecentInput) continue;
      w.__perf.cls += e.value;
      // what moved, for --waterfall
      for (const s of e.sources ?? []) {
        const el = s.node instanceof Element ? s.node : s.node?.parentElement;
        const r = (b: DOMRectReadOnly) => `${b.x | 0},${b.y | 0} ${b.width | 0}x${b.height | 0}`;
        w.__perf.shifts.push(`${e.startTime | 0}ms ${e.value.toFixed(3)} <${el?.tagName.toLowerCase()} class="${el?.className}"> ${(el?.textContent ?? '').slice(0, 40)} ${r(s.previousRect)} -> ${r(s.currentRect)}`);
      }
    }
  }).observe({ type: 'layout-shift', buffered: true });
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) w.__perf.longTasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
}

async function measure(context: BrowserContext, url: string, heading: string, waterfall = false): Promise<Sample> {
  const page = await context.newPage();
  await page.addInitScript(observe);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', NETWORK);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  let bytes = 0;
  let jsBytes = 0;
  let requests = 0;
  const types = new Map<string, string>();
  const started = new Map<string, { url: string; at: number }>();
  let t0 = 0;
  cdp.on('Network.requestWillBeSent', (e) => {
    if (!t0) t0 = e.timestamp;
    started.set(e.requestId, { url: e.request.url, at: e.timestamp });
  });
  cdp.on('Network.responseReceived', (e) => types.set(e.requestId, e.type));
  cdp.on('Network.loadingFinished', (e) => {
    const r = started.get(e.requestId);
    if (waterfall && r) console.log(`  ${((r.at - t0) * 1000).toFixed(0).padStart(5)} -> ${((e.timestamp - t0) * 1000).toFixed(0).padStart(5)}  ${(e.encodedDataLength / 1024).toFixed(1).padStart(6)} KiB  ${r.url.replace(/^https?:\/\/[^/]+/, '')}`);
    bytes += e.encodedDataLength;
    requests++;
    if (types.get(e.requestId) === 'Script') jsBytes += e.encodedDataLength;
  });
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  await page.getByRole('heading', { name: heading, level: 1 }).waitFor({ timeout: 120_000 });
  await page.waitForLoadState('networkidle', { timeout: 120_000 });
  await page.waitForTimeout(1500); // late long tasks and shifts
  const perf = await page.evaluate(() => {
    const w = window as unknown as { __perf: { lcp: number; cls: number; longTasks: [number, number][]; shifts: string[] } };
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0;
    return { fcp, ...w.__perf };
  });
  await page.close();
  const tbt = perf.longTasks.filter(([start]) => start >= perf.fcp).reduce((sum, [, d]) => sum + Math.max(0, d - 50), 0);
  if (waterfall) console.log(`  FCP ${perf.fcp.toFixed(0)} LCP ${perf.lcp.toFixed(0)} long tasks ${perf.longTasks.map(([s, d]) => `${s.toFixed(0)}+${d.toFixed(0)}`).join(' ')}`);
  if (waterfall) for (const shift of perf.shifts) console.log(`  shift ${shift}`);
  return { fcp: perf.fcp, lcp: perf.lcp, tbt, cls: perf.cls, bytes, jsBytes, requests };
}

/** Lighthouse's log-normal score curve from its p10 and median control points. */
function curve(value: number, p10: number, median: number): number {
  if (value <= 0) return 1;
  const erfc = (x: number) => {
    const t = 1 / (1 + 0.5 * Math.abs(x));
    const y = t * Math.exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
    return x >= 0 ? y : 2 - y;
  };
  const sigma = Math.log(median / p10) / (Math.SQRT2 * 0.9061938024368232);
  return 0.5 * erfc(Math.log(value / median) / (Math.SQRT2 * sigma));
}

function score(s: Sample): number {
  const fcp = curve(s.fcp, 1800, 3000);
  return Math.round(100 * (0.1 * fcp + 0.1 * curve(s.fcp, 3387, 5800) + 0.25 * curve(s.lcp, 2500, 4000) + 0.3 * curve(s.tbt, 200, 600) + 0.25 * curve(s.cls, 0.1, 0.25)));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const server = await startServer();
const browser = await launchBrowser();
try {
  // One remembered sign-in, reused by the cold loads of signed-in pages.
  const signing = await browser.newContext({ baseURL: server.baseUrl, serviceWorkers: 'block' });
  const p = await signing.newPage();
  await p.goto('/login');
  await p.getByLabel('E-mail').fill('admin@plantops.local');
  await p.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await p.getByLabel('Remember me on this device').check();
  await p.getByRole('button', { name: 'Sign in' }).click();
  await p.waitForURL(`${server.baseUrl}/`);
  const state = await signing.storageState();
  await signing.close();

  const pages = [
    { name: 'sign-in', path: '/login', heading: 'Sign in', signedIn: false },
    { name: 'dashboard', path: '/', heading: 'Dashboard', signedIn: true },
    { name: 'search', path: '/inventory/search?q=bearing', heading: 'Inventory search', signedIn: true },
  ];
  console.log('page       | FCP ms | LCP ms | TBT ms | CLS   | KiB (JS) | req | score*');
  for (const pg of pages) {
    const samples: Sample[] = [];
    for (let i = 0; i < RUNS; i++) {
      const ctx = await browser.newContext({ baseURL: server.baseUrl, serviceWorkers: 'block', ...SCREEN, ...(pg.signedIn ? { storageState: state } : {}) });
      samples.push(await measure(ctx, pg.path, pg.heading, WATERFALL && i === 0));
      await ctx.close();
    }
    const m = (k: keyof Sample) => median(samples.map((s) => s[k]));
    const row: Sample = { fcp: m('fcp'), lcp: m('lcp'), tbt: m('tbt'), cls: m('cls'), bytes: m('bytes'), jsBytes: m('jsBytes'), requests: m('requests') };
    const scores = samples.map(score);
    console.log(
      `${pg.name.padEnd(10)} | ${row.fcp.toFixed(0).padStart(6)} | ${row.lcp.toFixed(0).padStart(6)} | ${row.tbt.toFixed(0).padStart(6)} | ${row.cls.toFixed(3)} | ${(row.bytes / 1024).toFixed(0).padStart(4)} (${(row.jsBytes / 1024).toFixed(0)}) | ${String(row.requests).padStart(3)} | ${median(scores)} [${scores.join(', ')}]`,
    );
  }
} finally {
  await browser.close();
  await server.stop();
}

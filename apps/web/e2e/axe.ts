import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';

/*
 * Every page a browser test visits is checked with axe-core (WCAG 2.x A/AA and axe's best
 * practices), so a page added later is held to it without a test of its own:
 * - once per page, width and theme, when the page has settled after a navigation (the harness's
 *   load() and closing a context wait for that check, so no page visited through them is missed);
 * - at the end of every test, in whatever state each open page is (dialogs, filled forms).
 * The same check reads the CSP violations the page reported (none are allowed).
 * Violations fail the test that was running (e2e/axe-setup.ts).
 */

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Every rule axe runs by default (WCAG 2.0-2.2 A/AA and best practices); only violations are read. */
const RUN_OPTIONS = { resultTypes: ['violations'] };

interface PageResult {
  key: string;
  violations: { id: string; impact: string | null; help: string; nodes: { target: string[]; failureSummary?: string }[] }[];
  csp: string[];
}

const problems: string[] = [];
const checkedKeys = new Set<string>();
const pending = new Set<Promise<void>>();
const tracked = new Set<Page>();
/** axe runs one check at a time per page: the tail of each page's queue, and whether a navigation check waits in it. */
const queues = new WeakMap<Page, { tail: Promise<void>; navigationQueued: boolean }>();
/** Navigations per page so far: a check that a later navigation overtook is not this page's. */
const navigations = new WeakMap<Page, number>();

function enqueue(page: Page, work: () => Promise<void>): Promise<void> {
  const q = queues.get(page) ?? { tail: Promise.resolve(), navigationQueued: false };
  queues.set(page, q);
  q.tail = q.tail.then(work, work);
  return q.tail;
}

/** Pages whose document goes away while axe runs (the test moved on) are checked on their next stop. */
function gone(e: unknown): boolean {
  return /Execution context was destroyed|Target (page, context or browser )?(has been )?closed|navigat|Frame was detached|Cannot find context/i.test(String(e));
}

async function runAxe(page: Page): Promise<PageResult> {
  // Evaluated by the browser's debugging protocol, which the page's CSP does not apply to.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(
    async ({ options }) => {
      const w = window as unknown as { axe: { run: (ctx: Document, o: unknown) => Promise<any> }; __cspViolations?: string[] };
      const r = await w.axe.run(document, options);
      const theme = document.documentElement.classList.contains('dark') ? 'dark' : 'light';
      return {
        key: `${location.pathname} @${window.innerWidth}px ${theme}`,
        violations: r.violations.map((v: any) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          nodes: v.nodes.slice(0, 5).map((n: any) => ({ target: n.target, failureSummary: n.failureSummary })),
        })),
        csp: w.__cspViolations?.splice(0) ?? [],
      };
    },
    { options: RUN_OPTIONS },
  );
  // /api/docs is Swagger UI's own markup, not our app: only its CSP reports count there.
  return result.key.startsWith('/api/docs') ? { ...result, violations: [] } : result;
}

function report(result: PageResult, when: string): void {
  for (const v of result.violations) {
    const nodes = v.nodes.map((n) => `      ${n.target.join(' ')}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 300)}`).join('\n');
    problems.push(`axe ${v.id} (${v.impact}) on ${result.key} ${when}: ${v.help}\n${nodes}`);
  }
  for (const c of result.csp) problems.push(`CSP violation on ${result.key} ${when}: ${c}`);
}

/**
 * Waits until the page shows a heading and its DOM has been still for a moment (data arrived). A
 * shown heading: index.html's static sign-in copy is in every page, hidden when a session is stored
 * (decision 0014), and its h1 is not the page's.
 */
async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => document.readyState === 'complete' && [...document.querySelectorAll('h1')].some((h) => h.checkVisibility()), undefined, { timeout: 10_000 });
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        let timer = setTimeout(done, 300);
        const observer = new MutationObserver(() => {
          clearTimeout(timer);
          timer = setTimeout(done, 300);
        });
        const deadline = setTimeout(done, 3_000);
        function done() {
          observer.disconnect();
          clearTimeout(deadline);
          resolve();
        }
        observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
      }),
  );
}

/** Checks a page once it has settled, if this page, width and theme were not checked yet. */
function checkAfterNavigation(page: Page): void {
  const q = queues.get(page) ?? { tail: Promise.resolve(), navigationQueued: false };
  queues.set(page, q);
  if (q.navigationQueued) return; // the check already waiting will see this navigation's page
  q.navigationQueued = true;
  const run = enqueue(page, async () => {
    const state = queues.get(page);
    if (state) state.navigationQueued = false;
    try {
      await settle(page);
      const seen = navigations.get(page);
      const result = await runAxe(page);
      // The test moved on (a back button, a link) while axe read the page: what it saw was half
      // of each page, and the new page has its own check queued.
      if (navigations.get(page) !== seen) return;
      if (checkedKeys.has(result.key)) {
        report({ ...result, violations: [] }, 'after navigation');
        return;
      }
      checkedKeys.add(result.key);
      if (process.env.AXE_DEBUG) console.log(`axe: ${result.key}, ${result.violations.length} violation(s)`);
      report(result, 'after navigation');
    } catch (e) {
      if (process.env.AXE_DEBUG) console.log(`axe: no check of ${page.url()}: ${String(e).split('\n')[0]}`);
      if (!gone(e) && !/Timeout/i.test(String(e))) problems.push(`axe check failed on ${page.url()}: ${String(e)}`);
    }
  });
  pending.add(run);
  void run.finally(() => pending.delete(run));
}

function track(page: Page): void {
  tracked.add(page);
  page.on('close', () => tracked.delete(page));
  page.on('framenavigated', (frame) => {
    if (frame !== page.mainFrame()) return;
    navigations.set(page, (navigations.get(page) ?? 0) + 1);
    if (frame.url().startsWith('http')) checkAfterNavigation(page);
  });
}

/** Waits for the checks of a page that are queued or running (before it navigates away or closes). */
export async function checksDone(page: Page): Promise<void> {
  await queues.get(page)?.tail;
}

/** Called by the harness for every browser context a test opens. */
export async function watchAccessibility(context: BrowserContext): Promise<void> {
  // A test that closes its context at the end still has its last page checked.
  const close = context.close.bind(context);
  context.close = async (options) => {
    await Promise.all(context.pages().map(checksDone));
    return close(options);
  };
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const w = window as unknown as { __cspViolations?: string[] };
      (w.__cspViolations ??= []).push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline code'} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  context.on('page', track);
}

/**
 * The end of a test: waits for the navigation checks, checks every open page as it is now, and
 * returns what was found since the last call (the test fails on any).
 */
export async function finishAccessibilityChecks(): Promise<string[]> {
  while (pending.size) await Promise.all([...pending]);
  for (const page of [...tracked]) {
    if (page.isClosed() || !page.url().startsWith('http')) continue;
    await enqueue(page, async () => {
      try {
        report(await runAxe(page), 'at the end of the test');
      } catch (e) {
        if (!gone(e)) problems.push(`axe check failed on ${page.url()}: ${String(e)}`);
      }
    });
  }
  return problems.splice(0);
}

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { checksDone, watchAccessibility } from './axe';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/**
 * The browser suite builds the web app into its own folder (global-setup.ts), never apps/web/dist,
 * so running the tests beside a running server leaves the build that server serves alone.
 * E2E_WEB_DIST points the server at another build (scripts/first-load.ts compares two).
 */
export const E2E_WEB_DIST = process.env.E2E_WEB_DIST ?? path.join(REPO_ROOT, 'apps/web/dist-e2e');
export const DEMO_PASSWORD = 'PlantOps-demo-2026';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  baseUrl: string;
  stop: () => Promise<void>;
}

/** Starts the API (serving the suite's own build, apps/web/dist-e2e) on a free port with a fresh embedded database. */
export async function startServer(): Promise<RunningServer> {
  if (!existsSync(path.join(E2E_WEB_DIST, 'index.html'))) throw new Error(`${E2E_WEB_DIST} is missing: run \`npm run build:e2e -w apps/web\` (global-setup.ts does)`);
  const port = await freePort();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'plantops-e2e-'));
  // Every test signs in from 127.0.0.1, far above one person's rate: scale the limits (the API
  // suite tests the limits themselves) so that adding a test cannot make the run flaky.
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, WEB_DIST: E2E_WEB_DIST, LOG_LEVEL: 'warn', RATE_LIMIT_MULTIPLIER: '10', DEMO_ORDERS: 'never' };
  delete env.DATABASE_URL;
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'apps/api/src/main.ts')], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (b: Buffer) => {
    output = (output + b.toString()).slice(-8000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    await rm(dataDir, { recursive: true, force: true });
  };

  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`API exited with code ${child.exitCode} before it was ready:\n${output}`);
    }
    try {
      const res = await fetch(`${baseUrl}/ready`);
      if (res.status === 200) return { baseUrl, stop };
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  await stop();
  throw new Error(`API not ready within 90 s:\n${output}`);
}

/** extraArgs: e.g. a fake camera (e2e/camera.ts). */
export function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      ...extraArgs,
    ],
  });
}

type ContextOptions = {
  viewport?: { width: number; height: number };
  storageState?: Awaited<ReturnType<BrowserContext['storageState']>>;
  colorScheme?: 'light' | 'dark';
  /** Only the offline test lets the service worker run. */
  serviceWorkers?: 'allow' | 'block';
};

/**
 * A fresh context; service workers are blocked so every test sees the server's current build.
 * Every page it opens is checked with axe and for CSP violations (e2e/axe.ts).
 */
export async function newContext(browser: Browser, baseURL: string, opts: ContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL,
    viewport: opts.viewport ?? { width: 1280, height: 800 },
    colorScheme: opts.colorScheme ?? 'light',
    serviceWorkers: opts.serviceWorkers ?? 'block',
    ...(opts.storageState ? { storageState: opts.storageState } : {}),
  });
  await watchAccessibility(context);
  return context;
}

/** Navigates (or reloads when no path is given) and waits for the page's scripts; the page being left is axe-checked first. */
export async function load(page: Page, path?: string): Promise<void> {
  await checksDone(page);
  if (path === undefined) await page.reload({ waitUntil: 'load' });
  else await page.goto(path, { waitUntil: 'load' });
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD, remember = false): Promise<void> {
  await load(page, '/login');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  if (remember) await page.getByLabel('Remember me on this device').check();
  await page.getByRole('button', { name: 'Sign in' }).click();
}

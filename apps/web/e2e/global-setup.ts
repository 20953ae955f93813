import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { E2E_WEB_DIST, REPO_ROOT, startServer } from './harness';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/**
 * Builds the web app into apps/web/dist-e2e (its own folder: a server running from this checkout
 * keeps serving apps/web/dist untouched), then starts one API server (fresh embedded database,
 * demo data) for the whole run. E2E_SKIP_BUILD=1 reuses the last e2e build while iterating.
 */
export default async function setup(project: TestProject) {
  if (process.env.E2E_SKIP_BUILD !== '1') {
    const web = path.join(REPO_ROOT, 'apps/web');
    // Vitest sets NODE_ENV=test, and Vite builds with an inherited NODE_ENV: the suite would test a
    // development build (React's dev bundle, import.meta.env.PROD false, so no service worker is
    // ever registered and the offline test waits forever for one). Build what users get.
    const built = spawnSync('npm', ['run', 'build:e2e'], { cwd: web, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
    if (built.status !== 0) throw new Error(`building the web app into ${E2E_WEB_DIST} failed (exit ${built.status})`);
  }
  const server = await startServer();
  project.provide('baseUrl', server.baseUrl);
  return async () => {
    await server.stop();
  };
}

import { createHash } from 'node:crypto';

/** The line of public/sw.js that the build replaces with this build's asset list. */
export const BUILD_PLACEHOLDER = "const BUILD = { version: 'dev', assets: [] };";

/**
 * The service worker's precache list: every hashed file the build wrote under assets/ (scripts of
 * every route, styles), so that any page opens offline after one visit. Source maps stay out.
 */
export function precacheAssets(fileNames: string[]): string[] {
  return fileNames
    .filter((f) => f.startsWith('assets/') && !f.endsWith('.map'))
    .map((f) => `/${f}`)
    .sort();
}

/** Writes the list and a version (a hash of it) into the worker, so a new build installs a new cache. */
export function withPrecacheList(swSource: string, assets: string[]): string {
  if (!swSource.includes(BUILD_PLACEHOLDER)) throw new Error(`public/sw.js must contain the line: ${BUILD_PLACEHOLDER}`);
  const version = createHash('sha256').update(assets.join('\n')).digest('hex').slice(0, 12);
  return swSource.replace(BUILD_PLACEHOLDER, `const BUILD = ${JSON.stringify({ version, assets })};`);
}

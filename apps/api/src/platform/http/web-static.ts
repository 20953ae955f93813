import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { FastifyStaticOptions, SetHeadersResponse } from '@fastify/static';

/** Hashed build output (`/assets/name-HASH.js`): the name changes whenever the content does. */
const HASHED = /[/\\]assets[/\\][^/\\]+$/;
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|webmanifest|txt)$/;
const YEAR_SECONDS = 365 * 24 * 3600;

/**
 * How long a browser may keep a file of the web build (decision 0009): hashed assets for a year
 * without asking again; everything else (index.html, sw.js, icons, theme script) is checked with
 * the server on each use, so a new build is seen on the next load.
 */
export function webCacheControl(filePath: string): string {
  return HASHED.test(filePath) ? `public, max-age=${YEAR_SECONDS}, immutable` : 'no-cache';
}

function setHeaders(res: SetHeadersResponse, filePath: string): void {
  const original = filePath.replace(/\.(br|gz)$/, '');
  res.setHeader('cache-control', webCacheControl(original));
  // The same URL answers brotli, gzip or plain bytes by Accept-Encoding: caches must key on it.
  if (COMPRESSIBLE.test(original)) res.setHeader('vary', 'accept-encoding');
}

/**
 * @fastify/static options for the web build: the `.br`/`.gz` copies written at build time are sent
 * to browsers that accept them (with Content-Encoding), and never by their own names.
 */
export function webStaticOptions(root: string): FastifyStaticOptions {
  return {
    root,
    wildcard: false,
    index: ['index.html'],
    preCompressed: true,
    cacheControl: false,
    setHeaders,
    allowedPath: (pathname) => !/\.(br|gz)$/.test(pathname),
  };
}

/**
 * The CSP sources of index.html's inline scripts (`'sha256-…'`): the web build inlines its boot
 * script so the first paint waits for no script request (decision 0014), and the policy allows
 * that script and no other inline code. Read from the build itself, again whenever index.html
 * changes on disk, so a new build served by a running server keeps working.
 */
export function inlineScriptHashes(root: string | null): () => string[] {
  const file = root === null ? null : path.join(root, 'index.html');
  let seen = -1;
  let checkedAt = -Infinity;
  let hashes: string[] = [];
  return () => {
    if (!file) return hashes;
    // Every response carries the policy: look at the file at most once a second, not per request
    // (a stat per request was 3% of a busy server's CPU).
    const now = performance.now();
    if (now - checkedAt < 1_000) return hashes;
    checkedAt = now;
    let mtime: number;
    try {
      mtime = statSync(file).mtimeMs;
    } catch {
      return (hashes = []);
    }
    if (mtime !== seen) {
      seen = mtime;
      hashes = scriptHashes(readFileSync(file, 'utf8'));
    }
    return hashes;
  };
}

/** sha256 sources for every `<script>` element with content and no src in an HTML document. */
export function scriptHashes(html: string): string[] {
  const out: string[] = [];
  for (const [, attrs, body] of html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi)) {
    if (/\ssrc\s*=/i.test(attrs ?? '') || !body) continue;
    out.push(`'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
  }
  return out;
}

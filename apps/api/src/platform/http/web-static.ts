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

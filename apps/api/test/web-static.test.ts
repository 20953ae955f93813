import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from './harness.js';

// A web build as apps/web's build writes it: hashed assets, each with .br and .gz copies beside it.
const BOOT = "document.documentElement.dataset.boot='sign-in';";
const INDEX = `<!doctype html><html><head><title>PlantOps</title><script>${BOOT}</script><script type="module" src="/assets/index-AbC123.js"></script></head><body><div id="root"></div></body></html>`;
const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const SCRIPT = `console.log(${JSON.stringify('x'.repeat(4000))});`;
const SW = "const BUILD = {version:'abc',assets:['/assets/index-AbC123.js']};";

let t: TestContext;
let dist: string;
beforeAll(async () => {
  dist = await mkdtemp(path.join(os.tmpdir(), 'plantops-web-'));
  await mkdir(path.join(dist, 'assets'));
  const files: Record<string, string> = { 'index.html': INDEX, 'assets/index-AbC123.js': SCRIPT, 'sw.js': SW };
  for (const [name, text] of Object.entries(files)) {
    await writeFile(path.join(dist, name), text);
    await writeFile(path.join(dist, `${name}.br`), brotliCompressSync(text));
    await writeFile(path.join(dist, `${name}.gz`), gzipSync(text));
  }
  await writeFile(path.join(dist, 'theme-init.js'), '/* small: no compressed copy */');
  t = await createTestApp({ webDist: dist });
});
afterAll(async () => {
  await t?.close();
  await rm(dist, { recursive: true, force: true });
});

const get = (url: string, acceptEncoding?: string) => t.app.inject({ url, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });

describe('static web build', () => {
  it('sends hashed assets brotli-compressed when accepted, cached for a year as immutable', async () => {
    const res = await get('/assets/index-AbC123.js', 'gzip, deflate, br, zstd');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(SCRIPT);
    expect(Number(res.headers['content-length'])).toBeLessThan(SCRIPT.length / 10);
  });

  it('falls back to gzip, then to plain bytes, by Accept-Encoding', async () => {
    const gz = await get('/assets/index-AbC123.js', 'gzip, deflate');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(SCRIPT);
    const plain = await get('/assets/index-AbC123.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(SCRIPT);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('makes the browser check index.html, the service worker and unhashed files on every load', async () => {
    for (const url of ['/', '/index.html', '/sw.js', '/theme-init.js', '/inventory/search']) {
      const res = await get(url, 'br');
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
    const page = await get('/inventory/search', 'br');
    expect(page.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(page.rawPayload).toString()).toBe(INDEX);
    expect((await get('/theme-init.js', 'br')).headers['content-encoding']).toBeUndefined();
  });

  it('serves the manifest uncached and never the compressed copies by their own names', async () => {
    expect((await get('/manifest.webmanifest')).headers['cache-control']).toBe('no-cache');
    expect((await get('/assets/index-AbC123.js.br')).statusCode).toBe(404);
    // outside /assets an unknown name is a client-side route: the page, not the gzip bytes
    const gz = await get('/sw.js.gz');
    expect(gz.headers['content-type']).toMatch(/html/);
    expect(gz.body).toBe(INDEX);
  });

  it("allows index.html's inline boot script by its hash, and no other inline script", async () => {
    const scriptSrc = (csp: string | undefined) => csp?.split(';').find((d) => d.trim().startsWith('script-src '))?.trim().split(/\s+/).slice(1);
    for (const url of ['/', '/login', '/api/version']) {
      const sources = scriptSrc((await get(url)).headers['content-security-policy'] as string);
      expect(sources, url).toEqual(["'self'", sha256(BOOT)]);
    }
    // a new build written under a running server: its script's hash from then on (the file is
    // looked at once a second at most)
    const next = "document.documentElement.dataset.boot='frame';";
    const file = path.join(dist, 'index.html');
    await writeFile(file, INDEX.replace(BOOT, next));
    const later = new Date(Date.now() + 5000);
    await utimes(file, later, later);
    try {
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      expect(scriptSrc((await get('/')).headers['content-security-policy'] as string)).toEqual(["'self'", sha256(next)]);
    } finally {
      await writeFile(file, INDEX);
      await utimes(file, new Date(), new Date());
    }
  });

  it('answers a missing hashed asset with a 404, not the page', async () => {
    const res = await get('/assets/index-Gone99.js', 'br');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/json/);
  });
});

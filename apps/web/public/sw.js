/*
 * PlantOps service worker (decisions 0005 and 0009). At install it caches the app shell and every
 * hashed asset of its build, so the app opens offline after one visit; it never caches the API.
 */
// The build replaces this line with its hashed assets and a version (apps/web/build/precache.ts).
const BUILD = { version: 'dev', assets: [] };
const CACHE = `plantops-shell-${BUILD.version}`;
const SHELL = ['/index.html', '/icons/icon.svg', '/icons/icon-192.png'];
const NEVER = ['/api/', '/health', '/ready', '/docs'];

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      // cache: 'reload' so a stale HTTP cache cannot put an older index.html beside these assets
      .then((cache) => cache.addAll([...SHELL, ...BUILD.assets].map((url) => new Request(url, { cache: 'reload' }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('plantops-shell-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

function bypass(request) {
  if (request.method !== 'GET') return true;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return true;
  return NEVER.some((p) => url.pathname === p || url.pathname.startsWith(p));
}

/** Pages: the network's index.html when online (a new build shows at once), the cached one offline. */
async function networkFirstShell(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put('/index.html', response.clone());
    return response;
  } catch {
    return (await cache.match('/index.html')) || Response.error();
  }
}

/** Hashed assets never change under their name: the cache answers, the network only fills gaps. */
async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  const html = (response.headers.get('content-type') || '').includes('text/html');
  if (response.ok && !html) await cache.put(request, response.clone());
  return response;
}

/** Everything else of the site (icons, theme script, manifest): the cache now, refreshed behind. */
async function staleWhileRevalidate(event) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(event.request);
  const network = fetch(event.request)
    .then((response) => {
      // An SPA fallback (index.html answered for a missing asset) must not be cached as the asset.
      const html = (response.headers.get('content-type') || '').includes('text/html');
      if (response.ok && !html) cache.put(event.request, response.clone());
      return response;
    })
    .catch(() => undefined);
  if (cached) {
    event.waitUntil(network);
    return cached;
  }
  return (await network) || Response.error();
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (bypass(request)) return;
  if (request.mode === 'navigate') {
    event.respondWith(networkFirstShell(request));
    return;
  }
  if (new URL(request.url).pathname.startsWith('/assets/')) {
    event.respondWith(cacheFirst(request));
    return;
  }
  event.respondWith(staleWhileRevalidate(event));
});

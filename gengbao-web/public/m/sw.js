// Gengbao patrol service worker: keeps the app shell (HTML, scripts, styles, icons) so the app opens without signal
// after one visit with signal. API calls are never cached here; the app keeps its data (packages, queued records,
// photos) in IndexedDB.
//
// The page names its hashed entry script, styles and module preloads; scripts load further chunks by relative import
// ("./x-HASH.js") or through Vite's dependency map ("assets/x-HASH.js"), so the worker follows those names from script
// to script and keeps every file the app can ask for, lazily loaded ones included. Each time the page is fetched with
// signal the set is renewed from it and files of older builds are dropped.
const SHELL = 'gengbao-patrol-shell-v2';
const FIXED = ['/m/', '/m/manifest.webmanifest', '/m/icon.svg', '/m/icon-192.png', '/m/icon-512.png'];
const MAX_ASSETS = 300;

/**
 * Caches every /assets/ file reachable from the page's HTML and returns their paths. A file the HTML names must
 * arrive; a name found inside a script that the server does not have is passed over.
 */
async function cacheAssetsOf(html, cache) {
  const found = new Set();
  const named = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
  const todo = named.map((path) => ({ path, required: true }));
  while (todo.length && found.size < MAX_ASSETS) {
    const { path, required } = todo.shift();
    if (found.has(path)) continue;
    let response = await cache.match(path);
    if (!response) {
      response = await fetch(path);
      if (!response.ok) {
        if (required) throw new Error(`${path}: ${response.status}`);
        continue;
      }
      await cache.put(path, response.clone());
    }
    found.add(path);
    if (!path.endsWith('.js')) continue;
    const text = await response.text();
    for (const m of text.matchAll(/["'`](?:\.\/|\/?assets\/)([\w.-]+\.(?:js|css))["'`]/g)) {
      todo.push({ path: '/assets/' + m[1], required: false });
    }
  }
  return found;
}

/** Caches what this HTML needs and drops the assets of other builds. */
async function keepShell(html) {
  const cache = await caches.open(SHELL);
  const assets = await cacheAssetsOf(html, cache);
  for (const request of await cache.keys()) {
    const path = new URL(request.url).pathname;
    if (path.startsWith('/assets/') && !assets.has(path)) await cache.delete(request);
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL);
      await cache.addAll(FIXED);
      await keepShell(await (await cache.match('/m/')).text());
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('gengbao-patrol-') && k !== SHELL).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
  // hashed assets never change: from the cache once there
  if (url.pathname.startsWith('/assets/')) {
    event.respondWith(
      caches.match(request, { ignoreSearch: true }).then((hit) => hit || fetch(request).then((response) => {
        if (response.ok) {
          const copy = response.clone();
          event.waitUntil(caches.open(SHELL).then((cache) => cache.put(request, copy)));
        }
        return response;
      })),
    );
    return;
  }
  if (!url.pathname.startsWith('/m/') || url.pathname === '/m/sw.js') return;
  // the page and the small files under /m/: the network first (a new version arrives with signal), else the copy
  const page = request.mode === 'navigate';
  const key = page ? '/m/' : url.pathname;
  event.respondWith(
    (async () => {
      try {
        const response = await fetch(request);
        if (response.ok) {
          const copy = response.clone();
          event.waitUntil((async () => {
            const cache = await caches.open(SHELL);
            await cache.put(key, copy.clone());
            if (page) await keepShell(await copy.text()).catch(() => {});
          })());
          return response;
        }
        return (await caches.match(key)) ?? response;
      } catch (e) {
        const hit = await caches.match(key, { ignoreSearch: true });
        if (hit) return hit;
        throw e;
      }
    })(),
  );
});

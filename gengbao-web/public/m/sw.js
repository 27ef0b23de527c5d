// Gengbao patrol service worker: keeps the app shell (HTML, scripts, styles, icons) so the app opens without
// signal. API calls are never cached here; the app keeps its data (packages, queued records, photos) in IndexedDB.
const SHELL = 'gengbao-patrol-shell-v1';

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL);
      await cache.addAll(['/m/', '/m/manifest.webmanifest', '/m/icon.svg', '/m/icon-192.png']);
      // The page names its hashed scripts and styles (entry, CSS and module preloads): keep them all.
      const html = await (await cache.match('/m/')).text();
      const assets = [...new Set([...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]))];
      await cache.addAll(assets);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== SHELL).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// Network first for the app shell (so a new version arrives when online), the cached copy when offline;
// hashed assets under /assets/ never change, so they are served from the cache once there.
self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
  if (url.pathname.startsWith('/assets/')) {
    event.respondWith(
      caches.match(event.request).then((hit) => hit || fetch(event.request).then((response) => {
        if (response.ok) caches.open(SHELL).then((cache) => cache.put(event.request, response.clone()));
        return response;
      })),
    );
    return;
  }
  if (url.pathname.startsWith('/m/')) {
    event.respondWith(
      fetch(event.request)
        .then((response) => {
          if (response.ok) {
            const copy = response.clone();
            caches.open(SHELL).then((cache) => cache.put(event.request, copy));
          }
          return response;
        })
        .catch(() => caches.match(event.request).then((hit) => hit || caches.match('/m/'))),
    );
  }
});

// The service worker: keeps this deployment's own files so the page works offline after one visit.
// scripts/package.mjs fills in BUILD and FILES for each build, so a new deployment installs a new
// cache and removes the old one. It never fetches anything but the page's own files.
const BUILD = '__BUILD__';
const FILES = __FILES__;
const CACHE = 'jixiao-' + BUILD;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('jixiao-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // The page itself: the network first, so a new deployment is seen when online; the cache when offline.
    event.respondWith(
      fetch(request)
        .then((response) => {
          const copy = response.clone();
          caches.open(CACHE).then((cache) => cache.put(request, copy));
          return response;
        })
        .catch(() => caches.match(request, { ignoreSearch: true }).then((r) => r || caches.match('./index.html'))),
    );
    return;
  }
  // Hashed app files never change: the cache first.
  event.respondWith(caches.match(request).then((r) => r || fetch(request)));
});

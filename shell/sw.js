// The service worker (registered by offline.js): at install it caches the whole page, module
// included, so the hosted lesson opens with no network. Online, the network answers first (a new
// build shows at once) and refreshes the cache; offline, or after a few seconds without an
// answer, the cache does. The build (tools/stamp_service_worker.cmake) writes the file list and a
// hash of the files into dist/sw.js: a new build is a new worker with a new cache, the old goes.
'use strict';
const BUILD = '@LOOPSTEP_BUILD@';
const FILES = /*@LOOPSTEP_FILES@*/[];
const PREFIX = 'loopstep:' + self.registration.scope + ':';  // one deployment's caches
const CACHE = PREFIX + BUILD;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE)
    .then((cache) => cache.addAll(['./', ...FILES].map((file) => new Request(file, { cache: 'reload' }))))
    .then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((key) => key.startsWith(PREFIX) && key !== CACHE).map((key) => caches.delete(key))))
    .then(() => self.clients.claim()));
});

const patienceMs = 4000;  // a network this slow (a train's Wi-Fi) loses to the cache

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    // A page URL may carry ?height=...: the page itself is the same file.
    const key = request.mode === 'navigate' ? request.url.replace(/[?#].*$/, '') : request.url;
    const cached = await cache.match(key);
    const network = fetch(request).then((response) => {
      if (cached && response.ok) cache.put(key, response.clone()).catch(() => {});
      return response;
    });
    if (!cached) return network;
    const late = new Promise((resolve) => setTimeout(() => resolve(cached), patienceMs));
    return Promise.race([network.catch(() => cached), late]);
  })());
});

// The service worker (registered by offline.js): at install it caches one build of the page,
// module included, so the hosted lesson opens with no network. tools/stamp_build.py writes the
// build's hash and its URLs into dist/sw.js: every script, style and module URL carries ?v=BUILD
// (index.html asks for exactly those), so a cached answer always belongs to the build that asked
// and a new .js never meets an old .wasm. A versioned URL never changes: the cache answers it
// first. The page itself (index.html) is asked of the network first (a new build shows at once),
// the cache answering offline or after a few seconds without an answer. A new build is a new
// worker with a new cache; once it is active, the old build's cache goes.
'use strict';
const BUILD = '@LOOPSTEP_BUILD@';
const FILES = /*@LOOPSTEP_FILES@*/[];
const PREFIX = 'loopstep:' + self.registration.scope + ':';  // one deployment's caches
const CACHE = PREFIX + BUILD;
const PAGE = new URL('./', self.registration.scope).href;

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

// The page, from the network first; the cache offline or when the network is too slow.
async function page(request, cache) {
  const cached = await cache.match(PAGE);
  const network = fetch(request).then((response) => {
    if (response.ok) cache.put(PAGE, response.clone()).catch(() => {});
    return response;
  });
  if (!cached) return network;
  const late = new Promise((resolve) => setTimeout(() => resolve(cached), patienceMs));
  return Promise.race([network.catch(() => cached), late]);
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  // A page URL may carry ?height=... or a #fragment: the page itself is the same file.
  const isPage = request.mode === 'navigate' || url.href.replace(/[?#].*$/, '') === PAGE ||
                 url.pathname.endsWith('/index.html');
  event.respondWith(caches.open(CACHE).then(async (cache) => {
    if (isPage) return page(request, cache);
    // This build's files, or another build's (a page of a newer build still loading): the cache
    // holds only this build's, so another build's URL goes to the network as it is.
    return (await cache.match(request)) || fetch(request);
  }));
});

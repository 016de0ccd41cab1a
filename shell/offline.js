// Registers the service worker (sw.js) that lets the hosted page open offline after a first
// visit. Only for the hosted build on http(s): never from file://, never in the SCORM package
// or when an LMS runtime was found (a worker there would sit on the LMS's origin).
'use strict';
(function () {
  const meta = document.querySelector('meta[name="loopstep-build"]');
  const build = meta ? meta.content : 'hosted';
  if (build !== 'hosted') return;
  if (!('serviceWorker' in navigator) || !window.isSecureContext || !/^https?:$/.test(window.location.protocol)) return;
  const register = () => window.loopstepLms.ready.then((store) => {
    if (store.kind === 'lms') return null;
    // A worker already running this page asks for a newer sw.js (a new build) at every visit.
    return navigator.serviceWorker.register('sw.js')
      .then((registration) => (registration.active ? registration.update() : null));
  }).catch((error) => console.info('loopstep: offline copy unavailable:', error.message));
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
})();

// Tells a host page how tall the lesson wants its iframe, in the conventions LMSs listen to:
// Canvas's lti.frameResize message and H5P's resizer protocol (hello, prepareResize,
// resizePrepared, resize). The canvas fills whatever it gets, so the height is a choice: a
// 16:10 box for the frame's width within [600, 900] px, or ?height=N from the embed URL.
'use strict';
window.loopstepResize = (function () {
  const framed = window.parent !== window;
  const asked = Number(new URLSearchParams(window.location.search).get('height'));
  const minHeight = 600, maxHeight = 900;

  function preferredHeight() {
    if (asked > 0) return Math.round(Math.min(4000, Math.max(300, asked)));
    const width = document.documentElement.clientWidth || window.innerWidth || 1000;
    return Math.round(Math.min(maxHeight, Math.max(minHeight, width * 0.625)));
  }

  function post(message) {
    try { window.parent.postMessage(message, '*'); } catch { /* the host went away */ }
  }

  let h5pHost = false;  // the host answered H5P's hello: it runs a resizer
  let announced = 0;

  function announce(force) {
    if (!framed) return;
    const height = preferredHeight();
    if (!force && height === announced) return;
    announced = height;
    post(JSON.stringify({ subject: 'lti.frameResize', height }));
    if (h5pHost) {
      post({ context: 'h5p', action: 'prepareResize', scrollHeight: height, clientHeight: window.innerHeight });
    }
  }

  if (framed) {
    window.addEventListener('message', (event) => {
      if (event.source !== window.parent) return;
      const data = event.data;
      if (!data || typeof data !== 'object' || data.context !== 'h5p') return;
      switch (data.action) {
        case 'ready': post({ context: 'h5p', action: 'hello' }); break;  // a resizer that loaded after us
        case 'hello': h5pHost = true; announce(true); break;
        case 'resizePrepared': post({ context: 'h5p', action: 'resize', scrollHeight: preferredHeight() }); break;
        case 'resize': announce(true); break;  // the host's window changed size
        default: break;
      }
    });
    window.addEventListener('resize', () => announce(false));
    post({ context: 'h5p', action: 'hello' });
    announce(true);
  }

  return { preferredHeight, announce };
})();

// Loads the wasm app (loopstep_app.js/.wasm) into the page: checks for WebAssembly and WebGL2,
// shows download progress, hides the status box at the first frame, then attaches the page API
// (api.js) and restores the learner's progress (progress.js); shows errors, and a lost WebGL
// context. Pairs with web/web_api.cpp. The single-file build carries the module inside the
// page (#loopstep-wasm, base64; #loopstep-app, the module's JS), written by tools/package.py.
'use strict';
(function () {
  const status = document.getElementById('status');
  const statusText = document.getElementById('status-text');
  const progress = document.getElementById('status-progress');
  const canvas = document.getElementById('canvas');

  function fail(message) {
    status.hidden = false;
    status.classList.add('error');
    statusText.textContent = message;
    document.body.dataset.loopstep = 'error';
  }

  function showProgress(loaded, total) {
    const mb = (n) => (n / 1048576).toFixed(1) + ' MB';
    if (total > 0) {
      progress.value = loaded / total;
      statusText.textContent = 'Loading loopstep… ' + mb(loaded) + ' of ' + mb(total);
    } else {
      progress.removeAttribute('value');
      statusText.textContent = 'Loading loopstep… ' + mb(loaded);
    }
  }

  // The wasm, fetched here rather than by the module so the page can show progress.
  async function fetchWasm(url) {
    const response = await fetch(url);
    if (!response.ok) throw new Error('could not download ' + url + ' (HTTP ' + response.status + ')');
    const total = Number(response.headers.get('Content-Length')) || 0;
    if (!response.body) return new Uint8Array(await response.arrayBuffer());
    const reader = response.body.getReader();
    const chunks = [];
    let loaded = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      loaded += value.length;
      showProgress(loaded, total);
    }
    const bytes = new Uint8Array(loaded);
    let offset = 0;
    for (const chunk of chunks) { bytes.set(chunk, offset); offset += chunk.length; }
    return bytes;
  }

  // The single-file build's module, decoded from the page itself (file:// cannot fetch).
  function inlineWasm(element) {
    const text = atob(element.textContent.replace(/\s+/g, ''));
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; ++i) bytes[i] = text.charCodeAt(i);
    return bytes;
  }

  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
    fail('loopstep needs WebAssembly, which this browser has turned off or does not support. ' +
         'Try an up-to-date Firefox, Chrome, Edge or Safari.');
    return;
  }
  const probe = document.createElement('canvas').getContext('webgl2');
  if (!probe) {
    fail('loopstep needs WebGL2, which this browser has turned off or does not support. ' +
         'Try an up-to-date Firefox, Chrome, Edge or Safari, or turn on hardware acceleration.');
    return;
  }

  const embeddedWasm = document.getElementById('loopstep-wasm');
  const wasm = embeddedWasm ? Promise.resolve().then(() => inlineWasm(embeddedWasm)) : fetchWasm('loopstep_app.wasm');
  window.Module = {
    canvas: canvas,
    print: (text) => console.log(text),
    printErr: (text) => console.warn(text),
    instantiateWasm(imports, receiveInstance) {
      wasm.then((bytes) => WebAssembly.instantiate(bytes, imports))
        .then((result) => receiveInstance(result.instance, result.module))
        .catch((error) => fail('loopstep could not start: ' + error.message));
      return {};  // instantiated asynchronously
    },
    loopstepFirstFrame() {
      const api = window.loopstepApi.attach(window.Module);
      // The store (an LMS or localStorage) may still be answering: ready once progress is back.
      Promise.resolve().then(() => window.loopstepProgress.start(api))
        .catch((error) => console.warn('loopstep: could not restore the saved progress:', error))
        .then(() => {
          window.loopstepA11y.start(api);
          document.getElementById('text-view').hidden = false;
          status.hidden = true;
          document.body.dataset.loopstep = 'ready';
          canvas.focus();
        });
    },
    onAbort: (what) => fail('loopstep stopped with an error: ' + what),
  };
  window.addEventListener('error', (event) => {
    if (document.body.dataset.loopstep !== 'ready') fail('loopstep could not start: ' + event.message);
  });

  // SDL re-reads devicePixelRatio on a window resize; a change without one (moving to another
  // monitor) would leave the canvas at the old density, so turn it into a resize event. Polled:
  // matchMedia change events do not fire under every browser's emulation.
  let pixelRatio = window.devicePixelRatio;
  setInterval(() => {
    if (window.devicePixelRatio === pixelRatio) return;
    pixelRatio = window.devicePixelRatio;
    window.dispatchEvent(new Event('resize'));
  }, 500);

  // A lost WebGL context (a GPU reset, too many contexts, a driver update) blanks the canvas:
  // say so, and when the browser gives the context back, reload: progress is saved first and
  // restored by the new page (the app's GL objects are gone with the old context).
  canvas.addEventListener('webglcontextlost', (event) => {
    event.preventDefault();  // without this the browser never restores the context
    status.hidden = false;
    status.classList.add('error');
    statusText.textContent = 'The graphics context was lost (the GPU was reset or is busy). ' +
      'loopstep will come back by itself when the browser restores it; your progress is saved.';
    document.body.dataset.loopstep = 'context-lost';
  });
  canvas.addEventListener('webglcontextrestored', () => {
    statusText.textContent = 'Graphics are back: reloading loopstep…';
    try { window.loopstepProgress.saveBeforeReload(); } catch { /* nothing started yet */ }
    window.location.reload();
  });

  const script = document.createElement('script');
  const embeddedApp = document.getElementById('loopstep-app');
  if (embeddedApp) {
    script.textContent = embeddedApp.textContent;
  } else {
    script.src = 'loopstep_app.js';
    script.onerror = () => fail('could not download loopstep_app.js');
  }
  document.body.appendChild(script);
})();

// Loads the wasm app (loopstep_app.js/.wasm) into the page: checks for WebAssembly and WebGL2,
// shows the lesson's text (dist/lessons.js) in the text version at once, compiles the module while
// it downloads with a loading bar of the bytes received, hides the status box at the first frame,
// then attaches the page API (api.js) and restores the learner's progress (progress.js); shows
// errors, and a lost WebGL context. Pairs with web/web_api.cpp. Every URL carries the build's
// ?v=BUILD (this script's own, stamped by tools/stamp_build.py): one build's JS with its own wasm.
// The single-file build carries the module inside the page (#loopstep-wasm: the wasm gzipped, in
// base64; #loopstep-app: the module's JS, the same), written by tools/package.py.
'use strict';
(function () {
  const status = document.getElementById('status');
  const statusText = document.getElementById('status-text');
  const progress = document.getElementById('status-progress');
  const canvas = document.getElementById('canvas');
  const self = document.currentScript;
  const version = self && self.src ? new URL(self.src).search : '';  // '?v=BUILD', or '' inline
  const wasmBytes = self ? Number(self.dataset.wasmBytes) || 0 : 0;  // the module's size, uncompressed

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

  // The wasm, fetched here rather than by the module so the page can show progress: its body is
  // counted on its way to the compiler, which compiles while it downloads. The total is the size
  // the build stamped (Content-Length is the compressed size when the server compresses).
  async function fetchWasm(url) {
    const response = await fetch(url);
    if (!response.ok) throw new Error('could not download ' + url + ' (HTTP ' + response.status + ')');
    const total = wasmBytes || (response.headers.get('Content-Encoding') ? 0 : Number(response.headers.get('Content-Length')) || 0);
    if (!response.body) return response;
    let loaded = 0;
    const counted = response.body.pipeThrough(new TransformStream({
      transform(chunk, controller) {
        loaded += chunk.length;
        showProgress(loaded, total);
        controller.enqueue(chunk);
      },
    }));
    return new Response(counted, { headers: { 'Content-Type': 'application/wasm' } });
  }

  // A gzipped block of the single-file build's page, unpacked (file:// cannot fetch); typed as wasm
  // for instantiateStreaming (text() reads the module's JS from it just the same).
  function inlineGzip(element) {
    const text = atob(element.textContent.replace(/\s+/g, ''));
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; ++i) bytes[i] = text.charCodeAt(i);
    return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip')),
                        { headers: { 'Content-Type': 'application/wasm' } });
  }

  // Both kinds of Response say application/wasm, so the module compiles as its bytes arrive,
  // while the module's JS downloads and the page draws the lesson's text.
  function compile(response) {
    if (WebAssembly.compileStreaming) return WebAssembly.compileStreaming(response);
    return response.arrayBuffer().then((bytes) => WebAssembly.compile(bytes));
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

  // The module downloads and compiles from here on, beside everything else the page does.
  const embeddedWasm = document.getElementById('loopstep-wasm');
  const wasm = embeddedWasm ? Promise.resolve().then(() => inlineGzip(embeddedWasm)) : fetchWasm('loopstep_app.wasm' + version);
  const compiled = wasm.then(compile);
  compiled.catch(() => {});  // reported when the module asks for it (instantiateWasm)

  // The lesson's text first: readable (the text version) before the wasm has even arrived.
  try {
    const chapter = Number(new URLSearchParams(window.location.hash.slice(1)).get('chapter'));
    window.loopstepA11y.preview(window.loopstepLessonText, chapter);
  } catch (error) {
    console.warn('loopstep: the lesson text could not be shown early:', error);
  }

  window.Module = {
    canvas: canvas,
    print: (text) => console.log(text),
    printErr: (text) => console.warn(text),
    locateFile: (path, prefix) => prefix + path + version,
    instantiateWasm(imports, receiveInstance) {
      compiled.then((module) => WebAssembly.instantiate(module, imports).then((instance) => receiveInstance(instance, module)))
        .catch((error) => fail('loopstep could not start: ' + error.message));
      return {};  // instantiated asynchronously
    },
    loopstepFirstFrame() {
      const api = window.loopstepApi.attach(window.Module);
      window.loopstepPictures.start(api, window.Module);
      // The store (an LMS or localStorage) may still be answering: ready once progress is back.
      // An author's lesson by URL first (shell/authoring.js): the progress restored is its own.
      Promise.resolve().then(() => window.loopstepAuthoring.start(api, window.Module))
        .catch((error) => console.warn('loopstep: could not open the lesson given:', error))
        .then(() => window.loopstepProgress.start(api))
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
    // No more frames: once the context is back, the old one's GL objects would be drawn with it.
    if (window.Module && typeof window.Module.pauseMainLoop === 'function') window.Module.pauseMainLoop();
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
    inlineGzip(embeddedApp).text().then((text) => {
      script.textContent = text;
      document.body.appendChild(script);
    }).catch((error) => fail('loopstep could not start: ' + error.message));
  } else {
    script.src = 'loopstep_app.js' + version;
    script.onerror = () => fail('could not download loopstep_app.js');
    document.body.appendChild(script);
  }
})();

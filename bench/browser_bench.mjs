// Browser figures for ./dev bench, in Debian's headless Chromium via playwright-core (WebGL on
// SwiftShader, the flags of web/screenshot.mjs): for each page folder given, the files a load
// requests, the time from navigation to the first frame (document.body.dataset.loopstep === 'ready')
// over fresh loads, and frame times. Prints one JSON object; bench/run_benchmarks.py makes the table.
// Usage: node bench/browser_bench.mjs [--loads 5] [--frames 120] NAME=FOLDER ...
//   a NAME of "app" is the lesson (dist/): its frames are also measured with a 100-task program
//   loaded through window.loopstep.runCode, when the page has that API; "before" is another
//   build of the lesson (./dev bench --before DIR), measured the same way but for frame times.
// Also, on the first load: what the page showed before its first frame (the loading bar's value
// and the text version's heading), sampled while the wasm downloads.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { chromium } from 'playwright-core';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  if (at < 0) return fallback;
  const value = Number(args[at + 1]);
  args.splice(at, 2);
  return value;
};
const loads = option('--loads', 5);
const frameCount = option('--frames', 120);
const pages = args.map((arg) => {
  const at = arg.indexOf('=');
  if (at <= 0) throw new Error(`expected NAME=FOLDER, got ${arg}`);
  return { name: arg.slice(0, at), folder: arg.slice(at + 1) };
});

// 100 tasks, all alive in the middle of the recording: each sleeps a while, in ten waves.
const hundredTasks = `import asyncio

async def worker(i):
    await asyncio.sleep(1 + i % 10)
    await asyncio.sleep(1)
    return i

async def main():
    results = await asyncio.gather(*(worker(i) for i in range(100)))
    print(len(results), "tasks done")

asyncio.run(main())
`;

// Installed before any page script: times every requestAnimationFrame callback (the Emscripten
// main loop runs the app's frame in one) and notes when the page reports its first frame.
function instrument() {
  const raf = window.requestAnimationFrame.bind(window);
  const bench = { recording: false, cpu: [], stamps: [], readyAt: null, state: null, textAt: null, barMax: 0, barSteps: 0 };
  window.__bench = bench;
  // Before the first frame: when the text version shows the lesson, how far the loading bar got.
  const watch = setInterval(() => {
    if (bench.readyAt !== null) { clearInterval(watch); return; }
    const title = document.getElementById('a11y-title');
    if (bench.textAt === null && title && title.textContent) bench.textAt = performance.now();
    const bar = document.getElementById('status-progress');
    if (bar && bar.hasAttribute('value') && bar.value > bench.barMax) { bench.barMax = bar.value; ++bench.barSteps; }
  }, 5);
  window.requestAnimationFrame = (callback) => raf((time) => {
    const start = performance.now();
    try {
      callback(time);
    } finally {
      if (bench.recording) {
        bench.cpu.push(performance.now() - start);
        bench.stamps.push(time);
      }
    }
  });
  new MutationObserver(() => {
    const state = document.body && document.body.dataset.loopstep;
    if (state && bench.readyAt === null) {
      bench.readyAt = performance.now();  // milliseconds since navigation started
      bench.state = state;
    }
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-loopstep'] });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function serve(folder) {
  const port = await freePort();
  // As a static host serves the page: precompressed .br/.gz where the folder has them (tools/serve.py).
  const process_ = spawn('python3', ['tools/serve.py', '--port', String(port), '--bind', '127.0.0.1', '--directory', folder, '--quiet'],
                         { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 100; ++i) {
    try {
      if ((await fetch(url)).ok) return { url, stop: () => process_.kill() };
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  process_.kill();
  throw new Error(`the server for ${folder} did not start`);
}

// One fresh load (new context: empty cache): milliseconds to the first frame, and what it requested.
async function load(browser, url, log) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  await context.addInitScript(instrument);
  const requested = [];  // the context's requests: the page's and any service worker's
  context.on('request', (request) => requested.push(request.url()));
  const page = await context.newPage();
  page.on('pageerror', (error) => log(`page error: ${error.message}`));
  page.on('console', (message) => { if (message.type() === 'error') log(`console: ${message.text()}`); });
  await page.goto(url);
  await page.waitForFunction(() => window.__bench.readyAt !== null, null, { timeout: 120000 });
  const { readyAt, state, textAt, barMax, barSteps } = await page.evaluate(() => window.__bench);
  if (state !== 'ready') {
    const why = await page.evaluate(() => document.getElementById('status-text')?.textContent ?? '');
    throw new Error(`the page reported '${state}', not 'ready': ${why}`);
  }
  const files = () => requested.filter((u) => u.startsWith(url)).map((u) => new URL(u).pathname);
  return { context, page, readyMs: readyAt, textMs: textAt, bar: { max: barMax, steps: barSteps }, files };
}

// Frame times over `frameCount` frames: the rAF callback's CPU time and the rAF intervals, in ms.
async function frames(page) {
  await page.waitForTimeout(500);  // let the page settle after what changed
  await page.evaluate(() => { Object.assign(window.__bench, { cpu: [], stamps: [], recording: true }); });
  await page.waitForFunction((n) => window.__bench.stamps.length > n, frameCount, { timeout: 120000, polling: 100 });
  const { cpu, stamps } = await page.evaluate(() => {
    window.__bench.recording = false;
    return window.__bench;
  });
  const intervals = stamps.slice(1).map((t, i) => t - stamps[i]);
  return { cpu: cpu.slice(1, frameCount + 1), interval: intervals.slice(0, frameCount) };
}

async function measure(browser, { name, folder }) {
  const log = (message) => console.error(`[browser_bench ${name}] ${message}`);
  const server = await serve(folder);
  try {
    const result = { name, folder, ready_ms: [], text_ms: [], bar: [], files: [], frames: {} };
    for (let i = 0; i < loads; ++i) {
      const { context, page, readyMs, textMs, bar, files } = await load(browser, server.url, log);
      result.ready_ms.push(readyMs);
      if (textMs !== null) result.text_ms.push(textMs);
      result.bar.push(bar);
      if (i === 0) {  // what the page fetches after its first frame (a service worker's cache) counts too
        await page.waitForLoadState('networkidle', { timeout: 15000 }).catch(() => log('the network never went idle'));
        result.files = [...new Set(files().map((f) => (f.endsWith('/') ? f + 'index.html' : f)))];
      }
      if (i === loads - 1) {  // frame times on the last load
        if (name === 'app') await appFrames(page, result, log);
        else if (name !== 'before') result.frames.opened = await frames(page);
      }
      await context.close();
    }
    log(`first frame after ${result.ready_ms.map((t) => t.toFixed(0)).join(', ')} ms`);
    return result;
  } finally {
    server.stop();
  }
}

async function appFrames(page, result, log) {
  // As opened, in the middle of the first program's recording.
  await page.evaluate(() => {
    if (window.loopstep && window.loopstep.seek) window.loopstep.seek(Math.floor(window.loopstep.state().steps / 2));
    else Module._loopstep_seek(Math.floor(Module._loopstep_event_count() / 2));
  });
  result.frames.opened = await frames(page);
  const hasApi = await page.evaluate(() => Boolean(window.loopstep && typeof window.loopstep.runCode === 'function'));
  if (!hasApi) {
    result.hundred_tasks = { available: false, why: 'window.loopstep.runCode is not in the page yet' };
    return;
  }
  const loaded = await page.evaluate((source) => {
    const state = window.loopstep.runCode(source);
    if (state.error) return { error: state.error };
    const middle = window.loopstep.seek(Math.floor(state.steps / 2));
    return { steps: state.steps, step: middle.step, tasks: middle.tasks.length,
             alive: middle.tasks.filter((t) => !['done', 'failed', 'cancelled'].includes(t.state)).length };
  }, hundredTasks);
  if (loaded.error) {
    result.hundred_tasks = { available: false, why: `the 100-task program failed: ${JSON.stringify(loaded.error)}` };
    return;
  }
  log(`100-task program: step ${loaded.step} of ${loaded.steps}, ${loaded.tasks} tasks (${loaded.alive} not done)`);
  result.hundred_tasks = { available: true, ...loaded };
  result.frames.hundred_tasks = await frames(page);
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
         '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'],
});
const version = browser.version();
let failed = false;
const results = [];
try {
  for (const page of pages) results.push(await measure(browser, page));
} catch (error) {
  failed = true;
  console.error(error);
} finally {
  await browser.close();
}
console.log(JSON.stringify({ loads, frames: frameCount, chromium: version, pages: results }));
process.exit(failed ? 1 : 0);

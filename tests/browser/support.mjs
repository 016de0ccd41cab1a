// Shared parts of the browser tests (run.mjs): serving dist/, launching Debian's Chromium through
// playwright-core, pages that record console errors, and what the lesson files and CPython say
// (the expected values come from there, never from the app).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const chromiumPath = process.env.LOOPSTEP_CHROMIUM ?? '/usr/bin/chromium';

// ---- serving dist/ -------------------------------------------------------------------------

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function answers(url) {
  return new Promise((resolve) => {
    const request = get(url, (response) => { response.resume(); resolve(response.statusCode === 200); });
    request.on('error', () => resolve(false));
    request.setTimeout(1000, () => { request.destroy(); resolve(false); });
  });
}

// Serves a folder with `python3 -m http.server` (what ./dev serve runs) on a free port.
export async function serve(folder) {
  const port = await freePort();
  const server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', folder],
                       { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}/`;
  const exited = new Promise((resolve) => server.once('exit', (code) => resolve(code)));
  for (let i = 0; i < 150; ++i) {
    if (await answers(url)) return { url, stop: () => { server.kill(); return exited; } };
    if (server.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  server.kill();
  throw new Error(`python3 -m http.server did not start serving ${folder} at ${url}`);
}

// ---- the browser ---------------------------------------------------------------------------

// Headless Chromium with WebGL2 on SwiftShader (no GPU needed). launch() gives every run a fresh
// temporary profile; every newContext() a fresh localStorage.
export function launch() {
  if (!existsSync(chromiumPath)) throw new Error(`no ${chromiumPath}: apt-get install chromium`);
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
           '--disable-quic', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync',
           // Playing is driven by requestAnimationFrame and timers; keep them running at full rate.
           '--disable-background-timer-throttling', '--disable-renderer-backgrounding',
           '--disable-backgrounding-occluded-windows'],
  });
}

export const viewport = { width: 1280, height: 800 };

// Console messages of type 'error' and uncaught page errors count as problems. Chromium's GL
// driver notes ("GL Driver Message (OpenGL, Performance, ...)") are about speed, not faults.
const benign = [/GL Driver Message \([^)]*Performance/i];

export function watchErrors(page) {
  const errors = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    if (!benign.some((pattern) => pattern.test(text))) errors.push(`console.error: ${text}`);
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('crash', () => errors.push('the page crashed'));
  return errors;
}

export const readyTimeout = 120000;  // SwiftShader compiles the wasm and the first frame slowly on a loaded machine

// Waits for the app's first frame (body[data-loopstep=ready]); fails fast on 'error' or 'context-lost'.
export async function waitReady(page) {
  await page.waitForFunction(() => ['ready', 'error', 'context-lost'].includes(document.body.dataset.loopstep),
                             null, { timeout: readyTimeout });
  const status = await page.evaluate(() => document.body.dataset.loopstep);
  if (status !== 'ready') {
    const reason = await page.evaluate(() => document.getElementById('status-text')?.textContent);
    throw new Error(`the page says '${status}': ${reason}`);
  }
}

// Calls window.loopstep.NAME(...args) in the page and returns its result (the new state).
export function api(page, name, ...args) {
  return page.evaluate(([name, args]) => window.loopstep[name](...args), [name, args]);
}

// Waits until the app has drawn a frame after the last change, so a screenshot shows it.
// The centre of a control the canvas drew in its last frame (loopstep.screen().items), in page
// pixels: where a learner would click it.
export async function centreOf(page, name) {
  await nextFrames(page, 2);
  const item = (await api(page, 'screen')).items[name];
  if (!item) throw new Error(`the canvas shows no '${name}'`);
  const canvas = await page.locator('#canvas').boundingBox();
  return [canvas.x + item[0] + item[2] / 2, canvas.y + item[1] + item[3] / 2];
}

// Makes every prediction of the current chapter's run (with its first choice) through the API and
// goes back to the start: for tests about stepping and playing, where a waiting prediction
// (lessons' @predict) would stop the run. Returns how many it made.
export function makePredictions(page) {
  return page.evaluate(() => {
    const api = window.loopstep;
    let made = 0;
    for (let state = api.restart(); state.step < state.steps || state.prediction?.waiting;) {
      if (state.prediction?.waiting) {
        state = api.predict(0);
        ++made;
      } else {
        state = api.step();
      }
    }
    api.restart();
    return made;
  });
}

export async function nextFrames(page, frames = 3) {
  await page.evaluate((frames) => new Promise((resolve) => {
    const tick = (left) => (left === 0 ? resolve() : requestAnimationFrame(() => tick(left - 1)));
    tick(frames);
  }), frames);
}

// ---- the lesson files ----------------------------------------------------------------------

// Every chapter as lessons/README.md describes the format: title, scenario with the @param
// defaults put in (and the ```python compare``` program run beside it, with its label), the
// questions with the index of the `- [x]` option, the predictions
// ({asks: task|output|clock, clockOutput, stop: start|before|after, stopOutput}), whether it is the check.
export function readLessons() {
  const folder = join(root, 'lessons');
  return readdirSync(folder).filter((name) => /^\d+.*\.md$/.test(name)).sort().map((file) => {
    const lines = readFileSync(join(folder, file), 'utf8').split('\n');
    const title = lines[0].replace(/^#\s+/, '');
    const params = {};
    const blocks = {};  // scenario, compare: their lines
    const labels = {};
    const questions = [];
    const predictions = [];
    let inside = null;
    let question = null;
    for (const line of lines) {
      if (inside) {
        if (line.trim() === '```') inside = null; else blocks[inside].push(line);
        continue;
      }
      const fence = line.trim().match(/^```python (scenario|compare)(?: "([^"]*)")?$/);
      if (fence) { inside = fence[1]; blocks[inside] = []; labels[inside] = fence[2] ?? null; continue; }
      const param = line.trim().match(/^@param\s+(\w+)\s+(-?\d+)\s+(-?\d+)\s+(-?\d+)/);
      if (param) params[param[1]] = { value: Number(param[2]), min: Number(param[3]), max: Number(param[4]) };
      const predict = line.trim().match(/^@predict\s+(task|output|clock\s+"([^"]+)")\s+(start|before\s+"([^"]+)"|after\s+"([^"]+)")$/);
      if (predict) {
        predictions.push({ asks: predict[1].split(/\s/)[0], clockOutput: predict[2] ?? null,
                           stop: predict[3].split(/\s/)[0], stopOutput: predict[4] ?? predict[5] ?? null });
      }
      if (line.trim() === '@question') { question = { options: [], correct: -1 }; questions.push(question); continue; }
      const option = line.match(/^- \[( |x)\] /);
      if (question && option) {
        if (option[1] === 'x') question.correct = question.options.length;
        question.options.push(line.slice(option[0].length));
      }
      if (question && line.trim() === '' && question.options.length > 0) question = null;
    }
    const templateOf = (kind) => blocks[kind] ? blocks[kind].join('\n') + '\n' : null;
    // The program with the sliders at their defaults, or at other values: withParams({urls: 30}).
    const filler = (template) => (values = {}) => {
      let program = template;
      for (const [name, { value }] of Object.entries(params)) program = program.replaceAll(`{{${name}}}`, String(values[name] ?? value));
      return program;
    };
    const withParams = filler(templateOf('scenario'));
    const compare = templateOf('compare') && { label: labels.compare, mainLabel: labels.scenario, program: filler(templateOf('compare'))() };
    return { file, title, program: templateOf('scenario') && withParams(), withParams, params, questions, predictions, compare,
             finalCheck: lines.some((line) => line.trim() === '@check') };
  });
}

// ---- CPython -------------------------------------------------------------------------------

function withProgram(source, run) {
  const folder = mkdtempSync(join(tmpdir(), 'loopstep-browser-'));
  try {
    const file = join(folder, 'program.py');
    writeFileSync(file, source);
    return run(file);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

// What CPython 3.11 prints for a program on the lesson's virtual clock (tests/conformance/oracle.py).
// `epilogue` is appended to the program (e.g. to print the clock once asyncio.run returns).
export function cpythonOutput(source, epilogue = '') {
  return withProgram(source + epilogue, (file) => {
    const result = spawnSync('python3', [join(root, 'tests', 'conformance', 'oracle.py'), file], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`the oracle failed on the program (${result.status}): ${result.stderr}`);
    return result.stdout;
  });
}

// Where CPython's compile() puts a syntax error: {kind, message, line, column}.
export function cpythonSyntaxError(source) {
  return withProgram(source, (file) => {
    const script = 'import json, sys\n' +
      'try:\n    compile(open(sys.argv[1]).read(), sys.argv[1], "exec")\n    print("null")\n' +
      'except SyntaxError as e:\n    print(json.dumps({"kind": type(e).__name__, "message": e.msg, "line": e.lineno, "column": e.offset}))\n';
    const result = spawnSync('python3', ['-c', script, file], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`python3 failed: ${result.stderr}`);
    return JSON.parse(result.stdout);
  });
}

// The uncaught exception CPython reports when it runs a program (on the virtual clock):
// {kind, message, line} from the traceback's last frame in the program and its last line.
export function cpythonRuntimeError(source) {
  return withProgram(source, (file) => {
    const result = spawnSync('python3', [join(root, 'tests', 'conformance', 'oracle.py'), file], { encoding: 'utf8' });
    const lines = result.stderr.trim().split('\n');
    const frames = [...result.stderr.matchAll(/File "([^"]*)", line (\d+)/g)].filter((m) => m[1] === file);
    const last = lines[lines.length - 1].match(/^(\w+): (.*)$/);
    if (result.status === 0 || !last || frames.length === 0) throw new Error(`expected an uncaught exception, got: ${result.stderr}`);
    return { kind: last[1], message: last[2], line: Number(frames[frames.length - 1][2]) };
  });
}

// The browser end-to-end tests: the built page (dist/, what ./dev serve serves) in Debian's
// headless Chromium (SwiftShader WebGL2) through playwright-core, driven with the keyboard and
// window.loopstep (shell/API.md). Expected values come from lessons/*.md and CPython only.
// Usage: node tests/browser/run.mjs [NAME-SUBSTRING]   (./dev test runs it last)
// Screenshots: build/browser-tests/chapter-NN.png (every chapter at a middle step), error-*.png,
// walk-SIZE-chNN.png (the walkthrough, tests/browser/walkthrough.mjs).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import {
  api, centreOf, cpythonOutput, cpythonRuntimeError, cpythonSyntaxError, freePort, launch, makePredictions, nextFrames, readLessons,
  root, serve, viewport, waitReady, watchErrors,
} from './support.mjs';
import { walkthroughTests } from './walkthrough.mjs';

const dist = process.env.LOOPSTEP_DIST ?? join(root, 'dist');
const shots = process.env.LOOPSTEP_BROWSER_SHOTS ?? join(root, 'build', 'browser-tests');
const only = process.argv[2] ?? '';
const testTimeoutMs = 10 * 60 * 1000;

const lessons = readLessons();
const twelve = lessons.findIndex((lesson) => lesson.file.startsWith('04-'));
const check = lessons.findIndex((lesson) => lesson.finalCheck);

// ---- a tiny runner -------------------------------------------------------------------------

const tests = [];
const test = (name, body, { gate = false } = {}) => tests.push({ name, body, gate });

// Per test: pages in fresh browser contexts (fresh localStorage), each watched for errors.
class Session {
  constructor(browser, url) {
    this.browser = browser;
    this.url = url;
    this.contexts = [];
    this.watched = [];
  }

  async context() {
    const context = await this.browser.newContext({ viewport, deviceScaleFactor: 1 });
    this.contexts.push(context);
    return context;
  }

  // Opens the page (with an optional '#fragment') in `context` or a fresh one; waits for ready.
  async open(fragment = '', context = null) {
    const page = await (context ?? await this.context()).newPage();
    this.watch(page);
    await page.goto(this.url + fragment);
    await waitReady(page);
    return page;
  }

  watch(page) {
    this.watched.push({ page, errors: watchErrors(page) });
  }

  // A page must not have logged an error or thrown while the test used it.
  checkErrors() {
    const errors = this.watched.flatMap(({ errors }) => errors);
    assert.deepEqual(errors, [], 'the page logged errors');
  }

  async close() {
    for (const context of this.contexts) await context.close().catch(() => {});
  }
}

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${what} took over ${ms / 1000} s`)), ms); });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function shoot(page, name) {
  await nextFrames(page);
  const path = join(shots, name);
  await page.screenshot({ path });
  return path;
}

const stateOf = (page) => api(page, 'state');
const waitFor = (page, predicate, arg, timeout = 60000) =>
  page.waitForFunction(predicate, arg, { timeout, polling: 'raf' });
async function waitForStep(page, step) {
  try {
    await waitFor(page, (step) => window.loopstep.state().step === step, step);
  } catch (error) {
    throw new Error(`waited for step ${step}, the cursor is at ${(await stateOf(page)).step}: ${error.message}`);
  }
}

// The chapter's program with one source line changed (1-based), checked to be there.
function editLine(program, line, from, to) {
  const lines = program.split('\n');
  assert.ok(lines[line - 1].includes(from), `line ${line} has no '${from}': ${lines[line - 1]}`);
  lines[line - 1] = lines[line - 1].replace(from, to);
  return lines.join('\n');
}
const lineOf = (program, text) => program.split('\n').findIndex((line) => line.includes(text)) + 1;

// ---- the tests -----------------------------------------------------------------------------

test('the page loads without console errors and lists the chapters', async (t) => {
  const page = await t.open();
  const state = await stateOf(page);
  assert.ok(state.chapters.length >= 6, `only ${state.chapters.length} chapters`);
  assert.deepEqual(state.chapters.map((chapter) => chapter.title), lessons.map((lesson) => lesson.title));
  assert.deepEqual(state.chapters.map((chapter) => chapter.finalCheck), lessons.map((lesson) => lesson.finalCheck));
  assert.equal(state.chapter, 0);
  assert.equal(state.step, 0);
  assert.equal(state.error, null);
  assert.equal(state.code, lessons[0].program);
  assert.equal(await page.evaluate(() => document.activeElement && document.activeElement.id), 'canvas',
               'the canvas has the keyboard focus');
}, { gate: true });  // if the page does not even start, the other tests are skipped

test('every chapter prints what CPython prints and has a screenshot', async (t) => {
  const page = await t.open();
  for (const [index, lesson] of lessons.entries()) {
    let state = await api(page, 'goToChapter', index);
    assert.equal(state.chapter, index);
    assert.equal(state.code, lesson.program, `chapter ${index} shows its lesson file's program`);
    assert.equal(state.error, null, `chapter ${index} runs without an error`);
    assert.equal(state.answers.length, lesson.questions.length, `chapter ${index}'s questions`);
    state = await api(page, 'seek', state.steps);
    assert.equal(state.output, cpythonOutput(lesson.program), `chapter ${index} (${lesson.file}) prints what CPython prints`);
    if (lesson.compare) assert.equal(state.compare.output, cpythonOutput(lesson.compare.program), `chapter ${index}'s compared program too`);
    else assert.equal(state.compare, null);
    await api(page, 'seek', Math.floor(state.steps / 2));
    await shoot(page, `chapter-${String(index + 1).padStart(2, '0')}.png`);
  }
});

test('the 12-URL chapter runs one by one and concurrently side by side: 115 s against 720 s on one clock', async (t) => {
  const lesson = lessons[twelve];
  const { urls, send, wait } = lesson.params;
  // The lesson's formulas: n × (s + w) one by one, n × s + w concurrently.
  const oneByOne = urls.value * (send.value + wait.value);
  const together = urls.value * send.value + wait.value;
  assert.deepEqual([oneByOne, together], [720, 115], 'the lesson file still has 12 URLs, 5 s and 55 s');
  assert.deepEqual([lesson.compare.mainLabel, lesson.compare.label], ['Concurrently', 'One by one']);
  const expected = cpythonOutput(lesson.program);
  const expectedBeside = cpythonOutput(lesson.compare.program);
  assert.ok(expected.includes(`concurrently: all replies after ${together} s\n`), expected);
  assert.equal(expectedBeside, `one by one:   all replies after ${oneByOne} s\n`);
  const clockAtEnd = (program) => Number(cpythonOutput(program, 'print(time.monotonic())\n').trim().split('\n').pop());

  const page = await t.open();
  let state = await api(page, 'goToChapter', twelve);
  await makePredictions(page);
  assert.equal(state.step, 0);
  assert.deepEqual(state.params, { urls: urls.value, send: send.value, wait: wait.value });
  assert.equal(state.compare.label, 'One by one');
  assert.equal(state.compare.code, lesson.compare.program);
  // Play: one cursor moves through both runs in time order, each with its own tasks and output.
  // Where the concurrent run prints its total, the one-by-one run, at the same clock, is still
  // waiting for request i's reply, i = ⌊115 / 60⌋ (CPython prints when that request was sent).
  state = await page.evaluate(() => {
    const api = window.loopstep;
    let s = api.restart();
    while (s.step < s.steps && !s.output.includes('concurrently: all replies')) s = api.step();
    return s;
  });
  assert.equal(state.clock, together);
  assert.equal(state.output.split('\n')[0], expected.split('\n')[0]);
  assert.equal(state.compare.output, '', 'nothing printed one by one yet');
  assert.deepEqual(state.compare.tasks.map((task) => [task.name, task.state]), [['Task-1', 'waiting']]);
  const request = Math.floor(together / (send.value + wait.value));
  const sentAt = probes(cpythonOutput(withPrint(lesson.compare.program, 'sent = time.monotonic()', 'sent')))[request];
  assert.equal(Number(sentAt), request * (send.value + wait.value) + send.value);
  assert.match(state.compare.tasks[0].detail, new RegExp(`sleep\\(${wait.value}\\)`));
  // Its wait goes on up to the shared clock.
  assert.equal(state.compare.timeline[0].parts.at(-1).text, `waiting on asyncio.sleep(${wait.value}): ${Number(sentAt)} s \u2013 now (${together} s)`);
  await shoot(page, 'compare-at-115.png');
  // A click on the one-by-one run's lane shows its main task's frames: inside fetch(i=request),
  // with CPython's value of sent.
  await page.mouse.click(400, 770);
  await waitFor(page, () => window.loopstep.state().compare.selectedTask === 0)
    .catch(() => assert.fail('a click on the One by one lane did not pick its task'));
  state = await stateOf(page);
  assert.equal(state.selectedTask, -1);
  assert.deepEqual(state.frames.frames.map((frame) => frame.call), [`fetch(i=${request})`, 'main()']);
  assert.equal(state.frames.frames[0].locals.find((local) => local.name === 'sent').value, sentAt);
  await waitFor(page, () => document.getElementById('a11y-frames-heading')?.textContent === 'Frames of Task-1 in One by one (waiting)');
  await shoot(page, 'compare-frames.png');
  // The text version: the run beside it, its tasks and output.
  assert.equal(await page.evaluate(() => document.getElementById('a11y-compare').hidden), false);
  await waitFor(page, (clock) => document.querySelector('#a11y-compare-body p')?.textContent === `One by one at ${clock.toFixed(1)} s.`, together);

  state = await api(page, 'toEnd');
  assert.equal(state.step, state.steps);
  assert.equal(state.output, expected);
  assert.equal(state.compare.output, expectedBeside);
  assert.equal(state.clock, Math.max(clockAtEnd(lesson.program), clockAtEnd(lesson.compare.program)), 'one clock: the longer run\'s end');
  assert.equal(state.compare.clock, clockAtEnd(lesson.compare.program));
  assert.equal(state.compare.mainClock, clockAtEnd(lesson.program));
  assert.ok(state.tasks.length >= urls.value + 1, `${state.tasks.length} tasks`);
  assert.deepEqual([...state.tasks, ...state.compare.tasks].filter((task) => task.state !== 'done'), [], 'every task is done');
  for (let i = 0; i < urls.value; ++i) assert.ok(state.tasks.some((task) => task.name === `fetch-${i}`), `task fetch-${i}`);
  assert.equal(state.playing, false);
  await waitFor(page, () => document.getElementById('a11y-compare-output')?.textContent.startsWith('one by one:'));
  await shoot(page, 'twelve-requests-end.png');
  // The compared program's tab shows its code.
  await page.mouse.click(...await centreOf(page, 'tab:One by one'));
  await nextFrames(page, 4);
  await shoot(page, 'compare-code-tab.png');
  for (const [label, size] of [['tablet', { width: 820, height: 1180 }], ['phone', { width: 390, height: 844 }]]) {
    await page.setViewportSize(size);
    await nextFrames(page, 6);
    await page.mouse.click(...codeTab);
    await nextFrames(page, 6);
    await api(page, 'seek', Math.floor(state.steps / 3));
    await nextFrames(page, 4);
    await shoot(page, `compare-${label}.png`);
  }
});

test('toEnd() and restart() go to the last and the first event', async (t) => {
  const page = await t.open();
  for (const index of [twelve, 0]) {
    let state = await api(page, 'goToChapter', index);
    const steps = state.steps;
    state = await api(page, 'toEnd');
    assert.equal(state.step, steps, `chapter ${index}: toEnd() leads to step ${state.step} of ${steps}`);
    state = await api(page, 'restart');
    assert.equal(state.step, 0, `chapter ${index}: restart()`);
  }
});

test('arrow keys step through the whole 12-URL recording and back', async (t) => {
  const page = await t.open();
  let state = await api(page, 'goToChapter', twelve);
  const steps = state.steps;
  assert.equal(await makePredictions(page), 1, 'the chapter\'s prediction, made first: it would stop the keys');
  const reference = await page.evaluate((steps) => {  // the state at every cursor, by seek()
    const states = [];
    for (let k = 0; k <= steps; ++k) states.push(JSON.stringify(window.loopstep.seek(k)));
    window.loopstep.restart();
    return states;
  }, steps);
  // One press at a time at first, then in bursts of up to 25 sent together (several land in one
  // frame; none may be lost): the cursor moves by exactly the number of presses.
  await page.focus('#canvas');
  const press = async (key, count, from) => {
    await Promise.all(Array.from({ length: count }, () => page.keyboard.press(key)));
    const to = key === 'ArrowRight' ? from + count : from - count;
    await waitForStep(page, to);
    return to;
  };
  let k = 0;
  while (k < 3) k = await press('ArrowRight', 1, k);
  while (k < steps) {
    k = await press('ArrowRight', Math.min(25, steps - k), k);
    assert.equal(JSON.stringify(await stateOf(page)), reference[k], `the state at step ${k} after Right`);
  }
  await page.keyboard.press('ArrowRight');  // at the end it stays there
  await nextFrames(page);
  assert.equal((await stateOf(page)).step, steps);
  assert.equal(JSON.stringify(await stateOf(page)), reference[steps]);
  while (k > steps - 3) k = await press('ArrowLeft', 1, k);
  while (k > 0) {
    k = await press('ArrowLeft', Math.min(25, k), k);
    assert.equal(JSON.stringify(await stateOf(page)), reference[k], `the state at step ${k} after Left`);
  }
  await page.keyboard.press('ArrowLeft');  // at the start it stays there
  await nextFrames(page);
  assert.equal((await stateOf(page)).step, 0);
  await page.keyboard.press('ArrowRight');
  await waitForStep(page, 1);
  state = await stateOf(page);
  assert.equal(JSON.stringify(state), reference[1]);
});

test('stepping back restores the previous state exactly, in every chapter', async (t) => {
  const page = await t.open();
  for (const index of lessons.keys()) {
    await api(page, 'goToChapter', index);
    await makePredictions(page);  // a waiting prediction stops step()
    // Forward with step(), keeping every state; back with back(), comparing; then step()+back() at each k.
    const mismatches = await page.evaluate(() => {
      const api = window.loopstep;
      const found = [];
      const forward = [JSON.stringify(api.restart())];
      for (let state = api.state(); state.step < state.steps;) {
        const before = state.step;
        state = api.step();
        forward.push(JSON.stringify(state));
        if (state.step !== before + 1) return { steps: forward.length - 1, found: [], count: 0, stuck: before };
      }
      for (let k = forward.length - 2; k >= 0; --k) {
        const back = JSON.stringify(api.back());
        if (back !== forward[k]) found.push({ how: 'back() from k+1', k, expected: forward[k], actual: back });
      }
      for (let k = 0; k < forward.length - 1; ++k) {
        api.seek(k);
        api.step();
        const back = JSON.stringify(api.back());
        if (back !== forward[k]) found.push({ how: 'seek(k), step(), back()', k, expected: forward[k], actual: back });
        const seeked = JSON.stringify(api.seek(k));
        if (seeked !== forward[k]) found.push({ how: 'seek(k) against step() k times', k, expected: forward[k], actual: seeked });
      }
      return { steps: forward.length - 1, found: found.slice(0, 3), count: found.length };
    });
    assert.ok(mismatches.steps > 0, `chapter ${index} has events`);
    assert.equal(mismatches.stuck, undefined, `chapter ${index}: step() from ${mismatches.stuck} did not move one event on`);
    if (mismatches.count > 0) {
      const first = mismatches.found[0];
      assert.deepEqual(JSON.parse(first.actual), JSON.parse(first.expected),
                       `chapter ${index}: ${mismatches.count} states differ; the first at k=${first.k} (${first.how})`);
    }
  }
});

test('a syntax error shows CPython\'s message, line and column', async (t) => {
  const program = lessons[twelve].program;
  const line = lineOf(program, 'async def fetch(i):');
  const broken = editLine(program, line, 'async def fetch(i):', 'async def fetch(i)');
  const expected = cpythonSyntaxError(broken);
  assert.equal(expected.kind, 'SyntaxError');
  const page = await t.open();
  await api(page, 'goToChapter', twelve);
  const state = await api(page, 'runCode', broken);
  assert.equal(state.code, broken);
  assert.equal(state.codeEdited, true);
  assert.deepEqual(state.error, expected);
  // Nothing of it ran; the program beside it (two runs side by side) still runs to its end.
  const end = await api(page, 'toEnd');
  assert.deepEqual([end.tasks, end.output, end.timeline], [[], '', []], 'nothing ran');
  assert.equal(end.compare.output, cpythonOutput(lessons[twelve].compare.program));
  assert.deepEqual(end.error, expected, 'the error stays');
  await shoot(page, 'error-syntax.png');
});

test('a runtime error (NameError) shows its line', async (t) => {
  const program = lessons[twelve].program;
  const line = lineOf(program, 'for i in range(URLS)]');
  const broken = editLine(program, line, 'range(URLS)', 'range(URL)');
  const expected = cpythonRuntimeError(broken);
  assert.equal(expected.kind, 'NameError');
  const page = await t.open();
  await api(page, 'goToChapter', twelve);
  let state = await api(page, 'runCode', broken);
  assert.ok(state.error, 'state().error is set');
  assert.equal(state.error.kind, expected.kind);
  // CPython's traceback adds a suggestion (". Did you mean: 'URLS'?") that is not part of the
  // exception's message; the page may show either.
  assert.ok([expected.message, expected.message.replace(/\. Did you mean: .*\?$/, '')].includes(state.error.message),
            `the message '${state.error.message}' (CPython: '${expected.message}')`);
  assert.equal(state.error.line, expected.line);
  state = await api(page, 'seek', state.steps);
  assert.equal(state.error.kind, expected.kind, 'the error stays at the end of the recording');
  await shoot(page, 'error-name.png');
});

test('an endless loop ends with an error and the page stays responsive', async (t) => {
  const page = await t.open();
  await api(page, 'goToChapter', twelve);
  // Inside a coroutine and at module level; the README: "a loop that never awaits stops after a
  // step budget (LoopBlockedError)".
  const programs = {
    coroutine: 'import asyncio\n\nasync def spin():\n    while True:\n        pass\n\nasyncio.run(spin())\n',
    module: 'n = 0\nwhile True:\n    n += 1\n',
  };
  for (const [where, program] of Object.entries(programs)) {
    const state = await withTimeout(api(page, 'runCode', program), 120000, `runCode(endless loop in a ${where})`);
    assert.ok(state.error, `${where}: state().error is set`);
    assert.match(state.error.kind, /LoopBlockedError/, `${where}: ${JSON.stringify(state.error)}`);
    assert.match(state.error.message, /endless loop/i, `${where}: ${JSON.stringify(state.error)}`);
    const loop = program.split('\n').findIndex((text) => text.startsWith('while') || text.trim().startsWith('while')) + 1;
    assert.ok(state.error.line >= loop && state.error.line <= loop + 1,
              `${where}: the error's line ${state.error.line} is in the loop (line ${loop})`);
    if (where === 'coroutine') await shoot(page, 'error-endless-loop.png');
  }
  // Still responsive: frames are drawn, keys and the API work, a good program runs again.
  await nextFrames(page, 5);
  const program = lessons[twelve].program;
  let state = await api(page, 'runCode', program);
  assert.equal(state.error, null);
  assert.equal(state.codeEdited, false, 'the chapter\'s own program again');
  await makePredictions(page);  // the chapter's prediction, at the start, would hold the key
  await page.focus('#canvas');
  await page.keyboard.press('ArrowRight');
  await waitForStep(page, 1);
  state = await api(page, 'seek', state.steps);
  assert.equal(state.output, cpythonOutput(program));
});

test('a deep link restores chapter, step and code', async (t) => {
  let page = await t.open(`#chapter=${twelve}&step=40`);
  let state = await stateOf(page);
  assert.equal(state.chapter, twelve);
  assert.equal(state.step, 40);
  assert.equal(state.codeEdited, false);

  const edited = editLine(lessons[twelve].program, lineOf(lessons[twelve].program, 'URLS, SEND, WAIT ='), '= 12,', '= 3,');
  const fragment = new URLSearchParams({ chapter: String(twelve), step: '7', code: edited }).toString();
  page = await t.open('#' + fragment);
  state = await stateOf(page);
  assert.equal(state.chapter, twelve);
  assert.equal(state.step, 7);
  assert.equal(state.code, edited);
  assert.equal(state.codeEdited, true);
  state = await api(page, 'seek', state.steps);
  assert.equal(state.output, cpythonOutput(edited));
});

// The page writes the URL's fragment and the store 400 ms after a change, and on pagehide.
const savedPlace = (page, chapter, step, code) => waitFor(page, ([chapter, step, code]) => {
  const fields = new URLSearchParams(window.location.hash.slice(1));
  return fields.get('chapter') === String(chapter) && fields.get('step') === String(step) && fields.get('code') === code;
}, [chapter, step, code]);

test('a reload restores edited code, sliders, answers, predictions and the place', async (t) => {
  const context = await t.context();
  const page = await t.open('', context);
  const twelveLesson = lessons[twelve];
  let state = await api(page, 'goToChapter', twelve);
  state = await api(page, 'setParam', 'wait', 30);
  assert.equal(state.params.wait, 30);
  // The chapter's prediction, made (its first choice) at wait = 30: a reload keeps it made.
  await makePredictions(page);
  for (state = await stateOf(page); !state.prediction; state = await api(page, 'step'));
  const predicted = { chosen: state.prediction.chosen, verdict: state.prediction.verdict };
  await api(page, 'restart');
  const right = twelveLesson.questions[0].correct;
  const wrong = (twelveLesson.questions[1].correct + 1) % twelveLesson.questions[1].options.length;
  await api(page, 'answer', 0, right);
  state = await api(page, 'answer', 1, wrong);
  assert.deepEqual(state.answers, [{ chosen: right, correct: true, locked: false }, { chosen: wrong, correct: false, locked: false }]);

  const edited = lessons[0].program + 'print("edited in the browser test")\n';
  await api(page, 'goToChapter', 0);
  state = await api(page, 'runCode', edited);
  assert.equal(state.error, null);
  assert.equal(state.codeEdited, true);
  state = await api(page, 'seek', 5);
  await savedPlace(page, 0, 5, edited);

  await page.reload();
  await waitReady(page);
  state = await stateOf(page);
  assert.equal(state.chapter, 0);
  assert.equal(state.step, 5);
  assert.equal(state.code, edited);
  assert.equal(state.codeEdited, true);
  assert.equal(state.error, null);
  state = await api(page, 'seek', state.steps);
  assert.equal(state.output, cpythonOutput(edited));
  state = await api(page, 'goToChapter', twelve);
  assert.equal(state.params.wait, 30, 'the slider survived the reload');
  assert.equal(state.code, twelveLesson.withParams({ wait: 30 }), 'the slider rewrote the program');
  assert.deepEqual(state.answers, [{ chosen: right, correct: true, locked: false }, { chosen: wrong, correct: false, locked: false }]);
  assert.deepEqual(state.saved[twelve].predictions, [predicted.chosen]);
  for (; !state.prediction; state = await api(page, 'step'));  // stepping no longer waits there
  assert.deepEqual({ chosen: state.prediction.chosen, verdict: state.prediction.verdict, waiting: state.prediction.waiting },
                   { ...predicted, waiting: false });
  await api(page, 'restart');
  await savedPlace(page, twelve, 0, null);

  // The plain address (no fragment) in the same browser: the stored progress alone restores it.
  const again = await t.open('', context);
  state = await stateOf(again);
  assert.equal(state.chapter, twelve);
  assert.equal(state.saved[0].code, edited);
  assert.deepEqual(state.answers.map((answer) => answer.chosen), [right, wrong]);
  state = await api(again, 'goToChapter', 0);
  assert.equal(state.code, edited);
  assert.equal(state.codeEdited, true);
});

test('a reload right after an edit keeps that edit', async (t) => {
  // The learner runs an edit and reloads at once, before the 400 ms save; twice, so the URL
  // still holds the first edit when the second reload happens.
  const page = await t.open();
  const first = lessons[0].program + 'print("first edit")\n';
  const second = lessons[0].program + 'print("second edit")\n';
  for (const edited of [first, second]) {
    const state = await api(page, 'runCode', edited);
    assert.equal(state.code, edited);
    await page.reload();
    await waitReady(page);
    const restored = await stateOf(page);
    assert.equal(restored.chapter, 0);
    assert.equal(restored.codeEdited, true);
    assert.equal(restored.code, edited, 'the code after the reload is the last edit');
  }
});

test('keyboard: arrows, Home, End, Space plays, PageDown and PageUp change chapter', async (t) => {
  const page = await t.open();
  let state = await api(page, 'goToChapter', twelve);
  await makePredictions(page);  // its prediction, at the start, would hold the keys
  const steps = state.steps;
  await page.focus('#canvas');
  await page.keyboard.press('ArrowRight');
  await waitForStep(page, 1);
  await page.keyboard.press('ArrowRight');
  await waitForStep(page, 2);
  await page.keyboard.press('ArrowLeft');
  await waitForStep(page, 1);
  await page.keyboard.press('End');
  await waitForStep(page, steps);
  await page.keyboard.press('Home');
  await waitForStep(page, 0);

  await page.keyboard.press('Space');  // plays
  await waitFor(page, () => window.loopstep.state().playing);
  await waitFor(page, () => window.loopstep.state().step >= 3);
  await page.keyboard.press('Space');  // pauses
  await waitFor(page, () => !window.loopstep.state().playing);
  const paused = (await stateOf(page)).step;
  await nextFrames(page, 10);
  assert.equal((await stateOf(page)).step, paused, 'a paused cursor stays put');

  await page.keyboard.press('PageDown');
  await waitFor(page, (next) => window.loopstep.state().chapter === next, twelve + 1);
  state = await stateOf(page);
  assert.equal(state.step, 0);
  assert.equal(state.code, lessons[twelve + 1].program);
  await page.keyboard.press('PageUp');
  await waitFor(page, (back) => window.loopstep.state().chapter === back, twelve);

  // Playing runs to the end by itself and stops there (the first chapter is short).
  await page.keyboard.press('PageUp');
  await waitFor(page, (back) => window.loopstep.state().chapter === back, twelve - 1);
  await makePredictions(page);  // its prediction would stop the play at the start (the predictions test)
  state = await api(page, 'play');
  assert.equal(state.playing, true);
  const playedSteps = state.steps;
  await waitFor(page, () => !window.loopstep.state().playing, undefined, 180000);
  state = await stateOf(page);
  assert.equal(state.step, playedSteps, 'playing stopped at the last event');
});

test('classroom mode at 1920x1080: large text, program and timeline big, no lesson text, a clicker steps, the address keeps it', async (t) => {
  const page = await t.open(`#chapter=${twelve}`);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await makePredictions(page);  // a waiting prediction would hold the clicker's steps
  await nextFrames(page, 4);
  const normal = await api(page, 'screen');
  assert.ok(normal.items.lesson && !normal.items.legend, 'the usual layout has the lesson text and no legend');
  await page.mouse.click(...await centreOf(page, 'Classroom'));
  await waitFor(page, () => window.loopstep.state().display.classroom);
  await nextFrames(page, 4);
  const classroom = await api(page, 'screen');
  assert.equal(classroom.items.lesson, undefined, 'no lesson text in classroom mode');
  assert.ok(classroom.items.legend, 'the keys are on screen');
  const [, , normalWidth] = normal.items.timeline;
  const [, , width] = classroom.items.timeline;
  assert.ok(width > normalWidth * 1.4, `the timeline is wider (${width} px against ${normalWidth})`);
  assert.ok(classroom.items.Next[3] > normal.items.Next[3] * 1.2, 'the text is larger (the buttons grow with it)');
  assert.equal((await stateOf(page)).display.textScale, 1, 'the learner\'s own text size is kept for afterwards');
  await waitFor(page, () => window.location.hash.includes('classroom=1'));

  // A presenter's clicker sends Page Down and Page Up: they step, and the chapter stays.
  await page.focus('#canvas');
  await page.keyboard.press('PageDown');
  await waitForStep(page, 1);
  await page.keyboard.press('PageDown');
  await waitForStep(page, 2);
  await page.keyboard.press('PageUp');
  await waitForStep(page, 1);
  assert.equal((await stateOf(page)).chapter, twelve, 'the clicker does not change chapter');
  await page.mouse.move(960, 1070);  // no tooltip in the picture
  await shoot(page, 'classroom-1920x1080.png');

  await page.reload();
  await waitReady(page);
  assert.equal((await stateOf(page)).display.classroom, true, 'a reload keeps classroom mode');
  await page.focus('#canvas');
  await page.keyboard.press('Escape');
  await waitFor(page, () => !window.loopstep.state().display.classroom);
  await waitFor(page, () => !window.location.hash.includes('classroom'));
  await nextFrames(page, 4);
  assert.ok((await api(page, 'screen')).items.lesson, 'Esc brings the lesson text back');
});

test('an author\'s chapters by URL, by the file chooser and dropped as a pack; their problems go to the author with file and line', async (t) => {
  const program = 'import asyncio\n\nasync def main():\n    await asyncio.gather(asyncio.sleep(2), asyncio.sleep(3))\n    print("both done")\n\nasyncio.run(main())\n';
  const mine = `# My own chapter\n\nTwo sleeps at once.\n\n\`\`\`python scenario\n${program}\`\`\`\n`;
  mkdirSync(join(served, 'authoring'), { recursive: true });
  writeFileSync(join(served, 'authoring', 'mine.md'), mine);

  const page = await t.open('?lesson=authoring/mine.md');
  let state = await stateOf(page);
  assert.deepEqual(state.chapters.map((chapter) => chapter.title), ['My own chapter']);
  assert.deepEqual(state.lessons, { files: ['mine.md'], problems: [] });
  state = await api(page, 'toEnd');
  assert.equal(state.output, cpythonOutput(program));
  assert.equal(await page.locator('#lesson-problems:not([hidden])').count(), 0, 'no problems shown');

  // A question without a right answer (its @question on line 5), by the chooser: the author is told; the chapter stays.
  const broken = '# Broken\n\nText.\n\n@question\nWhich?\n- [ ] this\n- [ ] that\n> Neither.\n';
  await page.setInputFiles('#lesson-file', { name: 'broken.md', mimeType: 'text/markdown', buffer: Buffer.from(broken) });
  await page.waitForSelector('#lesson-problems:not([hidden])');
  const told = await page.locator('#lesson-problems').innerText();
  assert.match(told, /broken\.md:5/);
  assert.match(told, /a question needs one right answer marked - \[x\]/);
  state = await stateOf(page);
  assert.deepEqual(state.chapters.map((chapter) => chapter.title), ['My own chapter'], 'the learner keeps the chapter on screen');
  await shoot(page, 'authoring-problems.png');

  // Two chapters in one file, dropped on the page.
  const pack = `${mine}\n# The second one\n\n\`\`\`python scenario\n# a comment\nprint("second")\n\`\`\`\n`;
  await page.evaluate((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'pack.md', { type: 'text/markdown' }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, pack);
  await waitFor(page, () => window.loopstep.state().lessons.files[0] === 'pack.md');
  state = await stateOf(page);
  assert.deepEqual(state.chapters.map((chapter) => chapter.title), ['My own chapter', 'The second one']);
  assert.equal(await page.locator('#lesson-problems:not([hidden])').count(), 0, 'the good files clear the problems');
  state = await api(page, 'goToChapter', 1);
  assert.equal((await api(page, 'toEnd')).output, 'second\n');

  // A lesson URL that is not there: the built-in chapters, and the author told why (not watched:
  // the browser logs the 404 itself).
  const other = await (await t.context()).newPage();
  await other.goto(t.url + '?lesson=authoring/missing.md');
  await waitReady(other);
  await other.waitForSelector('#lesson-problems:not([hidden])');
  assert.match(await other.locator('#lesson-problems').innerText(), /missing\.md.*404/s);
  assert.equal((await stateOf(other)).chapters.length, lessons.length);
});

test('./dev author: the page on a lesson folder opens a changed file again at the same chapter; the terminal compares with CPython', async (t) => {
  const folder = mkdtempSync(join(tmpdir(), 'loopstep-author-'));
  const chapter = (title, printed) => `# ${title}\n\n\`\`\`python scenario\nimport asyncio\n\nasync def main():\n    await asyncio.sleep(1)\n    print(${JSON.stringify(printed)})\n\nasyncio.run(main())\n\`\`\`\n`;
  writeFileSync(join(folder, '01-first.md'), chapter('First', 'one'));
  writeFileSync(join(folder, '02-second.md'), chapter('Second', 'two'));
  const port = await freePort();
  const author = spawn('python3', [join(root, 'tools', 'author.py'), folder, '--port', String(port), '--dist', served]);
  let terminal = '';
  author.stdout.on('data', (data) => { terminal += data; });
  author.stderr.on('data', (data) => { terminal += data; });
  try {
    const listing = `http://127.0.0.1:${port}/lesson-files/index.json`;
    for (let tries = 0; !(await fetch(listing).then((response) => response.ok, () => false)); ++tries) {
      assert.ok(tries < 100 && author.exitCode === null, `tools/author.py did not start serving: ${terminal}`);
      await new Promise((resolve) => setTimeout(resolve, 100));  // the server is starting
    }
    const page = await (await t.context()).newPage();
    t.watch(page);
    await page.goto(`http://127.0.0.1:${port}/?lessons=lesson-files/index.json`);
    await waitReady(page);
    await waitFor(page, () => window.loopstep.state().lessons.files.length === 2);
    await api(page, 'goToChapter', 1);
    assert.deepEqual((await stateOf(page)).chapters.map((c) => c.title), ['First', 'Second']);

    writeFileSync(join(folder, '02-second.md'), chapter('Second, edited', 'two, edited'));
    await waitFor(page, () => window.loopstep.state().chapters[1]?.title === 'Second, edited');
    assert.equal((await stateOf(page)).chapter, 1, 'the author stays at the chapter being written');
    assert.equal((await api(page, 'toEnd')).output, 'two, edited\n');

    writeFileSync(join(folder, '02-second.md'), chapter('Second, broken', 'x').replace('print("x")', 'print(nothing_here)'));
    await page.waitForSelector('#lesson-problems:not([hidden])');
    assert.match(await page.locator('#lesson-problems').innerText(), /02-second\.md:8 the scenario raises NameError/);
    assert.equal((await stateOf(page)).chapters[1].title, 'Second, edited', 'the last good version stays on screen');
    await shoot(page, 'author-problem.png');
    for (const wanted of [/same as CPython {2}01-first\.md "First"/, /same as CPython {2}02-second\.md "Second, edited"/,
                          /02-second\.md:8: the scenario raises NameError/]) {
      for (let i = 0; i < 100 && !wanted.test(terminal); ++i) await nextFrames(page, 5);
      assert.match(terminal, wanted);
    }
  } finally {
    author.kill();
    rmSync(folder, { recursive: true, force: true });
  }
});

test('pictures to hand out: the timeline and the frames at the cursor as SVG and PNG, the whole run as a page to print, from the API and the buttons', async (t) => {
  const page = await t.open();
  const chapter = lessons.findIndex((lesson) => lesson.program && !lesson.compare && lesson.program.includes('create_task'));
  assert.ok(chapter >= 0, 'a chapter with tasks and one program');
  await api(page, 'goToChapter', chapter);
  await makePredictions(page);
  const picture = (svg) => page.evaluate((svg) => {
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    const number = (element, name) => Number(element.getAttribute(name));
    return {
      valid: !doc.querySelector('parsererror'),
      title: doc.querySelector('text.title').textContent,
      tasks: [...doc.querySelectorAll('text.task')].map((text) => text.textContent),
      cursor: number(doc.querySelector('line.cursor'), 'x1'),
      width: number(doc.documentElement, 'width'),
      height: number(doc.documentElement, 'height'),
      waiting: doc.querySelectorAll('rect.waiting').length,
      steps: doc.querySelectorAll('line.step').length,
    };
  }, svg);
  const plot = { left: 16 + 150, right: 960 - 16 };  // web/model/timeline_svg.hpp's sizes

  const start = await picture(await api(page, 'timelineSvg'));
  assert.ok(start.valid, 'the SVG parses');
  assert.equal(start.cursor, plot.left, 'at the start the cursor is at 0');
  assert.equal(start.waiting, 0, 'nothing has happened yet');
  let state = await api(page, 'toEnd');
  const svg = await api(page, 'timelineSvg');
  const end = await picture(svg);
  assert.equal(end.cursor, plot.right, 'at the end the cursor is at the run\'s end');
  assert.deepEqual(end.tasks, state.timeline.map((row) => row.task), 'the rows the timeline panel has, in its order');
  const parts = (kind) => state.timeline.flatMap((row) => row.parts).filter((part) => part.kind === kind).length;
  assert.equal(end.waiting, parts('waiting'), 'every wait the text version lists');
  assert.equal(end.steps, parts('running'), 'every step');
  assert.match(end.title, new RegExp(`step ${state.steps} of ${state.steps}`));

  const png = await page.evaluate(async () => {
    const blob = await window.loopstep.timelinePng();
    const bitmap = await createImageBitmap(blob);
    return { type: blob.type, width: bitmap.width, height: bitmap.height };
  });
  assert.deepEqual(png, { type: 'image/png', width: 2 * end.width, height: 2 * end.height });
  const dataUrl = await page.evaluate(async () => {
    const blob = await window.loopstep.timelinePng(1);
    return new Promise((resolve) => { const reader = new FileReader(); reader.onload = () => resolve(reader.result); reader.readAsDataURL(blob); });
  });
  const viewer = await (await t.context()).newPage();
  await viewer.setContent(`<body style="margin:0;background:#000"><img src="${dataUrl}"></body>`);
  await viewer.screenshot({ path: join(shots, 'timeline-picture.png'), fullPage: true });

  // The button saves the same picture, named after the chapter and the step.
  await page.mouse.click(...await centreOf(page, 'save-picture'));
  const [download] = await Promise.all([page.waitForEvent('download'), page.mouse.click(...await centreOf(page, 'save-svg'))]);
  state = await stateOf(page);
  assert.equal(download.suggestedFilename(), `loopstep-chapter${chapter + 1}-step${state.step}.svg`);
  assert.equal(readFileSync(await download.path(), 'utf8'), svg);

  // The frames panel's picture: the selected task's frames and locals, as state().frames has them.
  const task = state.tasks.findIndex((shown) => shown.name !== 'Task-1');
  await api(page, 'selectTask', task);
  state = await api(page, 'seek', Math.floor(state.steps / 2));
  const frames = await page.evaluate((svg) => {
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    return { valid: !doc.querySelector('parsererror'), task: doc.querySelector('text.task')?.textContent ?? '',
             calls: [...doc.querySelectorAll('text.call')].map((text) => text.textContent),
             locals: [...doc.querySelectorAll('text.local')].map((text) => text.textContent) };
  }, await api(page, 'framesSvg'));
  assert.ok(frames.valid, 'the frames SVG parses');
  assert.ok(frames.task.startsWith(state.tasks[task].name), frames.task);
  assert.deepEqual(frames.calls, state.frames.frames.map((frame) => frame.call));
  assert.deepEqual(frames.locals, state.frames.frames.flatMap((frame) => frame.locals.map((local) => local.name)));
  await page.mouse.click(...await centreOf(page, 'save-frames'));
  await nextFrames(page, 3);  // the menu, at the screen's right edge, is moved inside it once its size is known
  const [framesDownload] = await Promise.all([page.waitForEvent('download'), page.mouse.click(...await centreOf(page, 'save-frames-png'))]);
  assert.equal(framesDownload.suggestedFilename(), `loopstep-chapter${chapter + 1}-step${state.step}-frames.png`);
  const framesPng = readFileSync(await framesDownload.path());
  assert.equal(framesPng.subarray(1, 4).toString(), 'PNG');
  await viewer.setContent(`<body style="margin:0;background:#000"><img src="data:image/png;base64,${framesPng.toString('base64')}"></body>`);
  await viewer.screenshot({ path: join(shots, 'frames-picture.png'), fullPage: true });

  // The whole run as a page to print: every step's narration, the output, the timeline to the end.
  await page.mouse.click(...await centreOf(page, 'save-picture'));
  const [runDownload] = await Promise.all([page.waitForEvent('download'), page.mouse.click(...await centreOf(page, 'save-run'))]);
  assert.equal(runDownload.suggestedFilename(), `loopstep-chapter${chapter + 1}-run.html`);
  const report = readFileSync(await runDownload.path(), 'utf8');
  assert.equal(report, await api(page, 'runReport'));
  // The text version's button saves the same page (keyboard: the focused button, Enter).
  await page.focus('#a11y-save-run');
  const [textDownload] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  assert.equal(readFileSync(await textDownload.path(), 'utf8'), report);
  await viewer.setContent(report);
  const printed = await viewer.evaluate(() => ({
    title: document.querySelector('h1').textContent,
    steps: document.querySelectorAll('ol.steps li').length,
    output: document.querySelector('pre.output').textContent,
    timelineTitle: document.querySelector('svg text.title').textContent,
  }));
  const finished = await api(page, 'toEnd');
  assert.equal(printed.title, finished.chapters[chapter].title);
  assert.equal(finished.stepBy, 'event');
  assert.equal(printed.steps, finished.steps, 'one narrated step per step by event');
  assert.equal(printed.output, finished.output);
  assert.match(printed.timelineTitle, /the timeline of the whole run/);
  await viewer.emulateMedia({ media: 'print' });
  await viewer.setViewportSize({ width: 900, height: 1200 });
  await viewer.screenshot({ path: join(shots, 'run-report-print.png') });
});

test('the final check: every right answer scores, a wrong first answer lowers it for good', async (t) => {
  assert.ok(check >= 0, 'a chapter has @check');
  const { questions } = lessons[check];
  const n = questions.length;
  assert.ok(n > 0 && questions.every((question) => question.correct >= 0), 'every question has a [x] option');
  const page = await t.open();
  let state = await api(page, 'goToChapter', check);
  assert.equal(state.chapters[check].finalCheck, true);
  assert.deepEqual(state.score, { right: 0, answered: 0, total: n });
  const wrong = (questions[0].correct + 1) % questions[0].options.length;
  state = await api(page, 'answer', 0, wrong);
  assert.deepEqual(state.answers[0], { chosen: wrong, correct: false, locked: true });
  for (const [index, question] of questions.entries()) state = await api(page, 'answer', index, question.correct);
  assert.deepEqual(state.answers[0], { chosen: wrong, correct: false, locked: true }, 'the first answer stays');
  assert.deepEqual(state.answers.slice(1), questions.slice(1).map((question) => ({ chosen: question.correct, correct: true, locked: true })));
  assert.deepEqual(state.score, { right: n - 1, answered: n, total: n });
  state = await api(page, 'seek', state.steps);
  // The questions and the score are at the bottom of the lesson column: scroll it with the wheel.
  await page.mouse.move(viewport.width * 0.14, viewport.height * 0.5);
  await Promise.all(Array.from({ length: 80 }, () => page.mouse.wheel(0, 500)));  // each scrolls a few lines
  await shoot(page, 'final-check-answered.png');
  state = await api(page, 'goToChapter', 0);  // the score is over the check's questions, from anywhere
  assert.deepEqual(state.score, { right: n - 1, answered: n, total: n });
});

test('a slider reruns the program: 30 URLs take 30 × 5 + 55 s concurrently', async (t) => {
  const lesson = lessons[twelve];
  const page = await t.open();
  await api(page, 'goToChapter', twelve);
  const urls = lesson.params.urls.max;
  let state = await api(page, 'setParam', 'urls', urls);
  assert.equal(state.params.urls, urls);
  assert.equal(state.error, null);
  assert.equal(state.step, state.steps, 'a slider shows the new run at its end, totals printed');
  const program = lesson.withParams({ urls });
  assert.equal(state.code, program);
  const output = cpythonOutput(program);
  const concurrently = urls * lesson.params.send.value + lesson.params.wait.value;
  const oneByOne = urls * (lesson.params.send.value + lesson.params.wait.value);
  assert.ok(output.includes(`concurrently: all replies after ${concurrently} s\n`), output);
  assert.equal(state.output, output);
  // The formulas under the sliders say the same totals at once, on the canvas and in the text version.
  assert.equal(state.formulas.length, 2);
  assert.ok(state.formulas[0].endsWith(`= ${oneByOne} s`), state.formulas[0]);
  assert.ok(state.formulas[1].endsWith(`= ${concurrently} s`), state.formulas[1]);
  const listed = await page.evaluate(() => [...document.querySelectorAll('#a11y-formulas li')].map((item) => item.textContent));
  assert.deepEqual(listed, state.formulas);
});

// ---- hostile input: nothing typed or saved breaks the page or loses progress ----------------

// Each program ends, its error (if any) is CPython's or a named limit at the right line, the page
// still answers within 2 s, and the recording can be stepped to its end. Some are generated.
function hostilePrograms() {
  const deep = (depth, then) => `x = []\nfor i in range(${depth}):\n    x = [x]\n${then}`;
  const programs = [
    { what: 'time.sleep(inf)', source: 'import time\nprint("before")\ntime.sleep(float("inf"))\n', cpython: 'error' },
    { what: 'time.sleep(nan)', source: 'import time\ntime.sleep(float("nan"))\n', cpython: 'error' },
    { what: 'NaN, infinite and far asyncio sleeps',
      source: 'import asyncio\n\nasync def main():\n    loop = asyncio.get_running_loop()\n    await asyncio.sleep(float("nan"))\n' +
              '    print("nan", loop.time())\n    try:\n        await asyncio.wait_for(asyncio.sleep(float("inf")), 3)\n' +
              '    except TimeoutError:\n        print("timed out", loop.time())\n    await asyncio.sleep(1e12)\n' +
              '    print("far", loop.time())\n\nasyncio.run(main())\n', cpython: 'output', fewSteps: true },
    { what: 'a list and a dict inside themselves', source: 'a = []\na.append(a)\nprint(a)\nd = {}\nd["d"] = d\nprint(d, a == a)\n', cpython: 'output' },
    { what: 'printing a 100,000-deep list', source: deep(100000, 'print(x)\n'), cpython: 'error' },
    { what: 'comparing 100,000-deep lists', source: deep(100000, 'y = x\nprint(x == [y])\n'), cpython: 'error' },
    { what: 'freeing a 1,000,000-deep list', source: deep(1000000, 'x = None\nprint("freed")\n'), cpython: 'output' },
    { what: '[0] * 10**7, forty times', source: 'rows = []\nfor i in range(40):\n    rows.append([0] * 10**7)\n', limit: 3 },
    { what: '3 million prints', source: 'for i in range(3_000_000):\n    print(i)\n', limit: 2 },
    { what: '300,000 prints with sleep(0)', source: 'import asyncio\n\nasync def main():\n    for i in range(300_000):\n        print(i)\n        await asyncio.sleep(0)\n\nasyncio.run(main())\n', limit: [5, 6] },
    { what: 'sleep(0) for ever with work between', source: 'import asyncio\n\nasync def main():\n    while True:\n        await asyncio.sleep(0)\n        total = sum(range(1000))\n\nasyncio.run(main())\n', limit: [5, 6] },
    { what: 'an endless builtin loop', source: 'print(sum(range(10**12)))\n', limit: 1, kind: /LoopBlockedError|RunLimitError/ },
  ];
  // Generated: a sleep of each kind of awkward number, alone and under wait_for.
  for (const number of ['float("inf")', 'float("-inf")', 'float("nan")', '1e308', '-0.0', '10**18']) {
    programs.push({ what: `generated: asyncio.sleep(${number}) under wait_for`, cpython: 'output', fewSteps: true,
      source: `import asyncio\n\nasync def main():\n    try:\n        await asyncio.wait_for(asyncio.sleep(${number}), 2)\n` +
              `        print("slept")\n    except TimeoutError:\n        print("timeout")\n    print(asyncio.get_running_loop().time())\n\nasyncio.run(main())\n` });
  }
  return programs;
}

// The page answers state() within 2 s (measured in the page: moving a big state to the test
// process is the harness's cost, not the page's); returns the state without its output.
async function stillAnswers(page, what) {
  const { ms, state } = await withTimeout(page.evaluate(() => {
    const begun = performance.now();
    const state = window.loopstep.state();
    return { ms: performance.now() - begun, state: { ...state, output: state.output.length } };
  }), 30000, `${what}: state() after the run`);
  assert.ok(ms < 2000, `${what}: state() took ${ms.toFixed(0)} ms`);
  assert.ok(Number.isFinite(state.clock), `${what}: the clock is a number`);
  return state;
}

test('hostile programs end with a clear error, keep a recording and leave the page answering', async (t) => {
  const page = await t.open();
  // A chapter with one program: its steps are the hostile program's alone.
  const single = lessons.findIndex((lesson) => lesson.program && !lesson.compare);
  await api(page, 'goToChapter', single);
  for (const program of hostilePrograms()) {
    const { what, source } = program;
    let state = await withTimeout(api(page, 'runCode', source), 120000, `runCode(${what})`)
      .catch((error) => { throw new Error(`${what}: ${error.message}`); });
    state = await stillAnswers(page, what);
    if (program.cpython === 'output') {
      assert.equal(state.error, null, `${what}: ${JSON.stringify(state.error)}`);
      state = await api(page, 'toEnd');
      assert.equal(state.output, cpythonOutput(source), what);
    } else if (program.cpython === 'error') {
      const expected = cpythonRuntimeError(source);
      assert.ok(state.error, `${what}: an error`);
      assert.deepEqual([state.error.kind, state.error.line], [expected.kind, expected.line], `${what}: ${JSON.stringify(state.error)}`);
    } else {
      assert.ok(state.error, `${what}: an error`);
      assert.match(state.error.kind, program.kind ?? /RunLimitError/, `${what}: ${JSON.stringify(state.error)}`);
      const lines = [program.limit].flat();
      assert.ok(lines.includes(state.error.line), `${what}: stopped at line ${state.error.line}, expected ${lines}`);
      assert.ok(state.error.message.length > 20, `${what}: the message says why`);
    }
    if (program.fewSteps) assert.ok(state.steps < 100, `${what}: ${state.steps} steps`);
    state = await api(page, 'toEnd');  // the recording (partial or whole) steps to its end
    assert.equal(state.step, state.steps, what);
    await stillAnswers(page, what);
    if (what === '3 million prints') await shoot(page, 'error-run-limit.png');
  }
  const memory = await page.evaluate(() => window.Module.HEAPU8.length);
  assert.ok(memory <= 256 * 1024 * 1024, `the module's memory is ${memory} bytes`);
  const state = await api(page, 'runCode', lessons[single].program);
  assert.equal(state.error, null, 'a good program runs again');
});

test('code the module cannot hold is refused with a message before it runs or is saved', async (t) => {
  const context = await t.context();
  const page = await t.open('', context);
  const before = await api(page, 'runCode', 'print("kept")\n');
  const refused = {
    'a NUL': 'print("a")\n# \0\n',
    'a lone surrogate': 'print("\ud800")\n',
    'over 256 KB': '#' + 'x'.repeat(1.3e6) + '\n',
  };
  for (const [what, source] of Object.entries(refused)) {
    const message = await page.evaluate((source) => {
      try { window.loopstep.runCode(source); return null; } catch (error) { return error.message; }
    }, source);
    assert.ok(message, `${what}: refused`);
    assert.match(message, what === 'over 256 KB' ? /bytes/ : /line \d+, column \d+/, message);
    const state = await stillAnswers(page, what);
    assert.equal(state.code, before.code, `${what}: the code on screen is still the last good one`);
  }
  await page.reload();
  await waitReady(page);
  assert.equal((await stateOf(page)).code, before.code, 'the saved code is the last good one');
});

test('malformed saved progress: each bad field is dropped with a note, the rest restored, saving goes on', async (t) => {
  const good = lessons[0].program + 'print("restored")\n';
  let page;
  // Generated: every field of chapter 1 broken in turn, chapter 2's edited code always good.
  const broken = [{ answers: 'abc' }, { params: [1, 2] }, { params: { wait: 'x' } }, { code: 42 }, { answers: [0.5] }, 'text', 7];
  for (const bad of broken) {
    const stored = { chapter: 1, step: 'x', saved: [bad, { code: good }] };
    // Planted before the page's scripts run (leaving a page of the app would save over it).
    const context = await t.context();
    await context.addInitScript((stored) => localStorage.setItem('loopstep.progress', stored), JSON.stringify(stored));
    page = await t.open('', context);  // no fragment: the store decides
    const state = await stateOf(page);
    const notes = await page.evaluate(() => [...document.querySelectorAll('.page-notice')].map((note) => note.textContent));
    assert.equal(notes.length, 1, `${JSON.stringify(bad)}: one note (${notes})`);
    assert.match(notes[0], /chapter 1/, notes[0]);
    assert.equal(state.chapter, 1, `${JSON.stringify(bad)}: the place`);
    assert.equal(state.code, good, `${JSON.stringify(bad)}: chapter 2's code came back`);
    // Saving is still on: a step is saved.
    await api(page, 'seek', 2);
    await page.waitForFunction(() => JSON.parse(localStorage.getItem('loopstep.progress') || 'null')?.step === 2);
  }
  await shoot(page, 'restore-note.png');
});

// ---- the frames panel ----------------------------------------------------------------------

// The program with a print added after (or before) the line holding `text`, at its indentation:
// how CPython shows a local's value at that point.
function withPrint(program, text, expression, { before = false } = {}) {
  const lines = program.split('\n');
  const at = lineOf(program, text);
  assert.ok(at > 0, `no line '${text}'`);
  const indent = lines[at - 1].match(/^\s*/)[0];
  lines.splice(before ? at - 1 : at, 0, `${indent}print("PROBE", repr(${expression}))`);
  return lines.join('\n');
}
const probes = (output) => output.split('\n').filter((line) => line.startsWith('PROBE ')).map((line) => line.slice(6));

// The step at which `name` is first in `state` (e.g. waiting), found by seeking through the run.
function firstStepWhere(page, name, state) {
  return page.evaluate(([name, wanted]) => {
    const steps = window.loopstep.state().steps;
    for (let step = 0; step <= steps; ++step) {
      const now = window.loopstep.seek(step);
      if (now.tasks.some((task) => task.name === name && task.state === wanted)) return step;
    }
    return -1;
  }, [name, state]);
}

// Presses Down (or Up) until the task called `name` is selected; the keyboard's way to pick one.
async function selectWithKeys(page, name) {
  let state = await stateOf(page);
  const target = state.tasks.findIndex((task) => task.name === name);
  assert.ok(target >= 0, `no task ${name} at step ${state.step}`);
  for (let presses = 0; presses < state.tasks.length + 1 && state.selectedTask !== target; ++presses) {
    await page.keyboard.press(state.selectedTask < target ? 'ArrowDown' : 'ArrowUp');
    await waitFor(page, (before) => window.loopstep.state().selectedTask !== before, state.selectedTask);
    state = await stateOf(page);
  }
  assert.equal(state.selectedTask, target, `${name} is selected`);
  return state;
}

test('the frames panel shows a paused task\'s frames and locals as the program has them', async (t) => {
  const lesson = lessons[twelve];
  const { urls, send, wait } = lesson.params;
  const program = lesson.program;
  const awaitLine = lineOf(program, 'await asyncio.sleep(WAIT)');
  const gatherLine = lineOf(program, 'await asyncio.gather(*tasks)');
  // From the program: fetch-i blocks s seconds after the i blocks before it, and reads the
  // clock: sent = (i + 1) × s.
  const i = 3;
  const start = 0;
  const sent = start + (i + 1) * send.value;
  // CPython's own reprs of those values, printed where the frames are.
  const cpythonSent = probes(cpythonOutput(withPrint(program, 'sent = time.monotonic()', 'sent')));
  assert.equal(cpythonSent.length, urls.value, 'fetch reads the clock once per request');
  assert.equal(cpythonSent[i], sent.toFixed(1), 'CPython agrees with the formula');
  const cpythonStart = probes(cpythonOutput(withPrint(program, 'await asyncio.gather(*tasks)', 'start', { before: true })));
  assert.deepEqual(cpythonStart, [start.toFixed(1)]);

  const page = await t.open();
  await api(page, 'goToChapter', twelve);
  const name = `fetch-${i}`;
  const step = await firstStepWhere(page, name, 'waiting');
  assert.ok(step > 0, `${name} waits at some step`);
  // The mouse picks a task three ways (positions in the desktop layout at this step): its dot
  // beside the code (the first dot on the await line is fetch-0's), its row in the tasks table,
  // its lane's name in the timeline.
  const clicks = [[[424, 400], 'fetch-0'], [[1000, 135], 'Task-1'], [[400, 681], 'fetch-2']];
  for (const [[x, y], expected] of clicks) {
    await nextFrames(page);
    await page.mouse.click(x, y);
    await waitFor(page, (expected) => { const s = window.loopstep.state(); return s.tasks[s.selectedTask]?.name === expected; }, expected, 10000)
      .catch(() => assert.fail(`a click at ${x}, ${y} did not pick ${expected}`));
  }
  assert.equal((await stateOf(page)).step, step, 'a click on a lane\'s name does not move the cursor');
  await page.focus('#canvas');
  let state = await selectWithKeys(page, name);
  let frames = state.frames;
  assert.equal(frames.task, name);
  assert.equal(frames.state, 'waiting');
  assert.equal(frames.frames.length, 1, 'a task\'s own coroutine is its only frame');
  const [fetch] = frames.frames;
  assert.equal(fetch.call, `fetch(i=${i})`);
  assert.equal(fetch.line, awaitLine);
  assert.match(fetch.paused, new RegExp(`sleep\\(${wait.value}\\)`));
  assert.deepEqual(fetch.locals.map(({ name, value }) => [name, value]), [['i', String(i)], ['sent', cpythonSent[i]]]);
  assert.deepEqual(fetch.locals.map((local) => local.changed), [false, false], 'the step before, its timer, showed sent first');
  await shoot(page, 'frames-desktop.png');

  // The text version shows the same as a table.
  const frameTables = () => page.evaluate(() => [...document.querySelectorAll('#a11y-frames table')].map((table) => ({
    caption: table.caption.textContent,
    rows: [...table.tBodies[0].rows].map((row) => [...row.cells].map((cell) => cell.textContent)),
  })));
  assert.deepEqual(await frameTables(), [{ caption: `innermost frame: fetch(i=${i}) at line ${awaitLine}, waits on ${fetch.paused}`,
                                           rows: [['i', String(i), ''], ['sent', cpythonSent[i], '']] }]);
  // The step before: the lines fetch-i ran since its time.sleep bound sent.
  state = await api(page, 'back');
  assert.deepEqual(state.frames.frames[0].locals.map((local) => [local.name, local.changed]), [['i', false], ['sent', true]]);
  await waitFor(page, () => document.querySelector('#a11y-frames table tbody tr:nth-child(2) td:nth-child(3)')?.textContent === 'changed');
  state = await api(page, 'step');
  assert.equal(state.step, step);

  // The next step is another task's: the same values, none marked changed.
  state = await api(page, 'step');
  assert.deepEqual(state.frames.frames[0].locals.map((local) => [local.value, local.changed]), [[String(i), false], [cpythonSent[i], false]]);

  // main's frame at the same moment, chosen in the text version with the keyboard: main awaits
  // the gather.
  await page.focus('#a11y-tasks button[data-task="0"]');
  assert.equal(await page.getAttribute('#a11y-tasks button[data-task="0"]', 'aria-pressed'), 'false');
  await page.keyboard.press('Enter');
  await waitFor(page, () => window.loopstep.state().selectedTask === 0);
  state = await stateOf(page);
  assert.equal(state.frames.task, 'Task-1');
  await waitFor(page, () => document.querySelector('#a11y-tasks button[data-task="0"]')?.getAttribute('aria-pressed') === 'true');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.task), '0', 'the button keeps the focus');
  assert.deepEqual(state.frames.frames.map((frame) => [frame.call, frame.line]), [['main()', gatherLine]]);
  const locals = Object.fromEntries(state.frames.frames[0].locals.map((local) => [local.name, local.value]));
  assert.equal(locals.start, cpythonStart[0]);
  assert.match(locals.tasks, /^\[<Task pending name='fetch-0'/);
  await page.evaluate(() => document.getElementById('a11y-frames').scrollIntoView());
  await shoot(page, 'frames-text-version.png');  // the text version open beside the canvas
  await page.focus('#canvas');
  await shoot(page, 'frames-main-desktop.png');

  // Done: the result instead of frames.
  state = await api(page, 'selectTask', state.tasks.findIndex((task) => task.name === name));
  state = await api(page, 'toEnd');
  assert.equal(state.frames.state, 'done');
  assert.deepEqual(state.frames.frames, []);
  assert.match(state.frames.outcome, new RegExp(sent.toFixed(1).replace('.', '\\.')));
});

// Where the narrow layout's Frames tab is (the 4th tab under the chapter bar, at the default text size).
const frameTab = { tablet: [240, 124], phone: [240, 124] };
const loopTab = [180, 124];  // and its Loop tab (the 3rd)
const codeTab = [112, 124];  // and its Code tab (the 2nd)

test('the frames panel at tablet and phone widths', async (t) => {
  const page = await t.open();
  await api(page, 'goToChapter', twelve);
  const step = await firstStepWhere(page, 'fetch-3', 'waiting');
  await api(page, 'seek', step);
  let state = await stateOf(page);
  await api(page, 'selectTask', state.tasks.findIndex((task) => task.name === 'fetch-3'));
  for (const [label, size] of [['tablet', { width: 820, height: 1180 }], ['phone', { width: 390, height: 844 }]]) {
    await page.setViewportSize(size);
    await nextFrames(page, 6);
    await page.mouse.click(...frameTab[label]);
    await nextFrames(page, 6);
    state = await stateOf(page);
    assert.equal(state.frames.task, 'fetch-3');
    await shoot(page, `frames-${label}.png`);
  }
});

test('line by line: L and the box switch, each line a task runs is a step, its locals are CPython\'s, a link keeps the mode', async (t) => {
  const lesson = lessons[twelve];
  const { urls } = lesson.params;
  const program = lesson.program;
  const sentLine = lineOf(program, 'sent = time.monotonic()');
  const i = 3;
  const cpythonSent = probes(cpythonOutput(withPrint(program, 'sent = time.monotonic()', 'sent')))[i];
  const said = `${lesson.compare.mainLabel}: fetch-${i} set sent = ${cpythonSent} at line ${sentLine}; line ${sentLine + 1} is next.`;

  let page = await t.open();
  let state = await api(page, 'goToChapter', twelve);
  await makePredictions(page);
  const eventSteps = state.steps;
  assert.equal(state.stepBy, 'event');
  assert.ok(state.lineSteps > 2 * urls.value * 3, `the run recorded its lines (${state.lineSteps})`);
  await page.focus('#canvas');
  await page.keyboard.press('l');
  await waitFor(page, () => window.loopstep.state().stepBy === 'line');
  state = await stateOf(page);
  assert.equal(state.steps, eventSteps + state.lineSteps, 'by line, every event and every line is a step');
  // The box on the canvas, clicked, switches back and forth; the place stays.
  for (const wanted of ['event', 'line']) {
    await page.mouse.click(...await centreOf(page, 'lines'));
    await waitFor(page, (wanted) => window.loopstep.state().stepBy === wanted, wanted);
  }
  // Right steps one line at a time.
  for (let k = 1; k <= 3; ++k) {
    await page.keyboard.press('ArrowRight');
    await waitForStep(page, k);
  }
  // The line step where fetch-i has just run `sent = time.monotonic()`: the narration says what
  // it set, and the frames panel shows CPython's value.
  const step = await page.evaluate((name) => {
    const api = window.loopstep;
    for (let s = api.restart(); s.step < s.steps; s = api.step()) {
      if (s.narration.startsWith(`${name} set sent = `)) return s.step;
    }
    return -1;
  }, `${lesson.compare.mainLabel}: fetch-${i}`);
  assert.ok(step > 0, `a line step narrates fetch-${i} setting sent`);
  state = await api(page, 'seek', step);
  assert.equal(state.narration, said);
  state = await api(page, 'selectTask', state.tasks.findIndex((task) => task.name === `fetch-${i}`));
  const [frame] = state.frames.frames;
  assert.equal(frame.line, sentLine + 1);
  assert.deepEqual(frame.locals.map(({ name, value, changed }) => [name, value, changed]), [['i', String(i), false], ['sent', cpythonSent, true]]);
  assert.equal(await page.evaluate(() => document.getElementById('a11y-lines').checked), true, 'the text version\'s box says so');
  assert.match(await page.textContent('#a11y-clock'), new RegExp(`line step ${step} of ${state.steps}\\.`));
  await shoot(page, 'line-steps-desktop.png');
  for (const [label, size] of [['tablet', { width: 820, height: 1180 }], ['phone', { width: 390, height: 844 }]]) {
    await page.setViewportSize(size);
    await nextFrames(page, 6);
    await page.mouse.click(...codeTab);
    await nextFrames(page, 6);
    assert.ok((await api(page, 'screen')).items.lines, `the ${label}'s Code tab has the box`);
    await shoot(page, `line-steps-${label}.png`);
  }

  // The place and the mode are in the link: a new page opens at the same line step.
  await waitFor(page, (step) => new URLSearchParams(window.location.hash.slice(1)).get('by') === 'line' &&
                                new URLSearchParams(window.location.hash.slice(1)).get('step') === String(step), step);
  const link = await page.evaluate(() => window.location.hash);
  page = await t.open(link);
  state = await stateOf(page);
  assert.equal(state.stepBy, 'line');
  assert.equal(state.step, step);
  assert.equal(state.narration, said);
  // The text version's box, by keyboard, goes back to event steps; the place stays (the event step before it).
  await page.focus('#a11y-lines');
  await page.keyboard.press('Space');
  await waitFor(page, () => window.loopstep.state().stepBy === 'event');
  state = await stateOf(page);
  assert.equal(state.stepBy, 'event');
  assert.ok(state.step > 0 && state.step < eventSteps);
});

// What CPython prints for an unseeded program after random.seed(seed) at its top: what the
// seed line says ("random.seed(N) repeats it").
const withSeed = (program, seed) => cpythonOutput(`import random\nrandom.seed(${seed})\n` + program);
const seedLine = (seed) => `random was not seeded: this run used seed ${seed} (random.seed(${seed}) repeats it)`;

test('an unseeded random shows its seed, and New seed (API, N key, click, text version) runs with another one', async (t) => {
  const program = 'import random\nprint(random.randint(1, 10**6))\n';
  const page = await t.open();
  let state = await api(page, 'runCode', program);
  assert.equal(state.error, null);
  const seeds = [state.randomSeed];
  assert.ok(Number.isInteger(seeds[0]) && seeds[0] > 0 && seeds[0] < 1e9, `a seed a learner can type: ${seeds[0]}`);
  state = await api(page, 'toEnd');
  assert.equal(state.output, withSeed(program, seeds[0]));
  state = await api(page, 'runCode', program);
  assert.equal(state.randomSeed, seeds[0], 'the same program runs with the same seed');
  await waitFor(page, (line) => document.getElementById('a11y-seed-text').textContent === line, seedLine(seeds[0]))
    .catch(() => assert.fail('the text version says the seed too'));
  await page.focus('#canvas');
  await api(page, 'toEnd');
  await shoot(page, 'seed-desktop.png');
  await page.mouse.move(...await centreOf(page, 'output'));
  await page.mouse.wheel(0, 300);  // the sentence after the output, below the panel's first line
  await shoot(page, 'seed-desktop-sentence.png');

  // New seed from the API, then the N key on the canvas, then the text version's button: each
  // runs the program again from the start with a seed not seen before, and prints what
  // CPython prints with it.
  const presses = [
    ['newSeed()', async () => api(page, 'newSeed')],
    ['the N key', async () => { await page.focus('#canvas'); await page.keyboard.press('n'); }],
    ['a click on New seed', async () => { await nextFrames(page); await page.mouse.click(...await centreOf(page, 'New seed')); }],
    ['the text version\'s button', async () => { await page.focus('#a11y-new-seed'); await page.keyboard.press('Enter'); }],
  ];
  for (const [how, press] of presses) {
    await press();
    await waitFor(page, (before) => window.loopstep.state().randomSeed !== before, seeds[seeds.length - 1])
      .catch((error) => assert.fail(`${how} ran no new seed: ${error.message}`));
    state = await stateOf(page);
    assert.ok(!seeds.includes(state.randomSeed), `${how}: a new seed ${state.randomSeed}, not one of ${seeds}`);
    assert.ok(Number.isInteger(state.randomSeed) && state.randomSeed > 0 && state.randomSeed < 1e9, `${how}: ${state.randomSeed}`);
    assert.equal(state.step, 0, `${how}: the cursor at the start, as after Run`);
    assert.equal(state.code, program, `${how}: the same code`);
    seeds.push(state.randomSeed);
    state = await api(page, 'toEnd');
    assert.equal(state.output, withSeed(program, state.randomSeed), `${how}: CPython's output with seed ${state.randomSeed}`);
    await waitFor(page, (line) => document.getElementById('a11y-seed-text').textContent === line, seedLine(state.randomSeed));
  }
  assert.equal(await page.evaluate(() => document.activeElement.id), 'a11y-new-seed', 'the button keeps the focus');
  state = await api(page, 'runCode', program);
  assert.equal(state.randomSeed, seeds[seeds.length - 1], 'Run keeps the chosen seed');

  // At a phone's width the output is on the Loop tab (the 3rd tab under the chapter bar).
  await page.focus('#canvas');
  await page.setViewportSize({ width: 390, height: 844 });
  await nextFrames(page, 6);
  await page.mouse.click(...loopTab);
  await shoot(page, 'seed-phone.png');
  await page.setViewportSize(viewport);

  // A program that seeds random itself: no seed to show, and New seed changes nothing it prints.
  const seeded = 'import random\nrandom.seed(42)\nprint(random.randint(1, 10**6))\n';
  state = await api(page, 'runCode', seeded);
  assert.equal(state.randomSeed, null);
  await waitFor(page, () => document.getElementById('a11y-seed').hidden);
  state = await api(page, 'toEnd');
  assert.equal(state.output, cpythonOutput(seeded));
  state = await api(page, 'newSeed');
  assert.equal(state.randomSeed, null);
  assert.equal((await api(page, 'toEnd')).output, cpythonOutput(seeded));
});

// ---- predictions ---------------------------------------------------------------------------

// The program under CPython with each printed line prefixed by the virtual clock and the running
// task's name ("@3|eggs|eggs: ready at 3 min"): what a prediction's right answer must agree with.
const tracingPrints = `import asyncio as _asyncio, builtins as _builtins, time as _time
_print = _builtins.print
def _traced_print(*args, **kwargs):
    try:
        _task = _asyncio.current_task().get_name()
    except RuntimeError:
        _task = None
    _print(f"@{_time.monotonic():g}|{_task}|", end="")
    _print(*args, **kwargs)
_builtins.print = _traced_print
`;

function cpythonPrints(program) {
  return cpythonOutput(tracingPrints + program).trimEnd().split('\n').map((line) => {
    const [, time, task, text] = line.match(/^@([^|]*)\|([^|]*)\|(.*)$/);
    return { time: Number(time), task, text };
  });
}

// The answer CPython gives for a lesson's prediction: the task whose line prints next (the task the
// loop runs next prints first in these programs), the next line, or the clock when a line prints.
function cpythonAnswer(prediction, program, unit) {
  const prints = cpythonPrints(program);
  const first = prediction.stop === 'start' ? 0
    : prints.findIndex((line) => line.text.includes(prediction.stopOutput)) + (prediction.stop === 'after' ? 1 : 0);
  if (prediction.asks === 'task') return prints[first].task;
  if (prediction.asks === 'output') return prints[first].text;
  const line = prints.slice(first).find((each) => each.text.includes(prediction.clockOutput));
  return `${Number(line.time.toFixed(3))} ${unit}`;
}

async function clickAt(page, name) {
  const [x, y] = await centreOf(page, name);
  await page.mouse.move(x, y);
  await page.mouse.down();
  await nextFrames(page, 2);
  await page.mouse.up();
}

test('predictions: playing stops at each, its choices are the run\'s, a click makes it, CPython agrees', async (t) => {
  const page = await t.open();
  const predicted = lessons.flatMap((lesson, index) => lesson.predictions.map((prediction) => ({ lesson, index, prediction })));
  assert.ok(predicted.length >= 7, `${predicted.length} predictions in the lessons`);
  for (const [n, { lesson, index, prediction }] of predicted.entries()) {
    const where = `chapter ${index + 1}'s prediction`;
    let state = await api(page, 'goToChapter', index);
    await page.focus('#canvas');
    await page.keyboard.press('Space');  // plays; stops at the prediction (at once if it stops at the start)
    await waitFor(page, () => { const state = window.loopstep.state(); return !state.playing && state.prediction?.waiting; });
    state = await stateOf(page);
    assert.ok(state.step < state.steps, `${where}: playing stopped before the end`);
    if (prediction.stop !== 'start') {
      const printed = state.output.split('\n').filter(Boolean);
      const stopLine = printed.findIndex((line) => line.includes(prediction.stopOutput));
      assert.equal(stopLine >= 0, prediction.stop === 'after', `${where}: stops ${prediction.stop} "${prediction.stopOutput}" prints`);
    }
    await page.keyboard.press('ArrowRight');  // stepping waits for the prediction too
    await nextFrames(page, 3);
    assert.equal((await stateOf(page)).step, state.step, `${where}: Right does not step past it`);
    const expected = cpythonAnswer(prediction, lesson.program, state.timeUnit);
    assert.ok(state.prediction.options.includes(expected), `${where}: CPython's answer ${expected} is a choice: ${state.prediction.options}`);
    if (n === 0) await shoot(page, 'prediction-waiting.png');
    // A wrong choice in every other chapter, the right one in the rest: the verdict says which.
    const right = state.prediction.options.indexOf(expected);
    const choice = n % 2 === 0 ? right : (right + 1) % state.prediction.options.length;
    await clickAt(page, `predict:${choice + 1}`);
    await waitFor(page, () => window.loopstep.state().prediction?.waiting === false);
    state = await stateOf(page);
    assert.equal(state.prediction.chosen, state.prediction.options[choice]);
    assert.equal(state.prediction.right, choice === right, `${where}: ${state.prediction.verdict}`);
    assert.match(state.prediction.verdict, choice === right ? /^Right: / : /^Not quite: /);
    assert.ok(state.prediction.verdict.includes(expected), `${where}: the verdict names ${expected}: ${state.prediction.verdict}`);
    if (n === 1) await shoot(page, 'prediction-made.png');
    await page.keyboard.press('ArrowRight');  // and the run goes on
    await waitForStep(page, state.step + 1);
  }
});

test('a prediction by keys: 1 to 4 choose, at a phone\'s size too', async (t) => {
  const context = await t.browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, hasTouch: true });
  t.contexts.push(context);
  const page = await context.newPage();
  t.watch(page);
  await page.goto(t.url);
  await waitReady(page);
  const index = lessons.findIndex((lesson) => lesson.predictions.some((prediction) => prediction.stop === 'start'));
  let state = await api(page, 'goToChapter', index);
  assert.equal(state.prediction?.waiting, true, 'a prediction at the start waits as the chapter opens');
  await clickAt(page, 'tab:Code');  // the prediction sits above the controls, with the code
  await waitFor(page, () => window.loopstep.screen().tab === 'Code');
  await nextFrames(page, 3);
  assert.ok((await api(page, 'screen')).items.prediction, 'the card is on the Code tab');
  await shoot(page, 'prediction-phone.png');
  await page.keyboard.press('2');
  await waitFor(page, () => window.loopstep.state().prediction?.waiting === false);
  state = await stateOf(page);
  assert.equal(state.prediction.chosen, state.prediction.options[1]);
});

walkthroughTests(test, { lessons, shoot });

// ---- running them --------------------------------------------------------------------------

if (!existsSync(join(dist, 'loopstep_app.wasm'))) {
  console.error(`${dist} has no loopstep_app.wasm: build it with cmake --build --preset web-app`);
  process.exit(1);
}
assert.ok(twelve >= 0, 'lessons/04-*.md exists');
rmSync(shots, { recursive: true, force: true });
mkdirSync(shots, { recursive: true });

// A copy of dist/ is served, so a rebuild during the run (cmake --build writes dist/) cannot
// mix an old loopstep_app.js with a new loopstep_app.wasm.
const started = Date.now();
const served = mkdtempSync(join(tmpdir(), 'loopstep-dist-'));
cpSync(dist, served, { recursive: true });
const server = await serve(served);
let browser;
let failures = 0;
let ran = 0;
let skipping = false;
try {
  browser = await launch();
  console.log(`browser tests: ${browser.version()} (playwright-core) against ${server.url} (${relative(root, dist) || dist})`);
  for (const { name, body, gate } of tests) {
    if (only && !name.includes(only)) continue;
    ++ran;
    if (skipping) {
      ++failures;
      console.log(`  SKIP  ${name} (the page did not start)`);
      continue;
    }
    const session = new Session(browser, server.url);
    const begun = Date.now();
    try {
      await withTimeout(body(session), testTimeoutMs, 'the test');
      session.checkErrors();
      console.log(`  ok    ${name} (${((Date.now() - begun) / 1000).toFixed(1)} s)`);
    } catch (error) {
      ++failures;
      skipping = gate;
      console.log(`  FAIL  ${name} (${((Date.now() - begun) / 1000).toFixed(1)} s)`);
      console.log(String(error.stack ?? error).split('\n').map((line) => '        ' + line).join('\n'));
      const errors = session.watched.flatMap(({ errors }) => errors);
      if (errors.length) console.log(`        the page also logged: ${errors.join(' | ')}`);
    } finally {
      await session.close();
    }
  }
} finally {
  if (browser) await browser.close();
  await server.stop();
  rmSync(served, { recursive: true, force: true });
}
const files = readdirSync(shots).filter((name) => name.endsWith('.png')).sort();
console.log(`screenshots (${relative(root, shots)}/): ${files.join(' ')}`);
console.log(`${ran - failures} of ${ran} browser tests passed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
process.exit(failures || ran === 0 ? 1 : 0);

// Accessibility tests (issue 6), run by ./dev test after the browser tests: axe-core's WCAG 2.1
// A/AA rules on every chapter, a keyboard-only walk through the whole lesson to the final check,
// and the live region reading each step of the 12-URL scenario. Shares tests/browser/support.mjs.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { api, launch, nextFrames, readLessons, root, serve, viewport, waitReady, watchErrors } from '../browser/support.mjs';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const shots = join(root, 'build', 'a11y-tests');
mkdirSync(shots, { recursive: true });
const lessons = readLessons();
const only = process.argv[2] ?? '';  // node tests/a11y/run.mjs WORDS: only the tests whose name has them

async function openPage(browser, url, options = {}) {
  const context = await browser.newContext({ viewport, ...options });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(url);
  await waitReady(page);
  return { page, errors, close: () => context.close() };
}

// Presses Tab until the element with `id` has focus; fails if it is not reachable.
async function tabTo(page, id, limit = 400) {
  for (let i = 0; i < limit; ++i) {
    if (await page.evaluate(() => document.activeElement?.id) === id) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`#${id} was not reached with ${limit} presses of Tab`);
}

// Presses Shift+Tab until the element with `id` has focus.
async function shiftTabTo(page, id, limit = 50) {
  for (let i = 0; i < limit; ++i) {
    if (await page.evaluate(() => document.activeElement?.id) === id) return;
    await page.keyboard.press('Shift+Tab');
  }
  assert.fail(`#${id} was not reached with ${limit} presses of Shift+Tab`);
}

// A prediction the run waits at (lessons' @predict), made with the keyboard in the text version:
// Step forward gave its focus to the first choice; Space picks it, Tab and Enter check it, the
// verdict is read out; Shift+Tab goes back to Step forward. Returns the verdict.
async function predictByKeyboard(page) {
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'a11y-predict-0', 'the focus is on the first choice');
  assert.equal(await page.evaluate(() => document.getElementById('a11y-step').disabled), true, 'Step forward waits');
  await page.keyboard.press('Space');
  await tabTo(page, 'a11y-predict-check');
  await page.keyboard.press('Enter');
  const { prediction } = await api(page, 'state');
  assert.equal(prediction.waiting, false);
  assert.equal(prediction.chosen, prediction.options[0]);
  const verdict = page.locator('#a11y-prediction-verdict');
  assert.equal(await verdict.getAttribute('role'), 'status');
  assert.ok((await verdict.textContent()).startsWith(prediction.verdict), await verdict.textContent());
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'a11y-prediction-verdict');
  await nextFrames(page, 2);
  await shiftTabTo(page, 'a11y-step');
  return prediction.verdict;
}

const tests = [
  ['axe-core finds no WCAG 2.1 A/AA violations in any chapter, text view open or not', async (browser, url) => {
    const { page, errors, close } = await openPage(browser, url);
    await page.addScriptTag({ path: axePath });
    const states = await api(page, 'state');
    for (let chapter = 0; chapter < states.chapters.length; ++chapter) {
      await api(page, 'goToChapter', chapter);
      await api(page, 'seek', 5);
      for (const open of [false, true]) {
        await page.evaluate((open) => (open ? document.getElementById('a11y-step').focus() : document.getElementById('canvas').focus()), open);
        const result = await page.evaluate(() => window.axe.run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
        const found = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
        assert.deepEqual(found, [], `chapter ${chapter + 1}, text view ${open ? 'open' : 'closed'}`);
      }
    }
    await page.screenshot({ path: join(shots, 'text-view.png') });
    assert.deepEqual(errors, []);
    await close();
  }],

  ['a keyboard-only walk (Tab, Enter, arrows) goes through every chapter and answers the final check', async (browser, url) => {
    const { page, errors, close } = await openPage(browser, url);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'canvas');
    await page.keyboard.press('ArrowRight');  // the canvas has the keys while it has focus
    assert.equal((await api(page, 'state')).step, 1);
    for (let chapter = 1; chapter < lessons.length; ++chapter) {
      await tabTo(page, 'a11y-next');
      await page.keyboard.press('Enter');
      assert.equal((await api(page, 'state')).chapter, chapter);
      if ((await api(page, 'state')).prediction?.waiting) {  // a prediction at the start: made first
        await tabTo(page, 'a11y-predict-0');
        await predictByKeyboard(page);
      }
      await tabTo(page, 'a11y-step');
      await page.keyboard.press('Enter');
      assert.equal((await api(page, 'state')).step, 1, `Step forward in chapter ${chapter + 1}`);
    }
    const check = lessons[lessons.length - 1];
    assert.ok(check.finalCheck);
    for (let q = 0; q < check.questions.length; ++q) {
      await tabTo(page, `a11y-q${q}-o0`);
      await page.keyboard.press('Space');  // selects the first option; arrows move within the group
      for (let o = 0; o < check.questions[q].correct; ++o) await page.keyboard.press('ArrowDown');
      assert.equal((await api(page, 'state')).score.answered, q, 'moving through the options answers nothing yet');
      await tabTo(page, `a11y-q${q}-check`);
      await page.keyboard.press('Enter');  // the first answer given counts
    }
    const score = (await api(page, 'state')).score;
    assert.deepEqual(score, { right: check.questions.length, answered: check.questions.length, total: check.questions.length });
    assert.match(await page.textContent('#a11y-score'), new RegExp(`${score.right} of ${score.total}`));
    await page.screenshot({ path: join(shots, 'keyboard-final-check.png') });
    // Shift+Tab leaves the text view and the page again: no keyboard trap.
    await page.focus('#a11y-prev');
    await page.keyboard.press('Shift+Tab');
    assert.notEqual(await page.evaluate(() => document.activeElement.closest('#text-view')?.id), 'text-view');
    assert.deepEqual(errors, []);
    await close();
  }],

  ['the live region reads each step of the 12-URL scenario, from the page and from the canvas', async (browser, url) => {
    const { page, errors, close } = await openPage(browser, url);
    const twelve = lessons.findIndex((lesson) => 'urls' in lesson.params);
    await api(page, 'goToChapter', twelve);
    const live = page.locator('#a11y-narration');
    assert.equal(await live.getAttribute('aria-live'), 'polite');
    await page.focus('#a11y-step');
    const { steps, prediction } = await api(page, 'state');
    // A prediction at the start: Step forward is off, and the learner tabs on to its choices.
    if (prediction?.waiting) await tabTo(page, 'a11y-predict-0');
    let blockedSeen = 0;
    let predicted = 0;
    for (let step = 1; step <= steps; ++step) {
      if ((await api(page, 'state')).prediction?.waiting) {
        // The Enter that reached it left Step forward disabled: the focus went on to the choices.
        await nextFrames(page, 2);
        await page.addScriptTag({ path: axePath });
        const result = await page.evaluate(() => window.axe.run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
        assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.help}`), [], 'the prediction form');
        await page.evaluate(() => document.getElementById('a11y-prediction').scrollIntoView());
        await page.screenshot({ path: join(shots, 'text-view-prediction.png') });
        await predictByKeyboard(page);
        ++predicted;
      }
      await page.keyboard.press('Enter');  // the DOM's Step forward button
      const state = await api(page, 'state');
      assert.equal(state.step, step);
      const said = await live.textContent();
      assert.equal(said, state.narration);
      assert.ok(said.length > 0);
      // Side by side, the sentence names the run the step moved: its tasks are that run's.
      const tasks = said.startsWith(`${state.compare.label}: `) ? state.compare.tasks : state.tasks;
      assert.ok(said.startsWith(`${state.compare.label}: `) || said.startsWith(`${state.compare.mainLabel}: `), said);
      const running = tasks.find((task) => task.state === 'running');
      if (said.includes('blocks the whole loop')) {
        ++blockedSeen;
        assert.ok(running && said.includes(running.name) && said.includes(`line ${running.line}`), said);
      }
    }
    const urls = lessons[twelve].params.urls.value;
    assert.equal(blockedSeen, 2 * urls, 'each request blocks once one by one and once concurrently');
    assert.equal(predicted, lessons[twelve].predictions.length, 'the chapter\'s predictions, made on the way');
    // The canvas moves the DOM too: Home on the canvas, and the text view says step 0.
    await page.focus('#canvas');
    await page.keyboard.press('Home');
    await nextFrames(page);
    assert.match(await page.textContent('#a11y-clock'), /step 0 of/);
    assert.deepEqual(errors, []);
    await close();
  }],

  ['the text version says the seed an unseeded random used; its New seed button (Tab, Enter) runs with another', async (browser, url) => {
    const { page, errors, close } = await openPage(browser, url);
    await page.addScriptTag({ path: axePath });
    const line = (seed) => `random was not seeded: this run used seed ${seed} (random.seed(${seed}) repeats it)`;
    // The text version follows a run made through the API at the canvas's next frame.
    const saying = (text) => page.waitForFunction((text) => document.getElementById('a11y-seed-text').textContent === text &&
      document.getElementById('a11y-seed').hidden === (text === ''), text, { timeout: 10000, polling: 'raf' });
    let state = await api(page, 'runCode', 'import random\nprint(random.random())\n');
    const first = state.randomSeed;
    assert.ok(Number.isInteger(first), `a seed: ${first}`);
    await saying(line(first));
    await tabTo(page, 'a11y-new-seed');
    await page.keyboard.press('Enter');
    state = await api(page, 'state');
    assert.ok(Number.isInteger(state.randomSeed) && state.randomSeed !== first, `another seed: ${state.randomSeed}`);
    assert.equal(await page.textContent('#a11y-seed-text'), line(state.randomSeed));
    assert.equal(await page.evaluate(() => document.activeElement.id), 'a11y-new-seed', 'the button keeps the focus');
    const result = await page.evaluate(() => window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
    assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.help}`), [], 'with the seed line shown');
    await page.evaluate(() => document.getElementById('a11y-seed').scrollIntoView());
    await page.screenshot({ path: join(shots, 'text-view-seed.png') });
    await api(page, 'runCode', 'import random\nrandom.seed(1)\nprint(random.random())\n');
    await saying('');  // a program that seeds random itself has no seed line
    assert.deepEqual(errors, []);
    await close();
  }],

  ['the text version lists the ready queue, timers, futures and timeline as state() has them; axe stays clean', async (browser, url) => {
    const { page, errors, close } = await openPage(browser, url, { viewport: { width: 1366, height: 768 } });
    await page.addScriptTag({ path: axePath });
    const twelve = lessons.findIndex((lesson) => 'urls' in lesson.params);
    await api(page, 'goToChapter', twelve);
    // Steps worth reading: the most tasks in the ready queue, the most timers set, some futures, the end.
    const { steps } = await api(page, 'state');
    const best = { ready: 0, timers: 0, futures: 0 };
    const most = { ready: -1, timers: -1, futures: -1 };
    for (let step = 1; step <= steps; ++step) {
      const { loop } = await api(page, 'seek', step);
      for (const list of Object.keys(best)) {
        if (loop[list].length > most[list]) { most[list] = loop[list].length; best[list] = step; }
      }
    }
    const urls = lessons[twelve].params.urls.value;
    assert.equal(most.ready, urls, 'gather puts every fetch in the ready queue at once');
    assert.equal(most.timers, urls, 'each concurrent fetch has its 55 s timer set');
    assert.ok(most.futures >= urls, `a future per sleeping fetch: ${most.futures}`);
    const showing = (step) => page.waitForFunction((step) => document.getElementById('a11y-clock').textContent.includes(`step ${step} of`),
      step, { timeout: 10000, polling: 'raf' });
    await showing(steps);
    await page.focus('#a11y-back');  // the text version is open for these checks and the screenshot (Step forward is off at the end)
    assert.ok(await page.evaluate(() => document.body.classList.contains('text-view-open')));
    for (const step of [...new Set([best.ready, best.timers, best.futures, steps])]) {
      await api(page, 'seek', step);
      await showing(step);
      const state = await api(page, 'state');
      const texts = (selector) => page.$$eval(selector, (nodes) => nodes.map((node) => node.textContent));
      for (const [list, title] of [['ready', 'Ready queue'], ['timers', 'Timers'], ['futures', 'Pending futures']]) {
        const id = `#a11y-${list}`;
        assert.equal(await page.textContent(`${id}-heading`), `${title} (${state.loop[list].length})`, `step ${step}`);
        if (state.loop[list].length > 0) assert.deepEqual(await texts(`${id} li`), state.loop[list].map((entry) => entry.text), `${list} at step ${step}`);
        else assert.equal(await page.locator(`${id} li`).count(), 0);
      }
      // The ready queue is an ordered list; timers fire in order, worded as the canvas words them.
      assert.equal(await page.evaluate(() => document.getElementById('a11y-ready').tagName), state.loop.ready.length ? 'OL' : 'P');
      const at = state.loop.timers.map((timer) => timer.at);
      assert.deepEqual(at, [...at].sort((a, b) => a - b), 'timers in firing order');
      for (const timer of state.loop.timers) {
        const from = timer.at - state.clock;
        const when = timer.late ? `${(-from).toFixed(1)} s late` : `in ${from.toFixed(1)} s`;
        assert.ok(timer.text.startsWith(`at ${timer.at.toFixed(1)} s (${when}): `), timer.text);
        assert.equal(timer.late, from < 0);
      }
      // The timeline: a table with a caption, a row a task created so far, its parts in order.
      assert.match(await page.textContent('#a11y-timeline-table caption'), new RegExp(`${state.clock.toFixed(1)} s$`));
      assert.deepEqual(await texts('#a11y-timeline-table tbody th[scope=row]'), state.timeline.map((task) => task.task));
      const cells = await page.$$eval('#a11y-timeline-table tbody tr', (rows) => rows.map((row) => [...row.querySelectorAll('li')].map((li) => li.textContent)));
      assert.deepEqual(cells, state.timeline.map((task) => task.parts.map((part) => part.text)), `timeline at step ${step}`);
      assert.deepEqual(state.timeline.map((task) => task.task), state.tasks.map((task) => task.name), 'the same tasks as the tasks table');
      const result = await page.evaluate(() => window.axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
      assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`), [], `step ${step}`);
    }
    // At the end every task is done: each fetch-i task sent one request (a 5 s block) and, beside
    // it, the one-by-one run's main task sent them all; each block is followed by the 55 s wait for the reply.
    const end = await api(page, 'state');
    const blocks = (task) => task.parts.filter((part) => part.kind === 'blocking');
    const fetches = end.timeline.filter((task) => task.task.startsWith('fetch-'));
    assert.equal(fetches.length, urls);
    assert.deepEqual(end.timeline.map((task) => blocks(task).length), [0, ...fetches.map(() => 1)]);
    assert.deepEqual(end.compare.timeline.map((task) => blocks(task).length), [urls]);
    // The text version's section for the run beside: its tasks and output as state() has them.
    assert.deepEqual(await page.$$eval('#a11y-compare-tasks tbody th[scope=row]', (nodes) => nodes.map((node) => node.textContent)),
      end.compare.tasks.map((task) => task.name));
    assert.equal(await page.textContent('#a11y-compare-output'), end.compare.output);
    await page.evaluate(() => document.getElementById('a11y-compare').scrollIntoView());
    await page.screenshot({ path: join(shots, 'text-view-compare.png') });
    for (const task of [...end.timeline, ...end.compare.timeline].filter((task) => blocks(task).length > 0)) {
      assert.equal(task.parts[0].kind, 'created', task.task);
      assert.equal(task.parts.at(-1).kind, 'done', task.task);
      assert.ok(blocks(task).every((part) => part.to - part.from === 5), `${task.task} blocks 5 s at a time`);
      assert.equal(task.parts.filter((part) => part.kind === 'waiting' && part.text.startsWith('waiting on asyncio.sleep(55): ')).length,
        blocks(task).length, task.task);
    }
    // Step forward, disabled at the end, hands the focus to Step back: the text version stays open.
    await api(page, 'seek', steps - 1);
    await showing(steps - 1);
    await page.focus('#a11y-step');
    await page.keyboard.press('Enter');
    await showing(steps);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'a11y-back');
    // Open, the text version is a column the canvas makes room for: nothing of the canvas is under it.
    await nextFrames(page, 5);
    const boxes = await page.evaluate(() => ({
      canvas: document.getElementById('canvas').getBoundingClientRect().toJSON(),
      view: document.getElementById('text-view').getBoundingClientRect().toJSON(),
      drawn: document.getElementById('canvas').width / window.devicePixelRatio,
    }));
    assert.ok(boxes.canvas.right <= boxes.view.left + 0.5, `canvas ${JSON.stringify(boxes.canvas)} beside ${JSON.stringify(boxes.view)}`);
    assert.ok(Math.abs(boxes.drawn - boxes.canvas.width) <= 1, `the canvas draws at its new width: ${boxes.drawn} vs ${boxes.canvas.width}`);
    await page.screenshot({ path: join(shots, 'text-view-open-1366.png') });
    await page.evaluate(() => document.getElementById('a11y-timeline-table').scrollIntoView());
    await page.screenshot({ path: join(shots, 'text-view-timeline-1366.png') });
    // Closed again (Back to the canvas), the canvas has the whole width back.
    await page.click('#a11y-close');
    await nextFrames(page, 5);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'canvas');
    assert.equal(await page.evaluate(() => document.getElementById('canvas').getBoundingClientRect().width), 1366);
    assert.deepEqual(errors, []);
    await close();
  }],

  ['the text version lists the program\'s queues, events and locks in the canvas\'s words, only while there are some', async (browser, url) => {
    const { page, errors, close } = await openPage(browser, url, { viewport: { width: 1366, height: 768 } });
    await page.addScriptTag({ path: axePath });
    const chapter = lessons.findIndex((lesson) => /asyncio\.(Event|Queue|Lock)\(/.test(lesson.program ?? ''));
    assert.ok(chapter >= 0, 'a chapter makes an Event, a Queue or a Lock');
    await api(page, 'goToChapter', chapter);
    await page.focus('#a11y-run');  // the focus in the text version opens it
    const { steps } = await api(page, 'state');
    let seen = 0;
    let waited = false;
    for (let step = 0; step <= steps; ++step) {
      const state = await api(page, 'seek', step);
      await page.waitForFunction((step) => document.getElementById('a11y-clock').textContent.includes(`step ${step} of`),
        step, { timeout: 10000, polling: 'raf' });
      const items = await page.$$eval('#a11y-sync li', (nodes) => nodes.map((node) => node.textContent));
      assert.deepEqual(items, state.syncObjects.map((object) => `${object.heading} — ${[object.state, ...object.waits].join('; ')}`), `step ${step}`);
      if (state.syncObjects.length === 0) {
        assert.equal(await page.locator('#a11y-sync-heading').count(), 0, `step ${step}: no heading without objects`);
        continue;
      }
      assert.equal(await page.textContent('#a11y-sync-heading'), `Queues, events and locks (${state.syncObjects.length})`);
      seen += 1;
      if (!waited && state.syncObjects.some((object) => object.waits.length > 0)) {
        waited = true;
        await page.evaluate(() => document.getElementById('a11y-sync-heading').scrollIntoView());
        await page.screenshot({ path: join(shots, 'text-view-sync.png') });
        const result = await page.evaluate(() => window.axe.run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
        assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.help}`), [], `step ${step}`);
      }
    }
    assert.ok(seen > 0 && waited, `steps with objects: ${seen}; one with a task waiting on one: ${waited}`);
    assert.deepEqual(errors, []);
    await close();
  }],

  ['on a phone the open text version is a page of its own, the whole width', async (browser, url) => {
    const { page, errors, close } = await openPage(browser, url, { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    await api(page, 'seek', 20);
    await page.focus('#a11y-step');
    await nextFrames(page, 5);
    const view = await page.evaluate(() => document.getElementById('text-view').getBoundingClientRect().toJSON());
    assert.deepEqual([view.left, view.width], [0, 390]);
    await page.screenshot({ path: join(shots, 'text-view-open-390.png') });
    await page.evaluate(() => document.getElementById('a11y-loop').scrollIntoView());
    await page.screenshot({ path: join(shots, 'text-view-loop-390.png') });
    assert.deepEqual(errors, []);
    await close();
  }],

  ['high contrast and large text: the canvas and the page follow, the screen reflows', async (browser, url) => {
    const { page, errors, close } = await openPage(browser, url, { colorScheme: 'dark' });
    await api(page, 'goToChapter', 3);
    await api(page, 'seek', 120);
    const state = await api(page, 'setDisplay', { highContrast: true, textScale: 1.5 });
    assert.deepEqual(state.display, { highContrast: true, textScale: 1.5, classroom: false });
    assert.ok(await page.evaluate(() => document.body.classList.contains('high-contrast')));
    await nextFrames(page, 5);
    await page.screenshot({ path: join(shots, 'high-contrast-large-text.png') });
    const clamped = await api(page, 'setDisplay', { highContrast: false, textScale: 9 });
    assert.equal(clamped.display.textScale, 2);
    assert.deepEqual(errors, []);
    await close();
  }],

  ['the system asking for more contrast turns the high-contrast theme on', async (browser, url) => {
    const { page, errors, close } = await openPage(browser, url, { forcedColors: 'none', contrast: 'more' });
    assert.equal((await api(page, 'state')).display.highContrast, true);
    assert.deepEqual(errors, []);
    await close();
  }],

  ['a tablet: a tap presses a button, a finger drag scrolls the lesson text', async (browser, url) => {
    const { page, errors, close } = await openPage(browser, url, { viewport: { width: 820, height: 1180 }, hasTouch: true, isMobile: true });
    await nextFrames(page);
    // "Next →" is the second button of the chapter bar: after 14 px of padding and "← Previous".
    await page.touchscreen.tap(165, 26);
    await nextFrames(page);
    assert.equal((await api(page, 'state')).chapter, 1, 'the tap on Next opened chapter 2');
    await api(page, 'setDisplay', { highContrast: false, textScale: 1.6 });  // longer than the screen
    await nextFrames(page, 5);
    const lessonText = { x: 20, y: 300, width: 760, height: 300 };  // inside the lesson panel
    const before = await page.screenshot({ clip: lessonText });
    const touch = await page.context().newCDPSession(page);
    const point = (y) => [{ x: 400, y }];
    await touch.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(900) });
    for (let y = 880; y >= 500; y -= 20) await touch.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: point(y) });
    await touch.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await nextFrames(page, 5);
    await page.screenshot({ path: join(shots, 'tablet-scrolled.png') });
    const after = await page.screenshot({ clip: lessonText });
    assert.notDeepEqual(after, before, 'the lesson text moved');
    await nextFrames(page, 5);
    assert.deepEqual(await page.screenshot({ clip: lessonText }), after, 'and stays put once the finger is up');
    assert.equal((await api(page, 'state')).chapter, 1, 'the drag did not press anything');
    assert.deepEqual(errors, []);
    await close();
  }],
];

const server = await serve(join(root, 'dist'));
const browser = await launch();
let failed = 0;
try {
  for (const [name, run] of tests) {
    if (only && !name.includes(only)) continue;
    try {
      await run(browser, server.url);
      console.log(`  ok    ${name}`);
    } catch (error) {
      ++failed;
      console.log(`  FAIL  ${name}\n        ${String(error.stack || error).split('\n').join('\n        ')}`);
    }
  }
} finally {
  await browser.close();
  await server.stop();
}
const ran = tests.filter(([name]) => !only || name.includes(only)).length;
console.log(`accessibility: ${ran - failed} passed, ${failed} failed; screenshots in ${shots}`);
process.exit(failed ? 1 : 0);

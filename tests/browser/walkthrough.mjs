// The walkthrough: the lesson as a learner meets it, at a laptop's, a desktop's and a phone's size.
// Real clicks, taps and keys where a person would make them (loopstep.screen().items says where
// the controls are, as the learner's eyes would); the API only reads what the page shows.
// Screenshots: build/browser-tests/walk-SIZE-chNN.png. Registered by run.mjs.
import assert from 'node:assert/strict';
import { api, centreOf, nextFrames, waitReady } from './support.mjs';

export const walkthroughSizes = [
  ['laptop', { width: 1366, height: 768 }],
  ['desktop', { width: 1920, height: 1080 }],
  ['phone', { width: 390, height: 844 }],
];

// A word said twice in a row ("waiting waiting"), or null. What the program printed, quoted in
// the sentence ("printed 'True True'"), is the program's words, not the narration's.
export function repeatedWord(sentence) {
  const match = sentence.replace(/'[^']*'/g, "'…'").match(/\b(\w+)\s+\1\b/i);
  return match ? match[0] : null;
}

// The lines (from 1) of `code` longer than `columns` characters: those a panel that wide cuts.
export function linesLongerThan(code, columns) {
  return code.split('\n').flatMap((line, index) => ([...line].length > columns ? [index + 1] : []));
}

class Learner {
  constructor(page, touch) {
    this.page = page;
    this.touch = touch;
  }

  state() { return api(this.page, 'state'); }
  screen() { return api(this.page, 'screen'); }

  async waitFor(predicate, arg, what) {
    try {
      await this.page.waitForFunction(predicate, arg, { timeout: 60000, polling: 'raf' });
    } catch (error) {
      throw new Error(`waited for ${what}: ${error.message}`);
    }
  }

  // The centre of a control on the page, from where the canvas drew it in its last frame.
  where(name) { return centreOf(this.page, name); }

  // One click (or one tap on a touch screen) on a control, held down for two frames as a finger or
  // a button is (Playwright's own tap and click are quicker than any hand).
  async press(name) {
    const [x, y] = await this.where(name);
    if (this.touch) {
      this.cdp ??= await this.page.context().newCDPSession(this.page);
      await this.cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
      await nextFrames(this.page, 2);
      await this.cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    } else {
      await this.page.mouse.move(x, y);
      await this.page.mouse.down();
      await nextFrames(this.page, 2);
      await this.page.mouse.up();
    }
  }

  async openTab(tab) {
    if (!this.touch) return;
    await this.press(`tab:${tab}`);
    await this.waitFor((tab) => window.loopstep.screen().tab === tab, tab, `the ${tab} tab after one tap`);
  }
}

async function openAt(t, size, touch) {
  const context = await t.browser.newContext({ viewport: size, deviceScaleFactor: 1, hasTouch: touch });
  t.contexts.push(context);
  const page = await context.newPage();
  t.watch(page);
  await page.goto(t.url);
  await waitReady(page);
  return new Learner(page, touch);
}

// Every step, each sentence read: none repeats a word twice in a row or says what the step before
// said. The first steps by the Right arrow key as a learner presses it (a frame each); the rest,
// hundreds in the 12-URL chapters, by loopstep.step(), which is what the key does, to keep the
// suite's time.
const stepsByKey = 25;

// A prediction the run waits at (lessons' @predict), made as a learner makes it: a click or tap on
// its first choice where the canvas drew it, beside the code.
async function predict(learner, chapter) {
  await learner.openTab('Code');
  await learner.press('predict:1');
  await learner.waitFor(() => window.loopstep.state().prediction?.waiting === false, undefined, `chapter ${chapter + 1}'s prediction made`);
  const { prediction } = await learner.state();
  assert.match(prediction.verdict, /^(Right|Not quite): /);
  assert.equal(prediction.chosen, prediction.options[0]);
}

async function stepThrough(learner, chapter) {
  let state = await learner.state();
  const { steps } = state;
  let previous = state.narration;
  for (let step = 1; step <= steps; ++step) {
    if (state.prediction?.waiting) await predict(learner, chapter);
    if (step <= stepsByKey) {
      await learner.page.keyboard.press('ArrowRight');
      await learner.waitFor((step) => window.loopstep.state().step === step, step, `step ${step} of chapter ${chapter + 1}`);
      state = await learner.state();
    } else {
      state = await api(learner.page, 'step');
      assert.equal(state.step, step);
    }
    const { narration } = state;
    assert.equal(repeatedWord(narration), null, `chapter ${chapter + 1}, step ${step}: "${narration}"`);
    assert.notEqual(narration, previous, `chapter ${chapter + 1}, step ${step} says what step ${step - 1} said: "${narration}"`);
    previous = narration;
  }
}

// The lesson text opens at its title; scrolled down, it must open the next chapter at its title too.
async function readLesson(learner, chapter) {
  await learner.openTab('Lesson');
  await nextFrames(learner.page, 3);
  assert.equal((await learner.screen()).lessonScroll, 0, `chapter ${chapter + 1} opens at its title`);
  const [x, y] = await learner.where('lesson');
  await learner.page.mouse.move(x, y);
  await learner.page.mouse.wheel(0, 2000);
  await nextFrames(learner.page, 4);
}

// No line of the code is cut at the panel's edge without the "…" sign.
async function checkCodeFits(learner, chapter) {
  await learner.openTab('Code');
  await nextFrames(learner.page, 3);
  const [{ code }, screen] = [await learner.state(), await learner.screen()];
  assert.ok(screen.codeColumns > 10, `the code panel shows ${screen.codeColumns} columns`);
  assert.deepEqual(screen.codeLinesMarked, linesLongerThan(code, screen.codeColumns),
                   `chapter ${chapter + 1}: the lines longer than ${screen.codeColumns} columns end in a sign`);
  assert.ok(screen.outputColumns === 0 || screen.outputColumns > 10, 'the output wraps at its width');
  // Beside the code on a wide screen, the output shows enough of itself to follow a run.
  if (!learner.touch) assert.ok(screen.outputRows >= 5, `chapter ${chapter + 1}: the output shows ${screen.outputRows} rows`);
  // Stepping shows the code and the tasks together: the timeline's lanes are under the code, in
  // sight, on a phone too.
  const timeline = screen.items.timeline;
  const canvas = await learner.page.locator('#canvas').boundingBox();
  assert.ok(timeline && timeline[3] >= 90 && timeline[1] + timeline[3] <= canvas.height + 1,
            `chapter ${chapter + 1}: the timeline at ${JSON.stringify(timeline)} in a canvas ${canvas.height} high`);
}

async function tooltipsStepAside(learner) {
  const [x, y] = await learner.where('Step');
  await learner.page.mouse.move(x, y);
  await learner.waitFor(() => window.loopstep.screen().tooltip === 'Step forward (Right arrow)', null, 'the Step tooltip');
  await learner.page.mouse.click(x, y);
  await nextFrames(learner.page, 4);
  assert.equal((await learner.screen()).tooltip, null, 'no tooltip over Play and End after a click on Step');
  await learner.page.mouse.move(x, y - 200);
  await nextFrames(learner.page, 2);
  await learner.page.mouse.move(x, y);
  await learner.waitFor(() => window.loopstep.screen().tooltip === 'Step forward (Right arrow)', null, 'the tooltip after the pointer came back');
}

async function largerTextStaysPut(learner) {
  const [x, y] = await learner.where('A+');
  for (const expected of [1.1, 1.2]) {
    await learner.page.mouse.click(x, y);
    await learner.waitFor((scale) => Math.abs(window.loopstep.state().display.textScale - scale) < 0.01, expected,
                          `text scale ${expected} after A+ clicked twice in one place`);
  }
  await api(learner.page, 'setDisplay', { highContrast: false, textScale: 1 });
}

// Fast typing (5 ms a key) loses nothing, Enter included; Shift+Home selects the whole line typed.
async function typeFast(learner) {
  await learner.openTab('Code');
  const before = (await learner.state()).code;
  await learner.press('editor');
  await learner.page.keyboard.press('Control+End');
  await learner.page.keyboard.type("\n\nprint('typed fast')", { delay: 5 });
  const typed = before + "\n\nprint('typed fast')";
  await learner.waitFor((code) => window.loopstep.state().code === code, typed, 'every key typed');
  await learner.page.keyboard.press('Shift+Home');
  await learner.page.keyboard.type('x', { delay: 5 });
  await learner.waitFor((code) => window.loopstep.state().code === code, before + '\n\nx', 'the selected line replaced');
  await learner.press('Reset code');
  await learner.waitFor((code) => window.loopstep.state().code === code, before, 'the chapter\'s code back');
  await learner.press('Undo reset');
  await learner.waitFor((code) => window.loopstep.state().code === code, before + '\n\nx', 'the code from before Reset');
  await learner.press('Reset code');
  await learner.waitFor((code) => window.loopstep.state().code === code, before, 'the chapter\'s code again');
}

// Scrolls the lesson text with the wheel until a control in it is wholly in sight.
async function scrollLessonTo(learner, name) {
  for (let turn = 0; turn < 60; ++turn) {
    await nextFrames(learner.page, 2);
    const { items } = await learner.screen();
    const [item, lesson] = [items[name], items.lesson];
    assert.ok(item && lesson, `the lesson shows '${name}'`);
    const above = item[1] < lesson[1];
    const below = item[1] + item[3] > lesson[1] + lesson[3];
    if (!above && !below) return;
    const [x, y] = await learner.where('lesson');
    await learner.page.mouse.move(x, y);
    await learner.page.mouse.wheel(0, above ? -120 : 120);
  }
  assert.fail(`'${name}' never came into sight`);
}

// The final check by clicks: a wrong first answer, then the right one (refused: the first counts),
// then every other question right. The score counts first answers only.
async function answerFinalCheck(learner, questions) {
  await learner.openTab('Lesson');
  const click = async (question, option) => {
    const name = `answer:${question + 1}:${option + 1}`;
    await scrollLessonTo(learner, name);
    await learner.press(name);
    await nextFrames(learner.page, 2);
  };
  const wrong = (questions[0].correct + 1) % questions[0].options.length;
  await click(0, wrong);
  await click(0, questions[0].correct);
  for (let index = 1; index < questions.length; ++index) await click(index, questions[index].correct);
  const { answers, score } = await learner.state();
  assert.equal(answers[0].chosen, wrong, 'the first answer stays');
  assert.deepEqual(score, { right: questions.length - 1, answered: questions.length, total: questions.length });
}

export function walkthroughTests(test, { lessons, shoot }) {
  for (const [label, size] of walkthroughSizes) {
    test(`walkthrough at ${size.width}x${size.height} (${label}): every chapter as a learner meets it`, async (t) => {
      const touch = label === 'phone';
      const learner = await openAt(t, size, touch);
      await learner.page.focus('#canvas');
      if (label === 'laptop') {
        await tooltipsStepAside(learner);
        await largerTextStaysPut(learner);
        await typeFast(learner);
      }
      for (let chapter = 0; chapter < lessons.length; ++chapter) {
        await learner.waitFor((chapter) => window.loopstep.state().chapter === chapter, chapter, `chapter ${chapter + 1}`);
        await readLesson(learner, chapter);
        if (lessons[chapter].program) {
          await checkCodeFits(learner, chapter);
          await learner.page.focus('#canvas');
          if (label === 'laptop') await stepThrough(learner, chapter);
          const { steps } = await api(learner.page, 'seek', 0);
          await api(learner.page, 'seek', Math.floor(steps / 2));
        }
        if (lessons[chapter].finalCheck) await answerFinalCheck(learner, lessons[chapter].questions);
        await shoot(learner.page, `walk-${label}-ch${String(chapter + 1).padStart(2, '0')}.png`);
        if (chapter + 1 < lessons.length) await learner.press('Next');
      }
    });
  }
}

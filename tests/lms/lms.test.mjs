// Everywhere a course lives, tested in Debian's Chromium (playwright-core): the SCORM 1.2 and 2004
// packages inside an LMS stand-in (lms.html, with scorm-again as the LMS's runtime), the cmi5
// package launched by a cmi5 LMS and LRS stand-in (cmi5-lms.mjs) that checks every statement, resize
// messages, the host page's keyboard, the single-file build from file://, the service worker
// with the network cut, and a lost WebGL context. Builds the packages from dist/ first
// (tools/package.py). Run: node --test tests/lms/lms.test.mjs (after the web-app build).
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { readLessons } from '../browser/support.mjs';
import { createCmi5Lms, readCourseStructure } from './cmi5-lms.mjs';
import { startServer } from './server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const dist = process.env.LOOPSTEP_DIST ?? join(root, 'dist');
const shots = process.env.LOOPSTEP_SHOTS ?? join(root, 'build', 'lms-tests');
const work = mkdtempSync(join(tmpdir(), 'loopstep-lms-'));
const packages = join(work, 'package');
const scorm = join(work, 'scorm');
const scorm2004 = join(work, 'scorm2004');
const cmi5Course = join(work, 'cmi5');

let browser;
let server;
let base;  // http://127.0.0.1:PORT
let cmi5;  // the cmi5 LMS and LRS stand-in

// Polls a condition (no fixed sleeps): resolves with its first truthy value.
async function waitFor(condition, what, timeoutMs = 20000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value) return value;
    if (Date.now() > end) throw new Error('timed out waiting for ' + what);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

// Stamps a copy of dist/ as tools/stamp_build.py does in the build (index.html, sw.js, ?v=BUILD).
function restamp(site) {
  const files = readdirSync(dist).filter((name) => !/\.(gz|br)$/.test(name) && name !== 'index.html' && name !== 'sw.js');
  execFileSync('python3', [join(root, 'tools', 'stamp_build.py'), '--dist', site, '--page', join(root, 'index.html'),
                           '--worker', join(root, 'shell', 'sw.js'), ...files]);
}

// Writes into `site` a build of the page named `name` (dist/ with a marker in the module's JS and
// a custom section in its wasm), stamps it, and returns its hash.
function makeBuild(site, name) {
  cpSync(dist, site, { recursive: true });
  writeFileSync(join(site, 'loopstep_app.js'), readFileSync(join(dist, 'loopstep_app.js'), 'utf8') + `\nwindow.__jsBuild = '${name}';\n`);
  const payload = Buffer.from(name);
  const sectionName = Buffer.from('loopstep-test-build');
  const body = Buffer.concat([Buffer.from([sectionName.length]), sectionName, payload]);
  writeFileSync(join(site, 'loopstep_app.wasm'), Buffer.concat([readFileSync(join(dist, 'loopstep_app.wasm')), Buffer.from([0, body.length]), body]));
  restamp(site);
  return readFileSync(join(site, 'sw.js'), 'utf8').match(/const BUILD = '([0-9a-f]+)'/)[1];
}

// Console errors and warnings of a page and its frames, uncaught exceptions and failed
// requests. Chromium's own notes on the software GL driver ("GPU stall due to ReadPixels")
// are not the page's.
function watch(page, expected404 = null) {
  const problems = [];
  page.on('console', (message) => {
    if (message.type() !== 'error' && message.type() !== 'warning') return;
    if (/GL Driver Message|Failed to load resource/.test(message.text())) return;  // the latter: see 'response'
    problems.push(`console.${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push('page error: ' + error.message));
  page.on('response', (response) => {
    if (response.status() === 404 && expected404 && expected404.test(response.url())) return;
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return problems;
}

const ready = (target) => target.waitForFunction(() => document.body && document.body.dataset.loopstep === 'ready',
                                                 null, { timeout: 60000 });

// The lesson's frame inside an LMS or host page, once the lesson is ready in it.
async function lessonFrame(page, selector = 'iframe') {
  const element = await page.waitForSelector(selector, { timeout: 20000 });
  const frame = await waitFor(async () => element.contentFrame(), 'the iframe\'s document');
  await ready(frame);
  return frame;
}

// Answers every question of the final check: the right option, or (wrong=true) a wrong one
// for the first `wrongCount` questions.
// The final check keeps first answers, so the right options come from the lesson files.
async function answerFinalCheck(frame, wrongCount = 0) {
  const check = readLessons().find((lesson) => lesson.questions.length && lesson.finalCheck);
  const options = check.questions.map((question, q) =>
    q >= wrongCount ? question.correct : (question.correct + 1) % question.options.length);
  return frame.evaluate((options) => {
    const final = loopstep.state().chapters.findIndex((chapter) => chapter.finalCheck);
    loopstep.goToChapter(final);
    options.forEach((option, q) => loopstep.answer(q, option));
    return { final, score: loopstep.state().score };
  }, options);
}

before(async () => {
  assert.ok(existsSync(join(dist, 'loopstep_app.wasm')), `${dist} has no loopstep_app.wasm: build the web-app preset first`);
  execFileSync('python3', [join(root, 'tools', 'package.py'), '--dist', dist, '--out', packages], { stdio: 'ignore' });
  execFileSync('python3', ['-m', 'zipfile', '-e', join(packages, 'loopstep-scorm12.zip'), scorm]);
  execFileSync('python3', ['-m', 'zipfile', '-e', join(packages, 'loopstep-scorm2004.zip'), scorm2004]);
  execFileSync('python3', ['-m', 'zipfile', '-e', join(packages, 'loopstep-cmi5.zip'), cmi5Course]);
  cmi5 = createCmi5Lms({ course: readCourseStructure(join(cmi5Course, 'cmi5.xml')) });
  const embed = readFileSync(join(packages, 'embed.html'), 'utf8').replace('https://example.org/loopstep/', '/dist/index.html');
  server = await startServer({
    mounts: { '/dist/': dist, '/scorm/': scorm, '/scorm2004/': scorm2004, '/cmi5-course/': cmi5Course, '/lms/': here,
              '/node_modules/scorm-again/dist/': join(root, 'node_modules', 'scorm-again', 'dist') },
    routes: {
      ...cmi5.routes,
      '/course-home.html': (request, response) => {  // where the cmi5 LMS's returnURL leads
        response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        response.end('<!doctype html><html lang="en"><title>Course</title><h1>The course</h1></html>');
      },
      '/embed.html': (request, response) => {
        response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        response.end('<!doctype html><html><body style="margin:0">' + embed + '</body></html>');
      },
    },
  });
  base = `http://127.0.0.1:${server.port}`;
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
           '--disable-quic', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  if (browser) await browser.close();
  if (server) await server.close();
  rmSync(work, { recursive: true, force: true });
});

// A SCORM package's entries in zip order, its manifest (from the unpacked copy) and the files the
// manifest lists, sorted.
function packageFiles(zipName, unpacked) {
  const listing = execFileSync('python3', ['-c',
    'import sys, zipfile; print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))',
    join(packages, zipName)], { encoding: 'utf8' }).trim().split('\n');
  const manifest = readFileSync(join(unpacked, 'imsmanifest.xml'), 'utf8');
  const listed = [...manifest.matchAll(/<file href="([^"]+)"\/>/g)].map((match) => match[1]).sort();
  return { listing, manifest, listed };
}

describe('the SCORM 1.2 package', () => {
  test('has imsmanifest.xml at its root listing every file, mastery score 70, no service worker', () => {
    const { listing, manifest, listed } = packageFiles('loopstep-scorm12.zip', scorm);
    assert.equal(listing[0], 'imsmanifest.xml');
    // The schemas belong to the package, not to the SCO's resource.
    assert.deepEqual(listed, listing.filter((name) => name !== 'imsmanifest.xml' && !name.endsWith('.xsd')).sort());
    for (const needed of ['index.html', 'loopstep_app.wasm', 'loopstep_app.js', 'lms.js']) assert.ok(listed.includes(needed), needed);
    assert.ok(!listed.includes('sw.js'), 'the service worker stays out of the LMS package');
    assert.match(manifest, /<schemaversion>1\.2<\/schemaversion>/);
    assert.match(manifest, /<adlcp:masteryscore>70<\/adlcp:masteryscore>/);
    assert.match(manifest, /adlcp:scormtype="sco" href="index.html"/);
    assert.match(readFileSync(join(scorm, 'index.html'), 'utf8'), /<meta name="loopstep-build" content="scorm">/);
  });
});

describe('inside a SCORM 2004 LMS (scorm-again\'s SCORM 2004 runtime)', () => {
  const launch = async (learner) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    const page = await context.newPage();
    const problems = watch(page);
    await page.goto(`${base}/lms/lms.html?standard=2004&learner=${learner}`);
    return { context, page, problems, frame: await lessonFrame(page) };
  };

  test('incomplete and unknown at first; completed and passed with scaled score 1 once the final check is right', async () => {
    const { context, page, problems, frame } = await launch('ada2004');
    assert.deepEqual(await page.evaluate(() => window.lmsEvents.slice(0, 1)), ['Initialize']);
    await waitFor(() => page.evaluate(() => window.API_1484_11.cmi.completion_status === 'incomplete'), 'completion_status incomplete');
    assert.equal(await page.evaluate(() => window.API_1484_11.cmi.success_status), 'unknown');
    assert.equal(await page.evaluate(() => window.API === undefined), true, 'only the SCORM 2004 API is offered');
    const { score } = await answerFinalCheck(frame);
    assert.equal(score.right, score.total);
    await waitFor(() => server.lms.commits.get('ada2004')?.['cmi.success_status'] === 'passed', 'a commit of passed');
    const cmi = server.lms.commits.get('ada2004');
    assert.equal(cmi['cmi.completion_status'], 'completed');
    assert.equal(Number(cmi['cmi.score.scaled']), 1);
    assert.equal(Number(cmi['cmi.score.raw']), 100);
    assert.equal(Number(cmi['cmi.score.min']), 0);
    assert.equal(Number(cmi['cmi.score.max']), 100);
    const record = JSON.parse(cmi['cmi.suspend_data']);
    assert.ok(Object.values(record.x).some((entry) => entry.a && !entry.a.includes('-')), 'the answers are in suspend_data');
    assert.equal(await frame.evaluate(() => localStorage.getItem('loopstep.progress')), null);
    await page.screenshot({ path: join(shots, 'lms-2004-passed.png') });
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('below the scaled passing score (0.7 from the manifest) it is completed and failed, with that score', async () => {
    const { context, frame } = await launch('bob2004');
    const { score } = await answerFinalCheck(frame, 3);
    const percent = Math.round((100 * score.right) / score.total);
    assert.ok(percent < 70, `${percent}% should fail`);
    await waitFor(() => server.lms.commits.get('bob2004')?.['cmi.success_status'] === 'failed', 'a commit of failed');
    const cmi = server.lms.commits.get('bob2004');
    assert.equal(cmi['cmi.completion_status'], 'completed');
    assert.equal(Number(cmi['cmi.score.scaled']), percent / 100);
    await context.close();
  });

  test('progress comes back from suspend_data at the next launch; Terminate with an ISO 8601 session_time on pagehide', async () => {
    const first = await launch('grace2004');
    const before = await first.frame.evaluate(() => {
      const code = loopstep.goToChapter(1).code + '\n# grace was here in SCORM 2004\n';
      loopstep.runCode(code);
      loopstep.goToChapter(2);
      return { code, step: loopstep.seek(4).step };
    });
    await waitFor(() => first.page.evaluate(() => window.API_1484_11.cmi.suspend_data.includes('SCORM 2004')), 'the edit in suspend_data');
    await first.page.goto('about:blank');
    await waitFor(() => server.lms.finished.has('grace2004'), 'the terminate commit (Terminate)');
    const cmi = server.lms.commits.get('grace2004');
    assert.match(cmi['cmi.session_time'], /^PT(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?$/);
    assert.equal(cmi['cmi.exit'], 'suspend');
    assert.equal(cmi['cmi.location'], '2');
    assert.equal(cmi['cmi.completion_status'], 'incomplete');
    await first.context.close();

    const second = await launch('grace2004');
    const state = await second.frame.evaluate(() => loopstep.state());
    assert.equal(state.chapter, 2);
    assert.equal(state.step, before.step);
    assert.equal(state.saved[1].code, before.code);
    assert.equal(await second.page.evaluate(() => window.API_1484_11.cmi.entry), 'resume');
    await second.context.close();
  });
});

describe('the cmi5 package, launched by a cmi5 LMS and LRS stand-in (@xapi/cmi5 as the page\'s runtime)', () => {
  // The LMS launches the AU in the page's own window (launchMethod AnyWindow).
  const launch = async (learner, options = {}) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    const page = await context.newPage();
    // An LRS answers 404 for a state document not written yet (xAPI's State Resource): the first
    // launch's read of the progress document.
    const problems = watch(page, /\/cmi5\/xapi\/activities\/state\?.*stateId=https%3A%2F%2Fw3id.org%2Floopstep%2Fstate%2Fprogress/);
    const sessions = cmi5.verbsOf(learner).filter((verb) => verb === 'initialized').length;
    const { url } = cmi5.launch({ learner, auBase: `${base}/cmi5-course/`, ...options });
    await page.goto(url);
    await ready(page);
    assert.equal(await page.evaluate(() => window.loopstepLms.ready.then((store) => store.kind)), 'lms');
    assert.equal(cmi5.verbsOf(learner).filter((verb) => verb === 'initialized').length, sessions + 1);
    return { context, page, problems };
  };
  const leave = async ({ page, context }, learner) => {
    const ended = cmi5.verbsOf(learner).filter((verb) => verb === 'terminated').length + 1;
    await page.goto('about:blank');  // pagehide
    await waitFor(() => cmi5.verbsOf(learner).filter((verb) => verb === 'terminated').length === ended, 'terminated');
    await context.close();
  };

  test('has cmi5.xml at its root (one AU: index.html, CompletedAndPassed at 0.7) and cmi5.js with its licences', () => {
    const listing = execFileSync('python3', ['-c', 'import sys, zipfile; print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))',
                                             join(packages, 'loopstep-cmi5.zip')], { encoding: 'utf8' }).trim().split('\n');
    assert.equal(listing[0], 'cmi5.xml');
    for (const needed of ['index.html', 'loopstep_app.wasm', 'lms.js', 'cmi5.js', 'cmi5.js.LICENSES.txt']) assert.ok(listing.includes(needed), needed);
    assert.ok(!listing.includes('sw.js'), 'no service worker in an LMS package');
    const course = readCourseStructure(join(cmi5Course, 'cmi5.xml'));
    assert.deepEqual({ url: course.url, moveOn: course.moveOn, masteryScore: course.masteryScore },
                     { url: 'index.html', moveOn: 'CompletedAndPassed', masteryScore: 0.7 });
    assert.match(readFileSync(join(cmi5Course, 'index.html'), 'utf8'), /<meta name="loopstep-build" content="cmi5">/);
    assert.match(readFileSync(join(cmi5Course, 'cmi5.js.LICENSES.txt'), 'utf8'), /== @xapi\/cmi5 [\d.]+ ==[\s\S]*MIT License/);
  });

  test('the stand-in refuses what the rules forbid: a statement before initialized, passed twice, failed after passed, a wrong score', () => {
    const { session } = cmi5.launch({ learner: 'rulebreaker', auBase: 'http://127.0.0.1/course/' });
    cmi5.markFetchedForTest(session);
    const statement = (verb, result, extra = {}) => ({
      actor: { objectType: 'Agent', name: 'rulebreaker', account: { homePage: 'https://lms.example', name: 'rulebreaker' } },
      verb: { id: `http://adlnet.gov/expapi/verbs/${verb}` }, object: { objectType: 'Activity', id: 'https://w3id.org/loopstep/asyncio/lesson' },
      timestamp: new Date(Date.now() + statementClock++).toISOString(), result,
      context: { registration: extra.registration, extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': session,
                                                                'https://w3id.org/xapi/cmi5/context/extensions/masteryscore': 0.7 },
                 contextActivities: { grouping: [{ id: 'https://w3id.org/loopstep/asyncio/lesson' }],
                                      category: [{ id: 'https://w3id.org/xapi/cmi5/context/categories/cmi5' },
                                                 ...(result && 'success' in result ? [{ id: 'https://w3id.org/xapi/cmi5/context/categories/moveon' }] : [])] } },
    });
    let statementClock = 0;
    const sent = [statement('passed', { success: true, duration: 'PT1S', score: { scaled: 0.9 } }),
                  statement('passed', { success: true, duration: 'PT1S', score: { scaled: 0.5 } }),
                  statement('failed', { success: false, duration: 'PT1S', score: { scaled: 0.2 } })];
    for (const one of sent) cmi5.receiveForTest(session, one);
    const found = cmi5.violations('rulebreaker').join('\n');
    assert.match(found, /registration is not the launch's/);  // the statements above carry none
    assert.match(found, /the first statement is passed, not initialized/);
    assert.match(found, /passed sent twice/);
    assert.match(found, /both passed and failed/);
    assert.match(found, /failed after passed/);
    assert.match(found, /its score disagrees with masteryScore/);
  });

  const progressState = 'https://w3id.org/loopstep/state/progress';
  const masteryExtension = 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore';
  const duration = /^PT(\d+H)?(\d+M)?(\d+(\.\d+)?S)?$/;

  test('Normal launch: initialized first; completed and passed with scaled score 1 once the final check is right; terminated last on pagehide', async () => {
    const learner = 'ada-cmi5';
    const session = await launch(learner);
    assert.deepEqual(cmi5.verbsOf(learner), ['initialized']);
    const { score } = await answerFinalCheck(session.page);
    assert.equal(score.right, score.total);
    await waitFor(() => cmi5.verbsOf(learner).includes('passed'), 'passed');
    assert.deepEqual(cmi5.verbsOf(learner), ['initialized', 'completed', 'passed']);
    const passed = cmi5.statementsOf(learner).at(-1);
    assert.deepEqual(passed.result.score, { scaled: 1, raw: 100, min: 0, max: 100 });
    assert.equal(passed.result.success, true);
    assert.equal(passed.context.extensions[masteryExtension], 0.7);
    await waitFor(() => cmi5.stateOf(learner, progressState)?.passed === true, 'the progress document');
    const record = JSON.parse(cmi5.stateOf(learner, progressState).suspend);
    assert.ok(Object.values(record.x).some((entry) => entry.a && !entry.a.includes('-')), 'the answers are in the progress document');
    assert.equal(await session.page.evaluate(() => localStorage.getItem('loopstep.progress')), null);
    assert.equal(await session.page.locator('#lms-return').count(), 0, 'no return button without a returnURL');
    await session.page.screenshot({ path: join(shots, 'cmi5-passed.png') });
    assert.deepEqual(session.problems, []);
    await leave(session, learner);
    assert.deepEqual(cmi5.verbsOf(learner), ['initialized', 'completed', 'passed', 'terminated']);
    assert.match(cmi5.statementsOf(learner).at(-1).result.duration, duration);
    assert.equal(cmi5.satisfied(learner), true, 'moveOn CompletedAndPassed is met');
    assert.deepEqual(cmi5.violations(learner), []);
  });

  test('progress comes back from the State API at the next launch; completed and passed are not sent again', async () => {
    const learner = 'grace-cmi5';
    const first = await launch(learner);
    await answerFinalCheck(first.page);
    const before = await first.page.evaluate(() => {
      const code = loopstep.goToChapter(1).code + '\n# grace was here in cmi5\n';
      loopstep.runCode(code);
      loopstep.goToChapter(2);
      return { code, step: loopstep.seek(4).step };
    });
    await leave(first, learner);
    assert.match(cmi5.stateOf(learner, progressState).suspend, /grace was here in cmi5/);

    const second = await launch(learner);
    const state = await second.page.evaluate(() => loopstep.state());
    assert.equal(state.chapter, 2);
    assert.equal(state.step, before.step);
    assert.equal(state.saved[1].code, before.code);
    assert.equal(state.score.right, state.score.total);
    await leave(second, learner);
    assert.deepEqual(cmi5.verbsOf(learner), ['initialized', 'completed', 'passed', 'terminated', 'initialized', 'terminated']);
    assert.deepEqual(second.problems, []);
    assert.deepEqual(cmi5.violations(learner), []);
  });

  test('below the mastery score: completed and failed with that score, reported once across launches', async () => {
    const learner = 'bob-cmi5';
    const first = await launch(learner);
    const { score } = await answerFinalCheck(first.page, 3);
    const percent = Math.round((100 * score.right) / score.total);
    assert.ok(percent < 70, `${percent}% should fail`);
    await waitFor(() => cmi5.verbsOf(learner).includes('failed'), 'failed');
    const failed = cmi5.statementsOf(learner).at(-1);
    assert.equal(failed.result.success, false);
    assert.equal(failed.result.score.scaled, percent / 100);
    await leave(first, learner);
    await leave(await launch(learner), learner);
    assert.deepEqual(cmi5.verbsOf(learner), ['initialized', 'completed', 'failed', 'terminated', 'initialized', 'terminated']);
    assert.equal(cmi5.satisfied(learner), false);
    assert.deepEqual(cmi5.violations(learner), []);
  });

  test('a Browse launch records no completion or success, whatever the answers', async () => {
    const learner = 'browsing-cmi5';
    const session = await launch(learner, { mode: 'Browse' });
    const { score } = await answerFinalCheck(session.page);
    assert.equal(score.right, score.total);
    await waitFor(() => cmi5.stateOf(learner, progressState), 'the progress document');
    await leave(session, learner);
    assert.deepEqual(cmi5.verbsOf(learner), ['initialized', 'terminated']);
    assert.deepEqual(cmi5.violations(learner), []);
  });

  test('the LMS\'s returnURL: a button saves, terminates the session and goes back to the course', async () => {
    const learner = 'ret-cmi5';
    const returnURL = `${base}/course-home.html?back=${learner}`;
    const session = await launch(learner, { returnURL });
    const button = session.page.locator('#lms-return');
    await button.waitFor();
    assert.equal(await button.textContent(), 'Finish and return to the course');
    await session.page.evaluate(() => loopstep.goToChapter(3));
    await session.page.screenshot({ path: join(shots, 'cmi5-return-button.png') });
    await button.click();
    await session.page.waitForURL(returnURL);
    assert.deepEqual(cmi5.verbsOf(learner), ['initialized', 'terminated']);
    assert.equal(JSON.parse(cmi5.stateOf(learner, progressState).suspend).c, 3, 'the place was saved before leaving');
    assert.deepEqual(session.problems, []);
    assert.deepEqual(cmi5.violations(learner), []);
    await session.context.close();
  });

  test('a lost WebGL context reloads the page inside the same session: no second token fetch, no second initialized', async () => {
    const learner = 'gl-cmi5';
    const session = await launch(learner);
    await session.page.evaluate(() => {
      loopstep.goToChapter(2);
      window.loseContext = document.getElementById('canvas').getContext('webgl2').getExtension('WEBGL_lose_context');
      window.loseContext.loseContext();
    });
    await session.page.waitForFunction(() => document.body.dataset.loopstep === 'context-lost');
    const reloaded = session.page.waitForEvent('load');
    await session.page.evaluate(() => window.loseContext.restoreContext());
    await reloaded;
    await ready(session.page);
    assert.equal(await session.page.evaluate(() => window.loopstepLms.ready.then((store) => store.kind)), 'lms');
    assert.equal(await session.page.evaluate(() => loopstep.state().chapter), 2);
    await answerFinalCheck(session.page);
    await waitFor(() => cmi5.verbsOf(learner).includes('passed'), 'passed after the reload');
    await leave(session, learner);
    assert.deepEqual(cmi5.verbsOf(learner), ['initialized', 'completed', 'passed', 'terminated']);
    assert.deepEqual(session.problems, []);
    assert.deepEqual(cmi5.violations(learner), []);
  });

  test('a launch link used already (no token from the fetch URL) says so; the lesson runs and keeps progress in this browser', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    const page = await context.newPage();
    const { url } = cmi5.launch({ learner: 'lost-cmi5', auBase: `${base}/cmi5-course/` });
    const broken = new URL(url);
    broken.searchParams.set('fetch', `${base}/cmi5/fetch?session=expired`);
    await page.goto(broken.href);
    await ready(page);
    const notice = page.locator('#page-notices .page-notice');
    await notice.waitFor();
    assert.match(await notice.textContent(), /learning record store could not be reached \(the LMS gave no access token: this launch link was used already or has expired/);
    await page.screenshot({ path: join(shots, 'cmi5-unreachable.png') });
    assert.equal(await page.evaluate(() => window.loopstepLms.ready.then((store) => store.kind)), 'local');
    await page.evaluate(() => loopstep.goToChapter(2));
    await waitFor(() => page.evaluate(() => JSON.parse(localStorage.getItem(window.loopstepLms.storageKey) || 'null')?.chapter === 2),
                  'progress in localStorage');
    assert.deepEqual(cmi5.verbsOf('lost-cmi5'), []);
    await context.close();
  });
});

describe('the SCORM manifests, checked by a strict validator', () => {
  // xmllint (libxml2) with ADL's schemas as the package carries them: one schema that imports the
  // manifest's namespaces from their schemaLocation files, strict wildcards and all.
  const validate = (manifestText, unpacked = scorm) => {
    const folder = mkdtempSync(join(tmpdir(), 'loopstep-xsd-'));
    for (const name of readdirSync(unpacked).filter((file) => /\.(xsd|dtd)$/.test(file))) {
      writeFileSync(join(folder, name), readFileSync(join(unpacked, name)));
    }
    const locations = manifestText.match(/xsi:schemaLocation="([^"]+)"/)[1].trim().split(/\s+/);
    const imports = [];
    for (let i = 0; i < locations.length; i += 2) {
      imports.push(`<xsd:import namespace="${locations[i]}" schemaLocation="${locations[i + 1]}"/>`);
    }
    writeFileSync(join(folder, 'all.xsd'), '<?xml version="1.0"?>\n<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema"' +
                  ` targetNamespace="urn:loopstep:check">${imports.join('')}</xsd:schema>\n`);
    writeFileSync(join(folder, 'imsmanifest.xml'), manifestText);
    const run = spawnSync('xmllint', ['--noout', '--schema', 'all.xsd', 'imsmanifest.xml'], { cwd: folder, encoding: 'utf8' });
    rmSync(folder, { recursive: true, force: true });
    return run;
  };

  test('carries its schemas and names them; xmllint accepts the manifest and refuses a broken one', () => {
    const manifest = readFileSync(join(scorm, 'imsmanifest.xml'), 'utf8');
    for (const name of ['imscp_rootv1p1p2.xsd', 'adlcp_rootv1p2.xsd', 'imsmd_rootv1p2p1.xsd', 'ims_xml.xsd']) {
      assert.ok(existsSync(join(scorm, name)), `${name} in the package`);
    }
    const good = validate(manifest);
    assert.equal(good.status, 0, good.stderr);
    assert.match(good.stderr, /imsmanifest.xml validates/);
    // The validator is strict: a resource without its identifier, or an unknown adlcp element, fails.
    const noIdentifier = validate(manifest.replace('<resource identifier="loopstep-resource" ', '<resource '));
    assert.notEqual(noIdentifier.status, 0, 'a resource without an identifier is refused');
    const unknown = validate(manifest.replace('<adlcp:masteryscore>', '<adlcp:passmark>1</adlcp:passmark><adlcp:masteryscore>'));
    assert.notEqual(unknown.status, 0, 'an element adlcp does not define is refused');
  });

  test('SCORM 2004 4th edition: its package lists every file; xmllint accepts the manifest with its schemas and refuses a broken one', () => {
    const { listing, manifest, listed } = packageFiles('loopstep-scorm2004.zip', scorm2004);
    assert.equal(listing[0], 'imsmanifest.xml');
    assert.deepEqual(listed, listing.filter((name) => name !== 'imsmanifest.xml' && !/\.(xsd|dtd)$/.test(name)).sort());
    assert.ok(!listed.includes('sw.js'), 'the service worker stays out of the LMS package');
    assert.match(manifest, /<schemaversion>2004 4th Edition<\/schemaversion>/);
    assert.match(manifest, /<imsss:primaryObjective objectiveID="final-check" satisfiedByMeasure="true">\s*<imsss:minNormalizedMeasure>0\.7<\/imsss:minNormalizedMeasure>/);
    assert.match(manifest, /adlcp:scormType="sco" href="index.html"/);
    for (const name of ['imscp_v1p1.xsd', 'adlcp_v1p3.xsd', 'adlseq_v1p3.xsd', 'adlnav_v1p3.xsd', 'imsss_v1p0.xsd']) {
      assert.ok(existsSync(join(scorm2004, name)), `${name} in the package`);
    }
    const good = validate(manifest, scorm2004);
    assert.equal(good.status, 0, good.stderr);
    assert.match(good.stderr, /imsmanifest.xml validates/);
    const unknown = validate(manifest.replace('<imsss:objectives>', '<imsss:passmark>1</imsss:passmark><imsss:objectives>'), scorm2004);
    assert.notEqual(unknown.status, 0, 'an element imsss does not define is refused');
    const noType = validate(manifest.replace(' adlcp:scormType="sco"', ' adlcp:scormType="lesson"'), scorm2004);
    assert.notEqual(noType.status, 0, 'a scormType other than sco or asset is refused');
  });
});

describe('inside an LMS (scorm-again as the LMS runtime)', () => {
  test('reports incomplete, then passed with score 100 once the final check is answered right', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    const page = await context.newPage();
    const problems = watch(page);
    await page.goto(`${base}/lms/lms.html?learner=ada`);
    const frame = await lessonFrame(page);
    assert.deepEqual(await page.evaluate(() => window.lmsEvents.slice(0, 1)), ['LMSInitialize']);
    await waitFor(() => page.evaluate(() => window.API.cmi.core.lesson_status === 'incomplete'), 'lesson_status incomplete');
    const { score } = await answerFinalCheck(frame);
    assert.equal(score.right, score.total);
    await waitFor(() => server.lms.commits.get('ada')?.['cmi.core.lesson_status'] === 'passed', 'a commit of passed');
    const cmi = server.lms.commits.get('ada');
    assert.equal(Number(cmi['cmi.core.score.raw']), 100);
    assert.equal(Number(cmi['cmi.core.score.min']), 0);
    assert.equal(Number(cmi['cmi.core.score.max']), 100);
    const suspend = cmi['cmi.suspend_data'];
    assert.ok(suspend.length > 0 && suspend.length <= 4096, `suspend_data of ${suspend.length} characters`);
    const record = JSON.parse(suspend);
    const final = Object.values(record.x).find((entry) => entry.a && entry.a.length === score.total);
    assert.ok(final && !final.a.includes('-'), 'every final-check answer is in suspend_data');
    // With an LMS, suspend_data is the store: nothing of the learner's in this browser.
    assert.equal(await frame.evaluate(() => localStorage.getItem('loopstep.progress')), null);
    await page.waitForTimeout(100);  // let the canvas draw the answered check for the picture
    await page.screenshot({ path: join(shots, 'lms-passed.png') });
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a final check below 70% reports failed with its percentage', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/lms/lms.html?learner=bob`);
    const frame = await lessonFrame(page);
    const { score } = await answerFinalCheck(frame, 3);
    assert.equal(score.answered, score.total);
    const percent = Math.round((100 * score.right) / score.total);
    assert.ok(percent < 70, `${percent}% should fail`);
    await waitFor(() => server.lms.commits.get('bob')?.['cmi.core.lesson_status'] === 'failed', 'a commit of failed');
    assert.equal(Number(server.lms.commits.get('bob')['cmi.core.score.raw']), percent);
    await context.close();
  });

  test('progress comes back from suspend_data alone at the next launch; LMSFinish and session_time on pagehide', async () => {
    const first = await browser.newContext();
    const page = await first.newPage();
    await page.goto(`${base}/lms/lms.html?learner=grace`);
    const frame = await lessonFrame(page);
    const before = await frame.evaluate(() => {
      let slider = null;  // the first chapter with a slider: moved off its default
      for (let c = 0; c < loopstep.state().chapters.length && !slider; ++c) {
        const params = loopstep.goToChapter(c).params;
        const name = Object.keys(params)[0];
        if (name === undefined) continue;
        let value = loopstep.setParam(name, params[name] + 1).params[name];
        if (value === params[name]) value = loopstep.setParam(name, params[name] - 1).params[name];
        slider = { chapter: c, name, value };
      }
      const code = loopstep.goToChapter(1).code + '\n# grace was here: "quotes", \\backslash, ünïcode\n';
      loopstep.runCode(code);
      const final = loopstep.state().chapters.findIndex((chapter) => chapter.finalCheck);
      loopstep.goToChapter(final);
      loopstep.answer(0, 1);
      loopstep.answer(2, 0);
      loopstep.goToChapter(2);
      return { slider, code, final, step: loopstep.seek(5).step };
    });
    await waitFor(() => page.evaluate(() => window.API.cmi.suspend_data.includes('grace was here')), 'the edit in suspend_data');
    await page.goto('about:blank');  // the LMS closes the lesson: pagehide in the frame
    await waitFor(() => server.lms.finished.has('grace'), 'the terminate commit (LMSFinish)');
    const cmi = server.lms.commits.get('grace');
    assert.match(cmi['cmi.core.session_time'], /^\d{2,}:\d{2}:\d{2}(\.\d{1,2})?$/);
    assert.equal(cmi['cmi.core.exit'], 'suspend');
    assert.equal(cmi['cmi.core.lesson_status'], 'incomplete');
    await first.close();

    // Another browser (no localStorage of the first): only the LMS can bring the progress back.
    const second = await browser.newContext();
    const again = await second.newPage();
    await again.goto(`${base}/lms/lms.html?learner=grace`);
    const restored = await lessonFrame(again);
    const state = await restored.evaluate(() => loopstep.state());
    assert.equal(state.chapter, 2);
    assert.equal(state.step, before.step);
    assert.equal(state.saved[1].code, before.code);
    assert.deepEqual(state.saved[before.final].answers.slice(0, 3), [1, -1, 0]);
    if (before.slider) assert.equal(state.saved[before.slider.chapter].params[before.slider.name], before.slider.value);
    assert.equal(await again.evaluate(() => window.API.cmi.core.entry), 'resume');
    await second.close();
  });

  test('edited code beyond 4096 characters is dropped, other chapters first; the rest fits', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/lms/lms.html?learner=linus`);
    const frame = await lessonFrame(page);
    await frame.evaluate(() => {
      loopstep.runCode(loopstep.goToChapter(0).code + '\n# long-0 ' + 'x'.repeat(3000) + '\n');
      loopstep.runCode(loopstep.goToChapter(1).code + '\n# long-1 ' + 'y'.repeat(2500) + '\n');
    });
    const suspend = await waitFor(() => page.evaluate(() => {
      const text = window.API.cmi.suspend_data;
      return text.includes('long-1') ? text : null;
    }), 'chapter 1\'s code in suspend_data');
    assert.ok(suspend.length <= 4096, `suspend_data of ${suspend.length} characters`);
    const record = JSON.parse(suspend);
    assert.deepEqual(record.d, [0]);
    assert.equal(record.c, 1);
    assert.equal(record.x[0]?.e, undefined);
    assert.ok(record.x[1].e.includes('y'.repeat(2500)));
    await context.close();
  });

  test('a status the LMS already holds (passed, with no suspend_data) is never lowered by a new session', async () => {
    server.lms.commits.set('pat', { 'cmi.core.lesson_status': 'passed', 'cmi.core.score.raw': '90' });
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = watch(page);
    await page.goto(`${base}/lms/lms.html?learner=pat`);
    const frame = await lessonFrame(page);
    // Moving through the lesson saves (suspend_data, location, a commit at a new chapter).
    await frame.evaluate(() => { loopstep.goToChapter(1); loopstep.step(); loopstep.goToChapter(2); });
    await waitFor(() => server.lms.commits.get('pat')?.['cmi.core.lesson_location'] === '2', 'a commit of the new place');
    assert.equal(await page.evaluate(() => window.API.cmi.core.lesson_status), 'passed');
    assert.equal(server.lms.commits.get('pat')['cmi.core.lesson_status'], 'passed');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('an LMS behind a frame of another origin is skipped quietly: progress stays in localStorage', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = watch(page);
    // The LMS page and the lesson on two ports: reading parent.API throws a SecurityError.
    const other = await startServer({ mounts: { '/scorm/': scorm } });
    await page.goto(`${base}/lms/lms.html?learner=eve&sco=${encodeURIComponent(`http://127.0.0.1:${other.port}/scorm/index.html`)}`);
    const frame = await lessonFrame(page);
    await frame.evaluate(() => loopstep.goToChapter(3));
    await waitFor(() => frame.evaluate(() => JSON.parse(localStorage.getItem('loopstep.progress') || 'null')?.chapter === 3),
                  'progress in the frame\'s localStorage');
    assert.deepEqual(await page.evaluate(() => window.lmsEvents), []);
    assert.equal(await page.evaluate(() => window.API.cmi.core.lesson_status), 'not attempted');
    assert.deepEqual(problems, []);
    await context.close();
    await other.close();
  });
});

describe('the hosted page', () => {
  test('without an LMS keeps progress in localStorage, silently, and a reload restores it', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = watch(page);
    await page.goto(`${base}/dist/index.html`);
    await ready(page);
    await page.evaluate(() => { loopstep.goToChapter(4); loopstep.seek(3); });
    await waitFor(() => page.evaluate(() => JSON.parse(localStorage.getItem('loopstep.progress') || 'null')?.chapter === 4), 'a save');
    await page.goto(`${base}/dist/index.html`);  // no fragment: the place comes from storage
    await ready(page);
    assert.deepEqual(await page.evaluate(() => [loopstep.state().chapter, loopstep.state().step]), [4, 3]);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('sends its height to the parent: lti.frameResize (the embed snippet) and the H5P resizer protocol', async () => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
    const page = await context.newPage();
    await page.goto(`${base}/embed.html`);
    await lessonFrame(page);
    const height = () => page.evaluate(() => document.querySelector('iframe').getBoundingClientRect().height);
    await waitFor(async () => (await height()) === 625, 'the iframe at 625 px (1000 px wide, 16:10)');
    await page.setViewportSize({ width: 1400, height: 700 });
    await waitFor(async () => (await height()) === 875, 'the iframe at 875 px after the host got wider');
    await page.setViewportSize({ width: 500, height: 700 });
    await waitFor(async () => (await height()) === 600, 'the iframe at its 600 px minimum');

    const h5p = await context.newPage();
    await h5p.setViewportSize({ width: 1280, height: 700 });
    await h5p.goto(`${base}/lms/h5p-host.html?src=${encodeURIComponent('/dist/index.html')}`);
    await lessonFrame(h5p);
    await waitFor(() => h5p.evaluate(() => document.getElementById('lesson').getBoundingClientRect().height === 800),
                  'the H5P host sizing the iframe to 800 px');
    const messages = await h5p.evaluate(() => window.h5pMessages);
    for (const action of ['hello', 'prepareResize', 'resize']) assert.ok(messages.includes(action), action);
    await context.close();
  });

  test('a text input in the host page keeps its keys; the canvas takes them only when focused', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    // Embedded in an LMS page: focus the lesson, then type in the host's input.
    await page.goto(`${base}/lms/lms.html?learner=kim`);
    const frame = await lessonFrame(page);
    await frame.click('#canvas', { position: { x: 5, y: 5 } });
    await page.click('#notes');
    await page.keyboard.type('notes: a b');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Backspace');
    assert.equal(await page.inputValue('#notes'), 'notes: ab');
    assert.equal(await frame.evaluate(() => loopstep.state().step), 0);

    // On the same page as the lesson: SDL listens to the canvas only, so an input beside it
    // gets Space, arrows and Backspace, and the lesson neither steps nor plays.
    const host = await context.newPage();
    await host.goto(`${base}/dist/index.html`);
    await ready(host);
    await host.evaluate(() => {
      const input = document.createElement('input');
      input.id = 'beside';
      input.style.cssText = 'position: fixed; top: 4px; right: 4px; z-index: 10';
      document.body.appendChild(input);
    });
    const start = await host.evaluate(() => loopstep.state().step);
    await host.click('#beside');
    await host.keyboard.type('x y');
    await host.keyboard.press('ArrowRight');
    await host.keyboard.press('Space');
    await host.keyboard.press('ArrowLeft');
    await host.keyboard.press('Backspace');
    await host.keyboard.press('End');
    assert.equal(await host.inputValue('#beside'), 'x  ');  // "x y", a space, back over it, "y" deleted
    await host.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    assert.deepEqual(await host.evaluate(() => [loopstep.state().step, loopstep.state().playing]), [start, false]);
    // The control: with the canvas focused, the same key steps the lesson.
    await host.focus('#canvas');
    await host.keyboard.press('ArrowRight');
    await waitFor(() => host.evaluate((start) => loopstep.state().step === start + 1, start), 'a step from the canvas');
    await context.close();
  });

  test('a lost WebGL context shows a message, and its return reloads the page with the progress', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/dist/index.html`);
    await ready(page);
    await page.evaluate(() => {
      loopstep.goToChapter(2);
      loopstep.seek(4);
      window.loseContext = document.getElementById('canvas').getContext('webgl2').getExtension('WEBGL_lose_context');
      window.loseContext.loseContext();
    });
    await page.waitForFunction(() => document.body.dataset.loopstep === 'context-lost');
    assert.equal(await page.isVisible('#status'), true);
    assert.match(await page.textContent('#status-text'), /graphics context was lost/);
    const reloaded = page.waitForEvent('load');
    await page.evaluate(() => window.loseContext.restoreContext());
    await reloaded;
    await ready(page);
    assert.deepEqual(await page.evaluate(() => [loopstep.state().chapter, loopstep.state().step]), [2, 4]);
    await context.close();
  });
});

describe('packages with an instructor\'s own lessons (./dev package --lessons DIR)', () => {
  test('lessons with a problem stop the packaging with the file, line and what to fix; nothing is written', () => {
    const out = join(work, 'broken-package');
    const result = spawnSync('python3', [join(root, 'tools', 'package.py'), '--dist', dist, '--out', out, '--lessons', join(here, 'lessons-broken')],
                             { encoding: 'utf8' });
    assert.equal(result.status, 1);
    assert.match(result.stderr, /01-broken\.md:4: the scenario raises NameError: name 'not_defined' is not defined/);
    assert.equal(existsSync(join(out, 'loopstep-scorm2004.zip')), false);
  });

  test('every package carries the folder\'s chapters (a pack split at its titles); the single file opens them from file://', async () => {
    const out = join(work, 'lessons-package');
    execFileSync('python3', [join(root, 'tools', 'package.py'), '--dist', dist, '--out', out, '--lessons', join(here, 'lessons')], { stdio: 'ignore' });
    const titles = ['Waiting together', 'Three at once', 'And one more'];
    for (const zip of ['loopstep-scorm12.zip', 'loopstep-scorm2004.zip', 'loopstep-cmi5.zip']) {
      const page = execFileSync('python3', ['-c', 'import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).read("index.html").decode())', join(out, zip)],
                                { encoding: 'utf8' });
      assert.match(page, /<script type="application\/json" id="loopstep-lessons" data-files="01-waiting\.md,02-more\.md">/, `${zip} carries them`);
    }
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const problems = watch(page);
    await page.goto(pathToFileURL(join(out, 'loopstep.html')).href);
    await ready(page);
    const state = await page.evaluate(() => loopstep.state());
    assert.deepEqual(state.chapters.map((chapter) => chapter.title), titles);
    assert.deepEqual(state.lessons, { files: ['01-waiting.md', '02-more.md'], problems: [] });
    assert.deepEqual(await page.evaluate(() => window.loopstepLessonText.map((chapter) => chapter.title)), titles, 'the text version has them before the module starts');
    const output = await page.evaluate(() => { loopstep.goToChapter(2); return loopstep.toEnd().output; });
    assert.equal(output, 'the last chapter\n');
    assert.deepEqual(problems, []);
    await page.screenshot({ path: join(shots, 'single-file-own-lessons.png') });
    await context.close();
  });
});

describe('offline', () => {
  test('the single-file build opens from file:// and steps', async () => {
    const file = join(packages, 'loopstep.html');
    const html = readFileSync(file, 'utf8');
    assert.match(html, /<script type="application\/octet-stream" id="loopstep-wasm">[A-Za-z0-9+/=]{1000,}<\/script>/, 'the module is inside the page');
    assert.ok(statSync(file).size <= 1.2 * 1024 * 1024, `the single file is ${statSync(file).size} bytes, over 1.2 MB`);
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const problems = watch(page);
    const requests = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(pathToFileURL(file).href);
    await ready(page);
    // Chapter 4 asks for a prediction at its start: made first, so that the keys step.
    const steps = await page.evaluate(() => { loopstep.goToChapter(3); if (loopstep.state().prediction?.waiting) loopstep.predict(0); return loopstep.state().steps; });
    assert.ok(steps > 10);
    await page.focus('#canvas');
    for (let i = 0; i < 3; ++i) await page.keyboard.press('ArrowRight');
    await waitFor(() => page.evaluate(() => loopstep.state().step === 3), 'three steps from the keyboard');
    assert.deepEqual(requests.filter((url) => !url.startsWith('file:') && !url.startsWith('data:')), []);
    assert.deepEqual(problems, []);
    await page.screenshot({ path: join(shots, 'single-file.png') });
    await context.close();
  });

  test('the dist zip unpacks to a folder that python3 -m http.server serves', async () => {
    const unpacked = join(work, 'unpacked');
    execFileSync('python3', ['-m', 'zipfile', '-e', join(packages, 'loopstep-dist.zip'), unpacked]);
    const folder = join(unpacked, 'loopstep');
    const names = (dir) => readdirSync(dir).filter((name) => statSync(join(dir, name)).isFile()).sort();
    assert.deepEqual(names(folder), [...names(dist), 'README.txt'].sort());
    assert.match(readFileSync(join(folder, 'README.txt'), 'utf8'), /python3 -m http\.server/);
    const port = await new Promise((resolve) => {
      const probe = createNetServer().listen(0, '127.0.0.1', () => { const { port } = probe.address(); probe.close(() => resolve(port)); });
    });
    const python = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', folder], { stdio: 'ignore' });
    try {
      const context = await browser.newContext();
      const page = await context.newPage();
      await waitFor(() => page.goto(`http://127.0.0.1:${port}/`).then((response) => response.ok(), () => false), 'python3 -m http.server');
      await ready(page);
      assert.ok(await page.evaluate(() => loopstep.step().step === 1));
      await context.close();
    } finally {
      python.kill();
    }
  });

  test('the service worker serves the page with the network cut; a new build names a new cache', async () => {
    // A copy of dist/ on a server of its own, so that it can be stopped and changed.
    const site = join(work, 'site');
    cpSync(dist, site, { recursive: true });
    const own = await startServer({ mounts: { '/': site } });
    const url = `http://127.0.0.1:${own.port}/`;
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(url);
    await ready(page);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });
    const firstCaches = await page.evaluate(() => caches.keys());
    assert.equal(firstCaches.length, 1);

    await own.close();                // the network is cut twice over:
    await context.setOffline(true);   // no server, and the browser offline
    await page.reload();
    await ready(page);
    assert.ok(await page.evaluate(() => { loopstep.goToChapter(3); loopstep.predict(0); return loopstep.step().step === 1; }));
    assert.ok(await page.evaluate(() => fetch('not-cached.txt').then(() => false, () => true)), 'the network is really cut');

    await context.close();

    // A new build names a new cache: sw.js is stamped with a hash of the files it caches.
    const stamp = () => readFileSync(join(site, 'sw.js'), 'utf8').match(/const BUILD = '([0-9a-f]+)'/)[1];
    const built = stamp();
    assert.ok(firstCaches[0].endsWith(':' + built));
    restamp(site);
    assert.equal(stamp(), built, 'the same files, the same name');
    writeFileSync(join(site, 'style.css'), readFileSync(join(site, 'style.css'), 'utf8') + '\n/* a new build */\n');
    restamp(site);
    assert.notEqual(stamp(), built);
  });

  test('the service worker never pairs one build\'s JS with another\'s wasm: build A, then B swapped in, then offline', async () => {
    const site = join(work, 'swap');
    const own = await startServer({ mounts: { '/': site } });
    const url = `http://127.0.0.1:${own.port}/`;
    const context = await browser.newContext();
    // Which build's JS ran (a marker the test appends to loopstep_app.js) and which build's wasm was
    // instantiated (a custom section the test appends to loopstep_app.wasm).
    await context.addInitScript(() => {
      const note = (module) => {
        const [section] = WebAssembly.Module.customSections(module, 'loopstep-test-build');
        window.__wasmBuild = section ? new TextDecoder().decode(section) : '(none)';
      };
      const instantiated = (name) => {
        const original = WebAssembly[name];
        WebAssembly[name] = async (...args) => {
          const result = await original(...args);
          if (result.module) note(result.module);
          else if (args[0] instanceof WebAssembly.Module) note(args[0]);
          return result;
        };
      };
      instantiated('instantiateStreaming');
      instantiated('instantiate');
    });
    const builds = () => page.evaluate(() => ({ js: window.__jsBuild, wasm: window.__wasmBuild }));
    const page = await context.newPage();
    try {
      const hashA = makeBuild(site, 'A');
      await page.goto(url);
      await ready(page);
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });
      assert.deepEqual(await builds(), { js: 'A', wasm: 'A' });
      await waitFor(() => page.evaluate((hash) => caches.keys().then((keys) => keys.length === 1 && keys[0].endsWith(':' + hash)), hashA),
                    'build A\'s cache');

      const hashB = makeBuild(site, 'B');  // a deployment: every file replaced, a new hash
      assert.notEqual(hashB, hashA);
      await page.reload();
      await ready(page);
      assert.deepEqual(await builds(), { js: 'B', wasm: 'B' }, 'the reload runs build B, JS and wasm alike');
      // B's worker takes over and, once active, deletes A's cache.
      await waitFor(() => page.evaluate((hash) => caches.keys().then((keys) => keys.length === 1 && keys[0].endsWith(':' + hash)), hashB),
                    'build B\'s cache alone');
      await waitFor(() => page.evaluate(() => navigator.serviceWorker.controller?.scriptURL.endsWith('sw.js') &&
                                              navigator.serviceWorker.getRegistration().then((r) => r.active && !r.waiting && !r.installing)),
                    'build B\'s worker active');

      await own.close();
      await context.setOffline(true);
      await page.reload();
      await ready(page);
      assert.deepEqual(await builds(), { js: 'B', wasm: 'B' }, 'offline, build B from the cache, JS and wasm alike');
      assert.ok(await page.evaluate(() => loopstep.step().step === 1));
    } finally {
      await context.close();
      await own.close().catch(() => {});
    }
  });

  test('no service worker from the SCORM package (the hosted page, the control, registers one)', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/scorm/index.html`);  // the package's page, no LMS around it
    await ready(page);
    await page.waitForFunction(() => document.readyState === 'complete');
    assert.deepEqual(await page.evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.length)), 0);
    const hosted = await context.newPage();  // the control: the hosted page does register one
    await hosted.goto(`${base}/dist/index.html`);
    await ready(hosted);
    await waitFor(() => hosted.evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.length === 1)),
                  'the hosted page\'s worker');
    await context.close();
  });
});

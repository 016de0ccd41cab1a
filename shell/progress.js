// Keeps the learner's place: the chapter, step and edited code in the URL's fragment (a deep
// link), and every chapter's sliders, code, answers and predictions in a store (a reload loses nothing): the
// LMS's suspend_data inside an LMS, else localStorage (lms.js chooses). Uses only
// window.loopstep (shell/API.md); loader.js starts it at the first frame.
'use strict';
window.loopstepProgress = (function () {
  const storageKey = window.loopstepLms.storageKey;  // where lms.js's local store keeps it
  // Chapters from files dropped or chosen after the page opened (shell/authoring.js) are not the
  // ones the store holds progress for: the store is left alone while they are on screen.
  const savesTo = (state) => state.lessons.files.length === 0 || window.loopstepLms.lessonSource !== null;
  const saveDelayMs = 400;  // coalesces the saves of a playing run (browsers throttle history updates)

  // A reload reopens the address as it was when the reload was asked for, which may predate the
  // last save (the fragment is updated lazily, and leaving saves once more). So the page notes
  // every fragment this page showed; when the next page of this tab opens one of them, the
  // store (saved on leaving) knows better than the fragment.
  const shownKey = 'loopstep.shownHashes';
  const shown = new Set([window.location.hash]);
  function rememberShownHashes() {
    try { window.sessionStorage.setItem(shownKey, JSON.stringify([...shown])); } catch { /* no session storage */ }
  }
  function freshFragment() {
    let stale = [];
    try {
      stale = JSON.parse(window.sessionStorage.getItem(shownKey)) || [];
      window.sessionStorage.removeItem(shownKey);
    } catch { /* no session storage */ }
    const fragment = readFragment();
    // Classroom mode is the address's alone (the store does not keep it): a reload keeps it.
    if (!stale.includes(window.location.hash)) return fragment;
    return { chapter: null, step: null, code: null, stepBy: null, classroom: fragment.classroom };
  }

  function readFragment() {
    const fields = new URLSearchParams(window.location.hash.slice(1));
    const number = (name) => (fields.has(name) && /^\d+$/.test(fields.get(name)) ? Number(fields.get(name)) : null);
    const stepBy = fields.get('by');
    return {
      chapter: number('chapter'), step: number('step'), code: fields.get('code'), stepBy: stepBy === 'line' || stepBy === 'event' ? stepBy : null,
      classroom: fields.get('classroom') === '1',
    };
  }

  // Replays saved progress through the API, field by field: a field that is malformed or that
  // the module refuses is left out with a note on the page; everything else comes back, and
  // saving goes on (it then saves what is on screen). The fragment wins over storage for the
  // place and the current chapter's code.
  function restore(api, stored, fragment) {
    const problems = [];
    const attempt = (what, action) => {
      try { action(); } catch (error) { problems.push(`${what} (${error.message})`); }
    };
    const chapters = api.state().chapters.length;
    const saved = (stored && Array.isArray(stored.saved)) ? stored.saved : [];
    saved.slice(0, chapters).forEach((progress, index) => {
      if (progress === null || progress === undefined) return;
      const where = `chapter ${index + 1}`;
      if (typeof progress !== 'object') { problems.push(`${where} (not a record)`); return; }
      attempt(where, () => api.goToChapter(index));
      if (progress.params !== undefined) attempt(`${where}, sliders`, () => restoreParams(api, progress.params));
      if (progress.code !== undefined && progress.code !== null) attempt(`${where}, code`, () => {
        if (typeof progress.code !== 'string') throw new Error('not text');
        api.runCode(progress.code);
      });
      if (progress.answers !== undefined) attempt(`${where}, answers`, () => restoreAnswers(api, progress.answers));
      if (progress.predictions !== undefined) attempt(`${where}, predictions`, () => restorePredictions(api, progress.predictions));
    });
    const whole = (value) => (Number.isInteger(value) && value >= 0 ? value : null);
    const chapter = fragment.chapter ?? whole(stored?.chapter) ?? 0;
    // Opening a chapter runs its program again: not for the one already on screen (a fresh load).
    const target = Math.min(chapter, chapters - 1);
    if (api.state().chapter !== target) attempt('the chapter', () => api.goToChapter(target));
    if (fragment.code !== null) attempt('the code in the address', () => api.runCode(fragment.code));
    const stepBy = fragment.stepBy ?? (fragment.chapter === null ? stored?.stepBy : null);
    if (stepBy === 'line') attempt('line by line', () => api.setStepBy('line'));
    if (fragment.classroom) attempt('classroom mode', () => api.setDisplay({ ...api.state().display, classroom: true }));
    const step = fragment.step ?? (fragment.chapter === null ? whole(stored?.step) : 0) ?? 0;
    attempt('the step', () => api.seek(step));
    if (problems.length > 0) {
      window.loopstepNotice.show('Some saved progress could not be restored and was left out: ' + problems.join('; ') +
                                 '. Everything else is back, and your progress is still being saved.');
    }
  }

  function restoreParams(api, params) {
    if (typeof params !== 'object' || params === null || Array.isArray(params)) throw new Error('not a set of named values');
    for (const [name, value] of Object.entries(params)) {
      if (!Number.isInteger(value)) throw new Error(`${name} is not a whole number`);
      api.setParam(name, value);
    }
  }

  function restoreAnswers(api, answers) {
    if (!Array.isArray(answers)) throw new Error('not a list');
    answers.forEach((option, question) => {
      if (!Number.isInteger(option)) throw new Error(`answer ${question + 1} is not a choice`);
      if (option >= 0) api.answer(question, option);
    });
  }

  function restorePredictions(api, predictions) {
    if (!Array.isArray(predictions)) throw new Error('not a list');
    predictions.forEach((chosen, index) => {
      if (chosen !== null && typeof chosen !== 'string') throw new Error(`prediction ${index + 1} is not a choice`);
      if (chosen !== null) api.restorePrediction(index, chosen);
    });
  }

  function fragmentFor(state) {
    const fields = new URLSearchParams();
    fields.set('chapter', state.chapter);
    fields.set('step', state.step);
    if (state.stepBy === 'line') fields.set('by', 'line');
    if (state.codeEdited) fields.set('code', state.code);
    if (state.display.classroom) fields.set('classroom', '1');
    return '#' + fields.toString();
  }

  function save(state, store) {
    const fragment = fragmentFor(state);
    if (window.location.hash !== fragment) window.history.replaceState(null, '', fragment);
    shown.add(fragment);
    if (savesTo(state)) store.save(state);
  }

  // Resolves once the saved progress is back on screen. `store` is optional: by default the
  // one lms.js finds ({load, save, commit, finish, keepSession}).
  async function start(api, store) {
    store = store || await window.loopstepLms.ready;
    try {
      restore(api, store.load(), freshFragment());
    } catch (error) {
      window.loopstepNotice.show('Saved progress could not be restored (' + error.message + '); saving goes on.');
    }
    // Steps come fast while playing: their saves are coalesced. A new chapter or new code is
    // saved at once, so a reload straight after an edit (which reopens the URL) keeps it.
    let timer = null;
    let last = api.state();
    const saveSoon = (state) => {
      const changed = state.chapter !== last.chapter || state.code !== last.code || state.stepBy !== last.stepBy ||
                      state.display.classroom !== last.display.classroom;
      last = state;
      if (changed) { save(state, store); return; }
      if (timer !== null) return;
      timer = setTimeout(() => { timer = null; save(api.state(), store); }, saveDelayMs);
    };
    api.onChange(saveSoon);
    // Mobile browsers may discard a hidden page without a pagehide: save when it is hidden too.
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') { save(api.state(), store); rememberShownHashes(); store.commit(); }
    });
    window.addEventListener('pagehide', () => { save(api.state(), store); rememberShownHashes(); store.finish(); });
    save(api.state(), store);
    started = { api, store };
    if (store.returnUrl) offerReturn(api, store);
  }

  // The LMS named a page to return to (cmi5's returnURL): a button that saves, ends the session
  // and goes there.
  function offerReturn(api, store) {
    const button = document.createElement('button');
    button.type = 'button';
    button.id = 'lms-return';
    button.textContent = 'Finish and return to the course';
    button.addEventListener('click', async () => {
      button.disabled = true;
      button.textContent = 'Saving…';
      save(api.state(), store);
      await store.finish();
      window.location.assign(store.returnUrl);
    });
    document.body.append(button);
    document.body.classList.add('lms-return-shown');
  }

  // Saves now and keeps an LMS session open across a reload the page does itself.
  function saveBeforeReload() {
    if (!started) return;
    save(started.api.state(), started.store);
    rememberShownHashes();
    started.store.keepSession();
  }

  let started = null;
  return { start, saveBeforeReload, storageKey };
})();

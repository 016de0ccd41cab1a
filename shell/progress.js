// Keeps the learner's place: the chapter, step and edited code in the URL's fragment (a deep
// link), and every chapter's sliders, code and answers in localStorage (a reload loses nothing).
// Uses only window.loopstep (shell/API.md); loader.js starts it at the first frame.
'use strict';
window.loopstepProgress = (function () {
  const storageKey = 'loopstep.progress';
  const saveDelayMs = 400;  // coalesces the saves of a playing run (browsers throttle history updates)

  function readFragment() {
    const fields = new URLSearchParams(window.location.hash.slice(1));
    const number = (name) => (fields.has(name) && /^\d+$/.test(fields.get(name)) ? Number(fields.get(name)) : null);
    return { chapter: number('chapter'), step: number('step'), code: fields.get('code') };
  }

  function readStorage() {
    try {
      return JSON.parse(window.localStorage.getItem(storageKey)) || null;
    } catch {
      return null;  // storage off (private mode, a sandboxed iframe) or unreadable: start fresh
    }
  }

  // Replays saved progress through the API: sliders, code and answers of every chapter, then
  // the place. The fragment wins over storage for the place and the current chapter's code.
  function restore(api, stored, fragment) {
    const chapters = api.state().chapters.length;
    const saved = (stored && Array.isArray(stored.saved)) ? stored.saved : [];
    saved.slice(0, chapters).forEach((progress, index) => {
      if (!progress) return;
      api.goToChapter(index);
      for (const [name, value] of Object.entries(progress.params || {})) api.setParam(name, value);
      if (typeof progress.code === 'string') api.runCode(progress.code);
      (progress.answers || []).forEach((option, question) => { if (option >= 0) api.answer(question, option); });
    });
    const chapter = fragment.chapter ?? (stored ? stored.chapter : 0) ?? 0;
    api.goToChapter(Math.min(chapter, chapters - 1));
    if (fragment.code !== null) api.runCode(fragment.code);
    const step = fragment.step ?? (stored && fragment.chapter === null ? stored.step : 0) ?? 0;
    api.seek(step);
  }

  function fragmentFor(state) {
    const fields = new URLSearchParams();
    fields.set('chapter', state.chapter);
    fields.set('step', state.step);
    if (state.codeEdited) fields.set('code', state.code);
    return '#' + fields.toString();
  }

  function save(state) {
    const fragment = fragmentFor(state);
    if (window.location.hash !== fragment) window.history.replaceState(null, '', fragment);
    try {
      window.localStorage.setItem(storageKey, JSON.stringify({ chapter: state.chapter, step: state.step, saved: state.saved }));
    } catch { /* storage full or off: the URL still holds the place */ }
  }

  function start(api) {
    restore(api, readStorage(), readFragment());
    let timer = null;
    const saveSoon = () => {
      if (timer !== null) return;
      timer = setTimeout(() => { timer = null; save(api.state()); }, saveDelayMs);
    };
    api.onChange(saveSoon);
    window.addEventListener('pagehide', () => save(api.state()));
    save(api.state());
  }

  return { start, storageKey };
})();

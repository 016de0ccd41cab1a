// window.loopstep: the page's API over the wasm module's loopstep_* exports (web/web_api.cpp),
// documented in shell/API.md. loader.js calls loopstepApi.attach(Module) at the first frame.
'use strict';
window.loopstepApi = (function () {
  function attach(Module) {
    const listeners = [];
    const call = (name, types, args) => Module.ccall(name, null, types || [], args || []);
    const state = () => JSON.parse(Module.ccall('loopstep_state_json', 'string', [], []));
    // Every command returns the state it leads to.
    const command = (run) => (...args) => { run(...args); return state(); };

    const api = {
      state,
      chapter: (index) => JSON.parse(Module.ccall('loopstep_chapter_json', 'string', ['number'], [index])),
      onChange(callback) { listeners.push(callback); },
      goToChapter: command((index) => call('loopstep_go_to_chapter', ['number'], [index])),
      step: command(() => call('loopstep_step')),
      back: command(() => call('loopstep_back')),
      seek: command((step) => call('loopstep_seek', ['number'], [step])),
      toEnd: command(() => call('loopstep_seek', ['number'], [Number.MAX_SAFE_INTEGER])),
      restart: command(() => call('loopstep_seek', ['number'], [0])),
      play: command(() => call('loopstep_set_playing', ['number'], [1])),
      pause: command(() => call('loopstep_set_playing', ['number'], [0])),
      runCode: command((source) => call('loopstep_run_code', ['string'], [String(source)])),
      setParam: command((name, value) => call('loopstep_set_param', ['string', 'number'], [String(name), value])),
      answer: command((question, option) => call('loopstep_answer', ['number', 'number'], [question, option])),
      setDisplay: command(({ highContrast, textScale }) =>
        call('loopstep_set_display', ['number', 'number'], [highContrast ? 1 : 0, Number(textScale) || 1])),
    };
    // The app reports a change at the end of the frame that made it (web_api_frame_done).
    Module.loopstepChanged = () => {
      if (listeners.length === 0) return;
      const current = state();
      for (const listener of listeners) {
        try { listener(current); } catch (error) { console.error('loopstep.onChange listener failed:', error); }
      }
    };
    window.loopstep = api;
    return api;
  }
  return { attach };
})();

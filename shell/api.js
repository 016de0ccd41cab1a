// window.loopstep: the page's API over the wasm module's loopstep_* exports (web/web_api.cpp),
// documented in shell/API.md. loader.js calls loopstepApi.attach(Module) at the first frame.
'use strict';
window.loopstepApi = (function () {
  const maxSourceBytes = 256 * 1024;  // web/model/app_state.hpp's max_source_bytes

  // The program as the module will run it, or an error saying why not, before anything runs or
  // is saved: a C string would end at a NUL, and a lone surrogate has no UTF-8 form.
  function checkedSource(source) {
    const text = String(source);
    const bad = text.search(/\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    if (bad >= 0) {
      const before = text.slice(0, bad).split('\n');
      const what = text[bad] === '\0' ? 'a NUL character' : 'a lone surrogate (half of a UTF-16 pair)';
      throw new Error(`The code has ${what} at line ${before.length}, column ${before[before.length - 1].length + 1}: ` +
                      'Python source cannot hold it. Remove it and run again.');
    }
    const bytes = new TextEncoder().encode(text).length;
    if (bytes > maxSourceBytes) {
      throw new Error(`The code is ${bytes.toLocaleString('en')} bytes long; loopstep runs programs of at most ` +
                      `${maxSourceBytes.toLocaleString('en')} bytes.`);
    }
    return text;
  }

  function attach(Module) {
    const listeners = [];
    // A failure inside the module comes back as a message (web_api.cpp's guarded), thrown here.
    const failed = () => {
      const message = Module.ccall('loopstep_take_failure', 'string', [], []);
      if (message) throw new Error(message);
    };
    const call = (name, types, args) => { Module.ccall(name, null, types || [], args || []); failed(); };
    const json = (name, types, args) => {
      const text = Module.ccall(name, 'string', types, args);
      failed();
      return JSON.parse(text);
    };
    const state = () => json('loopstep_state_json', [], []);
    const text = (name) => {
      const written = Module.ccall(name, 'string', [], []);
      failed();
      return written;
    };
    // Every command returns the state it leads to.
    const command = (run) => (...args) => { run(...args); return state(); };

    const api = {
      state,
      screen: () => json('loopstep_screen_json', [], []),
      timelineSvg: () => text('loopstep_timeline_svg'),
      framesSvg: () => text('loopstep_frames_svg'),
      runReport: () => text('loopstep_run_report'),
      chapter: (index) => json('loopstep_chapter_json', ['number'], [index]),
      onChange(callback) { listeners.push(callback); },
      goToChapter: command((index) => call('loopstep_go_to_chapter', ['number'], [index])),
      step: command(() => call('loopstep_step')),
      back: command(() => call('loopstep_back')),
      seek: command((step) => call('loopstep_seek', ['number'], [step])),
      toEnd: command(() => call('loopstep_seek', ['number'], [Number.MAX_SAFE_INTEGER])),
      restart: command(() => call('loopstep_seek', ['number'], [0])),
      setStepBy: command((by) => call('loopstep_set_step_by_line', ['number'], [by === 'line' ? 1 : 0])),
      play: command(() => call('loopstep_set_playing', ['number'], [1])),
      pause: command(() => call('loopstep_set_playing', ['number'], [0])),
      runCode: command((source) => call('loopstep_run_code', ['string'], [checkedSource(source)])),
      newSeed: command(() => call('loopstep_new_seed')),
      setParam: command((name, value) => call('loopstep_set_param', ['string', 'number'], [String(name), value])),
      answer: command((question, option) => call('loopstep_answer', ['number', 'number'], [question, option])),
      predict: command((option) => call('loopstep_predict', ['number'], [option])),
      restorePrediction: command((index, chosen) => call('loopstep_restore_prediction', ['number', 'string'], [index, String(chosen)])),
      selectTask: command((index, compared = false) =>
        call('loopstep_select_task', ['number', 'number'], [Number.isInteger(index) ? index : -1, compared ? 1 : 0])),
      // [{name, text}]: lesson files (a file may hold several chapters), shown instead of the
      // chapters on screen unless state().lessons.problems lists what to fix (shell/API.md).
      loadLessons: command((files) => {
        if (!Array.isArray(files)) throw new TypeError('loadLessons takes a list of {name, text}');
        for (const { name, text } of files) call('loopstep_add_lesson_file', ['string', 'string'], [String(name), String(text)]);
        return call('loopstep_open_lesson_files');
      }),
      setDisplay: command(({ highContrast, textScale, classroom }) =>
        call('loopstep_set_display', ['number', 'number', 'number'], [highContrast ? 1 : 0, Number(textScale) || 1, classroom ? 1 : 0])),
    };
    // The app reports a change at the end of the frame that made it (web_api_frame_done).
    Module.loopstepChanged = () => {
      if (listeners.length === 0) return;
      let current;
      try { current = state(); } catch (error) { window.loopstepNotice.show(error.message); return; }
      for (const listener of listeners) {
        try { listener(current); } catch (error) { console.error('loopstep.onChange listener failed:', error); }
      }
    };
    window.loopstep = api;
    return api;
  }
  return { attach };
})();

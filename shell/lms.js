// Where the learner's progress is kept: the LMS's when the page was launched by one (cmi5: a State
// API document, with xAPI statements for the final check) or runs inside one (SCORM 2004 or 1.2:
// suspend_data, with the status and score from the final check), each through its standard's own
// data model; otherwise this browser's localStorage. progress.js saves and restores through the
// store this resolves to.
'use strict';
window.loopstepLms = (function () {
  // An author's lessons (shell/authoring.js), by URL (?lesson=, ?lessons=) or packaged into the page (./dev
  // package --lessons), keep their own progress beside the built-in lesson's; null: the built-in.
  const packagedLessons = document.getElementById('loopstep-lessons');
  const asked = new URLSearchParams(window.location.search);
  const lessonSource = asked.get('lesson') || asked.get('lessons') ||
    (packagedLessons ? 'package:' + (packagedLessons.dataset.files || '') : null);
  const storageKey = 'loopstep.progress' + (lessonSource ? ':' + lessonSource : '');
  const suspendLimit = 4096;  // SCORM 1.2's cmi.suspend_data is a CMIString4096 (2004's holds 64000)
  const defaultMastery = 70;  // percent; imsmanifest.xml says the same (masteryscore, minNormalizedMeasure)
  const findAttempts = 8;     // the LMS may set window.API a moment after the frame loads
  const findIntervalMs = 125;

  // --- suspend_data: compact JSON, only what differs from a fresh lesson ---------------------
  // {"v":1,"c":chapter,"s":step,"l":1 (by line),"x":{"<chapter>":{"p":{slider:value},"a":"2-0","q":["A",null],"e":"code"}},"d":[..]}
  // "a" holds one base-36 digit per question ("-" = unanswered); "q" the predictions made (the
  // choice's words, null = not yet); "e" the learner's edited code.
  // When the whole does not fit, edited code is dropped, other chapters' first (longest first),
  // the current chapter's last; "d" lists the chapters whose code was dropped. Place, sliders,
  // answers and predictions always fit (well under a thousand characters).
  function encode(state, limit = suspendLimit) {
    const chapters = {};
    (state.saved || []).forEach((progress, index) => {
      if (!progress) return;
      const entry = {};
      if (progress.params && Object.keys(progress.params).length > 0) entry.p = progress.params;
      const answers = progress.answers || [];
      if (answers.some((option) => option >= 0)) {
        entry.a = answers.map((option) => (option >= 0 ? option.toString(36) : '-')).join('');
      }
      const predictions = progress.predictions || [];
      if (predictions.some((chosen) => chosen !== null)) entry.q = predictions;
      if (typeof progress.code === 'string') entry.e = progress.code;
      if (Object.keys(entry).length > 0) chapters[index] = entry;
    });
    const record = { v: 1, c: state.chapter, s: state.step, x: chapters };
    if (state.stepBy === 'line') record.l = 1;
    let text = JSON.stringify(record);
    const edited = Object.keys(chapters).filter((key) => 'e' in chapters[key]).sort((a, b) =>
      (Number(a) === state.chapter) - (Number(b) === state.chapter) || chapters[b].e.length - chapters[a].e.length);
    for (const key of edited) {
      if (text.length <= limit) break;
      delete chapters[key].e;
      (record.d = record.d || []).push(Number(key));
      text = JSON.stringify(record);
    }
    return text;
  }

  // The record progress.js restores ({chapter, step, saved}), or null for anything unreadable.
  function decode(text) {
    let record;
    try {
      record = JSON.parse(text);
    } catch {
      return null;
    }
    if (!record || record.v !== 1 || typeof record.x !== 'object' || record.x === null) return null;
    const saved = [];
    for (const [key, entry] of Object.entries(record.x)) {
      const index = Number(key);
      if (!Number.isInteger(index) || index < 0 || index > 999 || !entry || typeof entry !== 'object') continue;
      saved[index] = {
        params: (entry.p && typeof entry.p === 'object') ? entry.p : {},
        code: typeof entry.e === 'string' ? entry.e : null,
        answers: typeof entry.a === 'string' ? Array.from(entry.a, (digit) => (digit === '-' ? -1 : parseInt(digit, 36))) : [],
        predictions: Array.isArray(entry.q) ? entry.q : [],
      };
    }
    const whole = (value) => (Number.isInteger(value) && value >= 0 ? value : 0);
    return { chapter: whole(record.c), step: whole(record.s), stepBy: record.l === 1 ? 'line' : 'event', saved,
             dropped: Array.isArray(record.d) ? record.d : [] };
  }

  // --- this browser: localStorage ------------------------------------------------------------
  function localStore() {
    return {
      kind: 'local',
      load() {
        try {
          return JSON.parse(window.localStorage.getItem(storageKey)) || null;
        } catch {
          return null;  // storage off (private mode, a sandboxed iframe) or unreadable: start fresh
        }
      },
      save(state) {
        try {
          window.localStorage.setItem(storageKey, JSON.stringify({ chapter: state.chapter, step: state.step, stepBy: state.stepBy, saved: state.saved }));
        } catch { /* storage full or off: the URL still holds the place */ }
      },
      commit() {},
      finish() {},
      keepSession() {},
    };
  }

  // --- the LMS: SCORM 2004 and SCORM 1.2 ----------------------------------------------------
  const yes = (result) => result === true || String(result) === 'true';

  // {hours, minutes, seconds} of a time in ms, to the hundredth of a second.
  function clock(ms) {
    const centis = Math.max(0, Math.round(ms / 10));
    return { hours: Math.floor(centis / 360000), minutes: Math.floor(centis / 6000) % 60, seconds: (centis % 6000) / 100 };
  }

  // CMITimespan (SCORM 1.2): HHHH:MM:SS.SS
  function timespan(ms) {
    const { hours, minutes, seconds } = clock(ms);
    const two = (n) => String(Math.floor(n)).padStart(2, '0');
    return two(hours) + ':' + two(minutes) + ':' + two(seconds) + '.' + seconds.toFixed(2).slice(-2);
  }

  // An ISO 8601 duration (SCORM 2004's timeinterval): PT#H#M#S, seconds to the hundredth.
  function duration(ms) {
    const { hours, minutes, seconds } = clock(ms);
    return `PT${hours}H${minutes}M${seconds.toFixed(2)}S`;
  }

  // The statuses of the combined rule (final check: incomplete, then passed or failed) from least
  // to most done.
  function statusRank(status) {
    return { passed: 3, completed: 3, failed: 2, incomplete: 1 }[status] ?? 0;
  }

  // What differs between the two standards: the API's name and calls, and the data model's
  // elements. `status(get)` reads the combined status the LMS holds; `report(set, status)` writes
  // a new one.
  const standards = [
    {
      name: 'SCORM 2004',
      global: 'API_1484_11',
      calls: { initialize: 'Initialize', get: 'GetValue', set: 'SetValue', commit: 'Commit', finish: 'Terminate', lastError: 'GetLastError' },
      alreadyInitialized: '103',
      suspendLimit: 64000,  // SPM of cmi.suspend_data, 4th edition
      entry: 'cmi.entry',
      suspend: 'cmi.suspend_data',
      location: 'cmi.location',
      exit: 'cmi.exit',
      sessionTime: 'cmi.session_time',
      elapsed: duration,
      score: 'cmi.score',
      mastery: { element: 'cmi.scaled_passing_score', percent: 100 },  // the manifest's minNormalizedMeasure, 0 to 1
      status(get) {
        const success = get('cmi.success_status');
        if (success === 'passed' || success === 'failed') return success;
        return get('cmi.completion_status');
      },
      scaledScore: 'cmi.score.scaled',
      report(set, status) {
        set('cmi.completion_status', status === 'incomplete' ? 'incomplete' : 'completed');
        set('cmi.success_status', status === 'incomplete' ? 'unknown' : status);
      },
    },
    {
      name: 'SCORM 1.2',
      global: 'API',
      calls: { initialize: 'LMSInitialize', get: 'LMSGetValue', set: 'LMSSetValue', commit: 'LMSCommit', finish: 'LMSFinish', lastError: 'LMSGetLastError' },
      alreadyInitialized: '101',
      suspendLimit,
      entry: 'cmi.core.entry',
      suspend: 'cmi.suspend_data',
      location: 'cmi.core.lesson_location',
      exit: 'cmi.core.exit',
      sessionTime: 'cmi.core.session_time',
      elapsed: timespan,
      score: 'cmi.core.score',
      mastery: { element: 'cmi.student_data.mastery_score', percent: 1 },
      scaledScore: null,
      status: (get) => get('cmi.core.lesson_status'),
      report: (set, status) => set('cmi.core.lesson_status', status),
    },
  ];

  // ADL's discovery: the standard's API object on this window or an ancestor, then on the opener's.
  // A frame of another origin throws on access: skip it and keep climbing.
  function apiIn(start, standard) {
    let win = start;
    for (let hops = 0; win && hops < 16; ++hops) {
      try {
        const api = win[standard.global];
        if (api && typeof api[standard.calls.initialize] === 'function') return api;
      } catch { /* cross-origin frame */ }
      let parent = null;
      try { parent = win.parent; } catch { /* detached */ }
      if (!parent || parent === win) break;
      win = parent;
    }
    return null;
  }

  // The newer standard first, as ADL advises an SCO that speaks both: {standard, api} or null.
  function findApi() {
    const openers = [];
    try { if (window.opener) openers.push(window.opener); } catch { /* cross-origin */ }
    try { if (window.top && window.top.opener) openers.push(window.top.opener); } catch { /* cross-origin */ }
    for (const standard of standards) {
      for (const start of [window, ...openers]) {
        const api = apiIn(start, standard);
        if (api) return { standard, api };
      }
    }
    return null;
  }

  function lmsStore(standard, api, resumed) {
    const startedAt = Date.now();
    const call = (name, ...args) => api[standard.calls[name]](...args);
    const get = (element) => {
      try { return String(call('get', element) ?? ''); } catch { return ''; }
    };
    const set = (element, value) => {
      try { return yes(call('set', element, String(value))); } catch { return false; }
    };
    let open = true;        // until LMSFinish / Terminate
    let keep = false;       // a reload of ours is coming: commit, but do not finish the session
    let last = { suspend: null, location: null, status: null, raw: null, answers: null };
    const masteryText = get(standard.mastery.element);
    const mastery = masteryText !== '' && Number.isFinite(Number(masteryText)) ? standard.mastery.percent * Number(masteryText) : defaultMastery;

    const status = standard.status(get);
    if (statusRank(status) === 0) standard.report(set, 'incomplete');  // not attempted, unknown
    // A status the LMS already holds (an earlier attempt, an instructor's) is never lowered by
    // this session's: "passed" stays passed even when this session's check is not finished.
    const rankOnEntry = statusRank(status);
    set(standard.score + '.min', 0);
    set(standard.score + '.max', 100);
    set(standard.exit, 'suspend');  // keep suspend_data for the next launch

    function commit() {
      if (!open) return;
      try { call('commit', ''); } catch { /* the LMS will have what it has */ }
    }

    return {
      kind: 'lms',
      mastery,
      resumed,
      load() {
        const record = decode(get(standard.suspend));
        if (record && record.dropped.length > 0) {
          console.info('loopstep: the edited code of chapter(s) ' + record.dropped.map((i) => i + 1).join(', ') +
                       ` did not fit in the LMS's ${standard.suspendLimit} characters and was not saved`);
        }
        return record;
      },
      // Every change lands in the runtime's copy; the LMS hears of it (LMSCommit) at milestones:
      // another chapter, an answer, a new status or score.
      save(state) {
        if (!open) return;
        let milestone = false;
        const suspend = encode(state, standard.suspendLimit);
        if (suspend !== last.suspend && set(standard.suspend, suspend)) last.suspend = suspend;
        const location = String(state.chapter);
        if (location !== last.location) {
          milestone = last.location !== null;
          if (set(standard.location, location)) last.location = location;
        }
        const answers = JSON.stringify(state.saved.map((progress) => progress.answers));
        if (last.answers !== null && answers !== last.answers) milestone = true;
        last.answers = answers;
        const score = state.score || { right: 0, answered: 0, total: 0 };
        const complete = score.total > 0 && score.answered === score.total;
        const raw = complete ? Math.round((100 * score.right) / score.total) : null;
        const lessonStatus = !complete ? 'incomplete' : raw >= mastery ? 'passed' : 'failed';
        if (raw !== null && raw !== last.raw && set(standard.score + '.raw', raw)) {
          if (standard.scaledScore) set(standard.scaledScore, raw / 100);
          last.raw = raw;
          milestone = true;
        }
        if (lessonStatus !== last.status && statusRank(lessonStatus) >= rankOnEntry) {
          standard.report(set, lessonStatus);
          last.status = lessonStatus;
          milestone = true;
        }
        if (milestone) commit();
      },
      commit,
      finish() {
        if (!open) return;
        set(standard.sessionTime, standard.elapsed(Date.now() - startedAt));
        commit();
        if (keep) return;
        open = false;
        try { call('finish', ''); } catch { /* the page is going anyway */ }
      },
      // The page is about to reload itself (WebGL context restored): the API lives on in the
      // LMS's frame, so leave the session open for the reloaded page to carry on with.
      keepSession() {
        keep = true;
        commit();
      },
    };
  }

  // --- the LMS: cmi5 -------------------------------------------------------------------------
  // A cmi5 launch has the spec's five launch parameters in the URL. Its runtime is @xapi/cmi5's
  // browser bundle (cmi5.js, which the cmi5 package carries): the token from the fetch URL,
  // LMS.LaunchData, the learner's preferences and every statement's context. The saved progress is
  // a State API document of our own beside LMS.LaunchData; it also remembers which of "completed",
  // "passed" and "failed" were sent: the first two may be sent once per registration, "failed"
  // never after "passed", and within a session at most one of "passed" and "failed". A check
  // already reported as failed is not reported again at the next launch.
  const cmi5Parameters = ['endpoint', 'fetch', 'actor', 'registration', 'activityId'];
  const cmi5Launch = cmi5Parameters.every((name) => asked.get(name));
  const cmi5StateId = 'https://w3id.org/loopstep/state/progress';
  const cmi5SuspendLimit = 32000;  // a page's keepalive requests (see below) share 64 KB

  function loadScript(src) {
    return new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = src;
      script.onload = resolve;
      script.onerror = () => reject(new Error(src + ' is not beside the page'));
      document.head.append(script);
    });
  }

  const ok = (response) => {
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response;
  };

  async function cmi5Store() {
    await loadScript('cmi5.js');
    // Every request leaves as a keepalive fetch, which outlives the page: a statement made just
    // before the learner closes it (and "terminated", made as it closes) still arrives. The LRS
    // orders statements by their timestamps, not by arrival.
    class PageCmi5 extends window.Cmi5 {
      sendXapiStatement(statement, options) {
        return lrs('statements', {}, 'POST', options && options.transform ? options.transform(statement) : statement).then(ok);
      }
    }
    const cmi5 = new PageCmi5();
    const launch = cmi5.getLaunchParameters();
    // The page reloading itself (keepSession) carries the session on: the fetch URL gives a
    // token once, and "initialized" is sent once a session.
    const carriedKey = 'loopstep.cmi5-session:' + launch.registration;
    let carried = null;
    try {
      carried = JSON.parse(window.sessionStorage.getItem(carriedKey));
      window.sessionStorage.removeItem(carriedKey);
    } catch { /* storage off: a fresh session */ }
    try {
      // The token, LMS.LaunchData, the learner's preferences, then "initialized" (not when carried on).
      await cmi5.initialize(carried ? { authToken: carried.authToken, initializedDate: new Date(carried.initializedDate) } : undefined);
    } catch (error) {
      // A fetch URL answers a second call with an error instead of a token (the spec's 8.2.3).
      if (!cmi5.getAuthToken()) throw new Error('the LMS gave no access token: this launch link was used already or has expired; open the lesson again from the course');
      throw error;
    }
    const launchData = cmi5.getLaunchData();
    function lrs(resource, query, method, body) {
      const url = new URL(resource, launch.endpoint.replace(/\/?$/, '/'));
      for (const [name, value] of Object.entries(query)) url.searchParams.set(name, typeof value === 'string' ? value : JSON.stringify(value));
      return fetch(url, { method, keepalive: true, body: body === undefined ? undefined : JSON.stringify(body),
                          headers: { Authorization: 'Basic ' + cmi5.getAuthToken(), 'X-Experience-API-Version': '1.0.3',
                                     'Content-Type': 'application/json' } });
    }
    const progressDocument = { agent: launch.actor, activityId: launch.activityId, registration: launch.registration, stateId: cmi5StateId };
    let kept = null;
    try {
      const response = await lrs('activities/state', progressDocument, 'GET');
      if (response.ok) kept = await response.json();
    } catch { /* none yet, or unreadable: a fresh start */ }
    if (!kept || typeof kept !== 'object') kept = null;

    // Browse and Review launches record nothing about success or completion (the spec's 10.2.2).
    const judged = launchData.launchMode === 'Normal';
    const mastery = typeof launchData.masteryScore === 'number' ? 100 * launchData.masteryScore : defaultMastery;
    const sent = { completed: !!(kept && kept.completed), passed: !!(kept && kept.passed), failed: !!(kept && kept.failed) };
    let judgedThisSession = !!(carried && carried.judged);
    // A page that is going away sees its keepalive requests fail although they go on: say nothing then.
    let pageGone = false;
    window.addEventListener('pagehide', () => { pageGone = true; });
    const reported = (request, what) => request.catch((error) => {
      if (!pageGone) console.warn(`loopstep: the LRS refused ${what}:`, error.message);
    });
    const send = (statement) => reported(statement, 'a statement');
    let open = true;
    let keep = false;
    const last = { suspend: kept && typeof kept.suspend === 'string' ? kept.suspend : null, location: null, answers: null };
    let stored = JSON.stringify(kept);

    function commit() {
      if (!open || last.suspend === null) return;
      const record = JSON.stringify({ suspend: last.suspend, ...sent });
      if (record === stored) return;
      stored = record;
      reported(lrs('activities/state', progressDocument, 'PUT', JSON.parse(record)).then(ok), 'the progress');
    }

    return {
      kind: 'lms',
      mastery,
      resumed: kept !== null,
      returnUrl: launchData.returnURL || null,
      load: () => (last.suspend === null ? null : decode(last.suspend)),
      save(state) {
        if (!open) return;
        last.suspend = encode(state, cmi5SuspendLimit);
        let milestone = false;
        const location = String(state.chapter);
        if (location !== last.location) milestone = last.location !== null;
        last.location = location;
        const answers = JSON.stringify(state.saved.map((progress) => progress.answers));
        if (last.answers !== null && answers !== last.answers) milestone = true;
        last.answers = answers;
        const score = state.score || { right: 0, answered: 0, total: 0 };
        if (judged && score.total > 0 && score.answered === score.total) {
          const raw = Math.round((100 * score.right) / score.total);
          if (!sent.completed) {
            sent.completed = true;
            send(cmi5.complete());
            milestone = true;
          }
          const passed = raw >= mastery;
          if (!sent.passed && !judgedThisSession && (passed || !sent.failed)) {
            judgedThisSession = true;
            sent[passed ? 'passed' : 'failed'] = true;
            const result = { scaled: raw / 100, raw, min: 0, max: 100 };
            send(passed ? cmi5.pass(result) : cmi5.fail(result));
            milestone = true;
          }
        }
        if (milestone) commit();
      },
      commit,
      // "terminated": the session's last statement. Resolves once the LRS has it (or refused it).
      async finish() {
        if (!open) return;
        commit();
        if (keep) return;
        open = false;
        await send(cmi5.terminate());
      },
      keepSession() {
        keep = true;
        commit();
        try {
          window.sessionStorage.setItem(carriedKey, JSON.stringify({
            authToken: cmi5.getAuthToken(), initializedDate: cmi5.getInitializedDate().toISOString(), judged: judgedThisSession }));
        } catch { /* storage off: the reloaded page starts a session of its own */ }
      },
    };
  }

  async function connect() {
    if (cmi5Launch) {
      try {
        return await cmi5Store();
      } catch (error) {
        window.loopstepNotice.show('The course\'s learning record store could not be reached (' + error.message +
                                   '); your progress stays in this browser.');
        return localStore();
      }
    }
    const framed = window.parent !== window;
    let hasOpener = false;
    try { hasOpener = !!window.opener; } catch { hasOpener = true; }
    let found = findApi();
    // Only a framed or opened page can have an LMS around it; a top-level page does not wait.
    for (let attempt = 1; !found && (framed || hasOpener) && attempt < findAttempts; ++attempt) {
      await new Promise((resolve) => setTimeout(resolve, findIntervalMs));
      found = findApi();
    }
    if (!found) return localStore();
    const { standard, api } = found;
    let started = false;
    try {
      started = yes(api[standard.calls.initialize](''));
      // Already initialised, by this page before it reloaded itself (see keepSession).
      if (!started) started = String(api[standard.calls.lastError]()) === standard.alreadyInitialized;
    } catch {
      started = false;
    }
    if (!started) {
      console.warn(`loopstep: the LMS (${standard.name}) did not start a session; progress stays in this browser`);
      return localStore();
    }
    let entry = '';
    try { entry = String(api[standard.calls.get](standard.entry) ?? ''); } catch { /* optional */ }
    return lmsStore(standard, api, entry === 'resume');
  }

  const ready = connect().catch(() => localStore());
  return { ready, encode, decode, timespan, duration, suspendLimit, storageKey, lessonSource };
})();

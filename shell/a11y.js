// The lesson as real HTML beside the canvas, for screen readers and keyboard users (the canvas is
// invisible to assistive technology): the chapter's text, the code, the controls as buttons, the
// tasks as a table (a chosen task's frames and locals as tables), the event loop's ready queue,
// timers and futures as lists, the timeline as a table, the questions as radio groups, and a live
// region that reads each step's narration. It follows the app both ways through window.loopstep (shell/API.md) only.
// While it is open the canvas makes room for it (see followOpening).
'use strict';
window.loopstepA11y = (function () {
  const $ = (id) => document.getElementById(id);
  const make = (tag, props, children) => {
    const node = Object.assign(document.createElement(tag), props || {});
    for (const child of children || []) node.append(child);
    return node;
  };

  // Styled spans (the lesson's inline markup) as strong / em / code elements.
  function richText(spans) {
    return spans.map((span) => {
      if (span.style === 'strong') return make('strong', { textContent: span.text });
      if (span.style === 'emphasis') return make('em', { textContent: span.text });
      if (span.style === 'code') return make('code', { textContent: span.text });
      return document.createTextNode(span.text);
    });
  }

  function renderLesson(chapter) {
    const article = $('a11y-lesson');
    article.replaceChildren(make('h1', { id: 'a11y-title', textContent: chapter.title }));
    let list = null;
    for (const block of chapter.blocks) {
      if (block.kind !== 'bullet') list = null;
      if (block.kind === 'heading') article.append(make('h2', {}, richText(block.text)));
      else if (block.kind === 'paragraph') article.append(make('p', {}, richText(block.text)));
      else if (block.kind === 'code') article.append(make('pre', { tabIndex: 0 }, [make('code', { textContent: block.code })]));
      else {
        if (!list) article.append(list = make('ul'));
        list.append(make('li', {}, richText(block.text)));
      }
    }
  }

  function renderParams(api, chapter, state) {
    const box = $('a11y-params');
    box.replaceChildren();
    for (const param of chapter.params) {
      const id = 'a11y-param-' + param.name;
      const input = make('input', { type: 'range', id, min: param.min, max: param.max, value: state.params[param.name] });
      const output = make('output', { htmlFor: id, textContent: state.params[param.name] });
      input.addEventListener('change', () => { output.textContent = input.value; api.setParam(param.name, Number(input.value)); });
      box.append(make('p', {}, [make('label', { htmlFor: id, textContent: param.label + ' ' }), input, ' ', output]));
    }
  }

  // The chapter's formulas at the sliders' values (state.formulas), under the sliders.
  function renderFormulas(state) {
    const box = $('a11y-params');
    let list = $('a11y-formulas');
    if (state.formulas.length === 0) return list?.remove();
    if (!list) box.append(list = make('ul', { id: 'a11y-formulas' }));
    const wanted = state.formulas.join('\n');
    if (list.dataset.shown === wanted) return;
    list.dataset.shown = wanted;
    list.replaceChildren(...state.formulas.map((formula) => make('li', { textContent: formula })));
  }

  function renderQuestions(api, chapter) {
    const box = $('a11y-questions');
    box.replaceChildren();
    if (chapter.questions.length === 0) return;
    box.append(make('h2', { textContent: chapter.finalCheck ? 'Final check' : 'Check your understanding' }));
    chapter.questions.forEach((question, q) => {
      const fieldset = make('fieldset', { id: 'a11y-question-' + q }, [make('legend', {}, [`Question ${q + 1}: `, ...richText(question.prompt)])]);
      question.options.forEach((option, o) => {
        const id = `a11y-q${q}-o${o}`;
        const radio = make('input', { type: 'radio', name: 'a11y-q' + q, id, value: o });
        // Arrow keys select as they move, so the final check (first answers count) waits for its button.
        if (!chapter.finalCheck) radio.addEventListener('change', () => renderAnswers(api.answer(q, o)));
        fieldset.append(make('div', {}, [radio, make('label', { htmlFor: id }, richText(option))]));
      });
      if (chapter.finalCheck) {
        const submit = make('button', { type: 'button', id: `a11y-q${q}-check`, textContent: 'Check my answer' });
        submit.addEventListener('click', () => {
          const chosen = fieldset.querySelector('input:checked');
          if (chosen) renderAnswers(api.answer(q, Number(chosen.value)));
        });
        fieldset.append(submit);
      }
      fieldset.append(make('p', { className: 'feedback', id: `a11y-q${q}-feedback` }));
      fieldset.dataset.feedback = JSON.stringify(question.feedback);
      box.append(fieldset);
    });
    box.append(make('p', { id: 'a11y-score', role: 'status' }));
  }

  function renderAnswers(state) {
    state.answers.forEach((answer, q) => {
      const fieldset = $('a11y-question-' + q);
      if (!fieldset) return;
      for (const radio of fieldset.querySelectorAll('input')) {
        if (answer.chosen >= 0) radio.checked = Number(radio.value) === answer.chosen;
        radio.disabled = answer.locked && !radio.checked;  // the final check counts first answers
      }
      const submit = $(`a11y-q${q}-check`);
      if (submit) submit.disabled = answer.locked;
      const feedback = $(`a11y-q${q}-feedback`);
      if (answer.chosen < 0) { feedback.replaceChildren(); return; }
      feedback.replaceChildren(make('strong', { textContent: answer.correct ? 'Right. ' : 'Not quite. ' }),
                               ...richText(JSON.parse(fieldset.dataset.feedback)));
    });
    const score = $('a11y-score');
    if (score && state.chapters[state.chapter].finalCheck) {
      score.textContent = state.score.answered < state.score.total
        ? `${state.score.answered} of ${state.score.total} answered.`
        : `Your score: ${state.score.right} of ${state.score.total}.`;
    }
  }

  // A tasks table's rows, each with a button that shows that task's frames below the table
  // (again: hides them); `compared`: the label of the run beside, whose tasks these are.
  function taskRows(api, tasks, selected, compared = null) {
    return tasks.map((task, index) => {
      const shown = index === selected;
      const button = make('button', { type: 'button', textContent: shown ? 'Hide' : 'Show' });
      button.dataset[compared ? 'comparedTask' : 'task'] = String(index);
      button.setAttribute('aria-pressed', String(shown));
      button.setAttribute('aria-label', `${shown ? 'Hide' : 'Show'} frames of ${task.name}${compared ? ` in ${compared}` : ''}`);
      button.addEventListener('click', () => api.selectTask(shown ? -1 : index, compared !== null));
      return make('tr', {}, [
        make('th', { scope: 'row', textContent: task.name }),
        make('td', { textContent: task.state }),
        make('td', { textContent: task.line > 0 ? String(task.line) : '' }),
        make('td', { textContent: task.detail }),
        make('td', {}, [button]),
      ]);
    });
  }

  // The button that had the focus keeps it when the table is redrawn.
  function renderTasks(api, state) {
    const body = $('a11y-tasks').tBodies[0];
    const focused = document.activeElement && document.activeElement.dataset.task;
    body.replaceChildren(...taskRows(api, state.tasks, state.selectedTask));
    if (focused !== undefined) body.querySelector(`button[data-task="${focused}"]`)?.focus();
  }

  // The selected task's frames, innermost first: one table a frame, its locals as rows.
  function renderFrames(state) {
    const box = $('a11y-frames');
    const shown = state.frames;
    if (!shown) {
      box.replaceChildren(make('p', { textContent: state.tasks.length
        ? 'Choose Show in a task\'s row to see its frames and local variables.' : '' }));
      return;
    }
    const whose = state.compare ? ` in ${state.compare.selectedTask >= 0 ? state.compare.label : state.compare.mainLabel}` : '';
    const parts = [make('h3', { id: 'a11y-frames-heading', textContent: `Frames of ${shown.task}${whose} (${shown.state})` })];
    if (shown.outcome) parts.push(make('p', { textContent: `It ended: ${shown.outcome}` }));
    shown.frames.forEach((frame, depth) => {
      const where = depth === 0 ? 'innermost frame' : `frame ${depth + 1}`;
      const paused = frame.paused ? (depth === 0 ? `, waits on ${frame.paused}` : `, awaits ${frame.paused}`) : '';
      const rows = frame.locals.map((local) => make('tr', {}, [
        make('th', { scope: 'row', textContent: local.name }),
        make('td', {}, [make('code', { textContent: local.value })]),
        make('td', { textContent: local.changed ? 'changed' : '' }),
      ]));
      if (rows.length === 0) rows.push(make('tr', {}, [make('td', { colSpan: 3, textContent: 'no local variables' })]));
      parts.push(make('table', { className: 'a11y-frame' }, [
        make('caption', { textContent: `${where}: ${frame.call} at line ${frame.line}${paused}` }),
        make('thead', {}, [make('tr', {}, ['Variable', 'Value', 'Since the last step'].map((text) => make('th', { scope: 'col', textContent: text })))]),
        make('tbody', {}, rows),
      ]));
    });
    box.replaceChildren(...parts);
  }

  // The loop panel's three lists, in the canvas's words (state().loop). A list with a heading
  // that counts it, as the canvas titles them; an empty one says so in a paragraph.
  function loopList(id, title, tag, entries, empty) {
    const heading = make('h4', { id: id + '-heading', textContent: `${title} (${entries.length})` });
    if (entries.length === 0) return [heading, make('p', { id, textContent: empty })];
    const list = make(tag, { id }, entries.map((entry) => make('li', { textContent: entry.text })));
    list.setAttribute('aria-labelledby', heading.id);
    return [heading, list];
  }

  // The program's Queues, Events and Locks (state().syncObjects), a list item each in the canvas's
  // words: what it is, its state, who waits on it. Only when the program has made one, as on the canvas.
  function syncList(objects) {
    if (objects.length === 0) return [];
    const entries = objects.map((object) => ({ text: `${object.heading} — ${[object.state, ...object.waits].join('; ')}` }));
    return loopList('a11y-sync', 'Queues, events and locks', 'ul', entries, '');
  }

  function renderLoop(state) {
    const loop = state.loop;
    $('a11y-loop').replaceChildren(
      ...loopList('a11y-ready', 'Ready queue', 'ol', loop.ready, 'Empty: the loop waits for the next timer.'),
      ...loopList('a11y-timers', 'Timers', 'ul', loop.timers, 'No timers are set.'),
      ...loopList('a11y-futures', 'Pending futures', 'ul', loop.futures, 'No task awaits a future.'),
      ...syncList(state.syncObjects));
  }

  // The timeline panel as a table, one row a task: what it has done up to the cursor, in order.
  function timelineTable(id, timeline, caption) {
    const rows = timeline.map((task) => {
      const parts = task.parts.map((part) => make('li', { textContent: part.text }));
      const cell = make('td', {}, [make('ol', {}, parts)]);
      if (task.omitted > 0) cell.prepend(make('p', { textContent: `${task.omitted} earlier parts left out; the last ${task.parts.length}:` }));
      return make('tr', {}, [make('th', { scope: 'row', textContent: task.task }), cell]);
    });
    return make('table', { id }, [
      make('caption', { textContent: caption }),
      make('thead', {}, [make('tr', {}, ['Task', 'What it has done, in order'].map((text) => make('th', { scope: 'col', textContent: text })))]),
      make('tbody', {}, rows),
    ]);
  }

  function renderTimeline(state) {
    const box = $('a11y-timeline');
    if (state.timeline.length === 0) {
      box.replaceChildren(make('p', { textContent: state.step === 0 ? 'Nothing has happened yet.' : 'No tasks in this run.' }));
      return;
    }
    const clock = `${state.clock.toFixed(1)} ${state.timeUnit}`;
    const whose = state.compare ? ` in ${state.compare.mainLabel}` : '';
    box.replaceChildren(timelineTable('a11y-timeline-table', state.timeline, `What each task${whose} has done by ${clock}`));
  }

  // Two runs side by side (state.compare): the other program, its tasks, output and timeline at
  // the same clock, below the main run's.
  function renderCompare(api, state) {
    const section = $('a11y-compare');
    const other = state.compare;
    section.hidden = !other;
    $('a11y-program-heading').textContent = other ? `The program: ${other.mainLabel}` : 'The program';
    if (!other) return $('a11y-compare-body').replaceChildren();
    const unit = state.timeUnit;
    $('a11y-compare-heading').textContent = `${other.label}, run beside it on the same clock`;
    const done = other.tasks.length > 0 && other.tasks.every((task) => ['done', 'failed', 'cancelled'].includes(task.state));
    const parts = [
      make('p', { textContent: `${other.label} at ${state.clock.toFixed(1)} ${unit}${done ? `: done after ${other.clock.toFixed(1)} ${unit}` : ''}.` }),
      make('pre', { tabIndex: 0, ariaLabel: `The program ${other.label}` }, [make('code', { textContent: other.code })]),
      make('table', { id: 'a11y-compare-tasks' }, [
        make('caption', { textContent: `Tasks of ${other.label}` }),
        make('thead', {}, [make('tr', {}, ['Task', 'State', 'Line', 'Waiting on or result', 'Frames'].map((text) => make('th', { scope: 'col', textContent: text })))]),
        make('tbody', {}, taskRows(api, other.tasks, other.selectedTask, other.label)),  // Show: its frames in the frames section above
      ]),
      make('h4', { textContent: `Output of ${other.label}` }),
      make('pre', { id: 'a11y-compare-output', tabIndex: 0, ariaLabel: `Output of ${other.label}`, textContent: other.output || '(nothing printed yet)' }),
      timelineTable('a11y-compare-timeline', other.timeline, `What each task in ${other.label} has done by ${state.clock.toFixed(1)} ${unit}`),
    ];
    if (other.error) parts.push(make('p', { textContent: `${other.label} stopped with ${other.error.kind} at line ${other.error.line}: ${other.error.message}` }));
    const focused = document.activeElement?.dataset.comparedTask;
    $('a11y-compare-body').replaceChildren(...parts);
    if (focused !== undefined) $('a11y-compare-body').querySelector(`button[data-compared-task="${focused}"]`)?.focus();
  }

  // The prediction the run waits at (state.prediction): its choices as a radio group with a
  // button (arrow keys select as they move), then the verdict, read out once made.
  function renderPrediction(api, state) {
    const box = $('a11y-prediction');
    const prediction = state.prediction;
    const key = prediction ? `${state.chapter}:${state.step}:${prediction.index}:${prediction.waiting}` : '';
    if (box.dataset.shown === key) return;
    box.dataset.shown = key;
    box.hidden = !prediction;
    if (!prediction) return box.replaceChildren();
    const legend = make('legend', {}, [prediction.waiting ? 'Predict, then see: ' : 'Your prediction: ', ...richText(prediction.prompt)]);
    const fieldset = make('fieldset', { id: 'a11y-prediction-choices' }, [legend]);
    prediction.options.forEach((option, o) => {
      const id = `a11y-predict-${o}`;
      const radio = make('input', { type: 'radio', name: 'a11y-predict', id, value: o, disabled: !prediction.waiting,
                                    checked: !prediction.waiting && option === prediction.chosen });
      fieldset.append(make('div', {}, [radio, make('label', { htmlFor: id, textContent: option })]));
    });
    if (prediction.waiting) {
      const submit = make('button', { type: 'button', id: 'a11y-predict-check', textContent: 'Check my prediction' });
      submit.addEventListener('click', () => {
        const chosen = fieldset.querySelector('input:checked');
        if (!chosen) return;
        renderPrediction(api, api.predict(Number(chosen.value)));
        $('a11y-prediction-verdict').focus();  // the verdict is read out where the choices were
      });
      fieldset.append(submit);
    }
    const verdict = make('p', { id: 'a11y-prediction-verdict', tabIndex: -1, role: 'status' });
    if (!prediction.waiting) verdict.append(make('strong', { textContent: prediction.verdict + ' ' }), ...richText(prediction.feedback));
    box.replaceChildren(fieldset, verdict);
  }

  function renderRun(api, state) {
    const stepName = state.stepBy === 'line' ? 'line step' : 'step';
    $('a11y-clock').textContent = `Clock ${state.clock.toFixed(1)} ${state.timeUnit}, ${stepName} ${state.step} of ${state.steps}.`;
    $('a11y-lines').checked = state.stepBy === 'line';
    $('a11y-lines').disabled = state.lineSteps === 0;
    const narration = $('a11y-narration');
    if (narration.textContent !== state.narration) narration.textContent = state.narration;
    $('a11y-output').textContent = state.output || '(nothing printed yet)';
    // As the canvas says it below the output: the seed of an unseeded `random`, and New seed.
    const seed = state.randomSeed;
    $('a11y-seed').hidden = seed === null;
    const seedText = seed === null ? '' : `random was not seeded: this run used seed ${seed} (random.seed(${seed}) repeats it)`;
    if ($('a11y-seed-text').textContent !== seedText) $('a11y-seed-text').textContent = seedText;  // read out when it changes
    $('a11y-play').textContent = state.playing ? 'Pause' : 'Play';
    // A focused button that gets disabled (Step forward at the end) would drop the focus, and the
    // text version would close under the learner: the focus goes to the way back (or forward).
    const atStart = state.step === 0, atEnd = state.step >= state.steps;
    const focused = document.activeElement?.id;
    if (atEnd && !atStart && (focused === 'a11y-step' || focused === 'a11y-end')) $('a11y-back').focus();
    if (atStart && !atEnd && (focused === 'a11y-back' || focused === 'a11y-start')) $('a11y-step').focus();
    $('a11y-back').disabled = $('a11y-start').disabled = atStart;
    $('a11y-step').disabled = $('a11y-end').disabled = atEnd;
    renderPrediction(api, state);
    // Step forward and Play wait for a prediction: a focus on them moves to its choices.
    const waiting = Boolean(state.prediction?.waiting);
    if (waiting && (focused === 'a11y-step' || focused === 'a11y-play')) $('a11y-predict-0')?.focus();
    $('a11y-step').disabled = atEnd || waiting;
    $('a11y-play').disabled = waiting;
    renderTasks(api, state);
    renderFrames(state);
    renderLoop(state);
    renderTimeline(state);
    renderCompare(api, state);
    const error = state.error;
    $('a11y-error').textContent = error
      ? `${error.kind} at line ${error.line}${error.column ? ', column ' + error.column : ''}: ${error.message}` : '';
  }

  function renderChapterNav(state) {
    const select = $('a11y-chapter');
    if (select.options.length !== state.chapters.length) {
      select.replaceChildren(...state.chapters.map((chapter, i) => make('option', { value: i, textContent: `${i + 1}. ${chapter.title}` })));
    }
    select.value = String(state.chapter);
    $('a11y-prev').disabled = state.chapter === 0;
    $('a11y-next').disabled = state.chapter + 1 >= state.chapters.length;
  }

  // Each control acts through the API and shows the state it returns at once (the canvas
  // reports its own changes at the end of its next frame).
  function wire(api, render) {
    const on = (id, action) => $(id).addEventListener('click', () => render(action()));
    on('a11y-prev', () => api.goToChapter(api.state().chapter - 1));
    on('a11y-next', () => api.goToChapter(api.state().chapter + 1));
    $('a11y-chapter').addEventListener('change', (event) => render(api.goToChapter(Number(event.target.value))));
    on('a11y-start', () => api.restart());
    on('a11y-back', () => api.back());
    on('a11y-step', () => api.step());
    on('a11y-end', () => api.toEnd());
    on('a11y-play', () => (api.state().playing ? api.pause() : api.play()));
    on('a11y-new-seed', () => api.newSeed());
    $('a11y-save-run').addEventListener('click', () => api.saveRunReport()
      .catch((error) => window.loopstepNotice.show('The run could not be saved: ' + error.message)));
    $('a11y-run').addEventListener('click', () => {
      try {
        render(api.runCode($('a11y-editor').value));
      } catch (error) {  // refused before it ran (shell/api.js): say why where the errors are said
        $('a11y-error').textContent = error.message;
      }
    });
    on('a11y-smaller', () => { const d = api.state().display; api.setDisplay({ ...d, textScale: d.textScale - 0.1 }); });
    on('a11y-larger', () => { const d = api.state().display; api.setDisplay({ ...d, textScale: d.textScale + 0.1 }); });
    $('a11y-lines').addEventListener('change', (event) => render(api.setStepBy(event.target.checked ? 'line' : 'event')));
    $('a11y-contrast').addEventListener('change', (event) => render(api.setDisplay({ ...api.state().display, highContrast: event.target.checked })));
  }

  // SDL cancels Tab on the canvas (it would trap keyboard users there): let Tab reach the
  // browser before SDL's listener on the canvas sees it, so focus moves on as usual.
  function releaseTab() {
    const canvas = $('canvas');
    window.addEventListener('keydown', (event) => {
      if (event.key === 'Tab' && event.target === canvas) event.stopPropagation();
    }, true);
  }

  // While something in it has the focus (Tab from the canvas, the skip link, a click in it), the
  // text version is a column on the right and the canvas narrows to the rest, so the canvas's
  // right-hand panels stay in view beside it instead of under it (on a narrow screen the text
  // version is a page of its own: style.css). SDL sizes the canvas on the window's resize event
  // only: one is sent when the column comes or goes. A press on the canvas takes the focus from
  // the column: the canvas widens only once that click is over and drawn, not under it.
  let following = false;
  function followOpening() {
    if (following) return;
    following = true;
    const view = $('text-view');
    let pressing = false;
    const update = () => {
      const open = !view.hidden && view.matches(':focus-within');
      if (open === document.body.classList.contains('text-view-open') || (!open && pressing)) return;
      document.body.classList.toggle('text-view-open', open);
      window.dispatchEvent(new Event('resize'));
    };
    const afterTwoFrames = () => requestAnimationFrame(() => requestAnimationFrame(update));
    document.addEventListener('focusin', update);
    document.addEventListener('focusout', () => setTimeout(update, 0));  // the focus may be moving within it
    document.addEventListener('pointerdown', () => { pressing = true; }, true);
    for (const end of ['pointerup', 'pointercancel']) {
      document.addEventListener(end, () => { pressing = false; afterTwoFrames(); }, true);
    }
    document.querySelector('.skip-link').addEventListener('click', (event) => {
      if (view.hidden) return;
      event.preventDefault();  // no #text-view in the address: the page keeps its own fragment there
      view.focus();
    });
    $('a11y-close').addEventListener('click', () => $('canvas').focus());
    if (window.location.hash === '#text-view' && !view.hidden) view.focus();
  }

  // Before the wasm has started: the lesson's text (dist/lessons.js, generated at build time from
  // lessons/*.md by the app's own parser) with chapter navigation; the run's controls wait for the app.
  let previewing = false;
  function preview(chapters, first) {
    if (!Array.isArray(chapters) || chapters.length === 0) return;
    previewing = true;
    const waiting = $('text-view').querySelectorAll('section button, section input, section textarea');
    for (const control of waiting) control.disabled = true;
    $('a11y-error').textContent = 'The interactive part is still loading; the lesson text is ready.';
    const show = (index) => {
      if (!previewing) return;
      index = Math.max(0, Math.min(chapters.length - 1, index));
      renderLesson(chapters[index]);
      renderChapterNav({ chapter: index, chapters });
    };
    $('a11y-prev').addEventListener('click', () => show(Number($('a11y-chapter').value) - 1));
    $('a11y-next').addEventListener('click', () => show(Number($('a11y-chapter').value) + 1));
    $('a11y-chapter').addEventListener('change', (event) => show(Number(event.target.value)));
    show(Number.isInteger(first) ? first : 0);
    $('text-view').hidden = false;
    followOpening();
  }

  function endPreview() {
    if (!previewing) return;
    previewing = false;
    for (const control of $('text-view').querySelectorAll('section [disabled]')) control.disabled = false;
    $('a11y-error').textContent = '';
  }

  function start(api) {
    endPreview();
    releaseTab();
    followOpening();
    let shownChapter = -1;
    const render = (state) => {
      if (state.chapter !== shownChapter) {
        shownChapter = state.chapter;
        const chapter = api.chapter(state.chapter);
        renderLesson(chapter);
        renderParams(api, chapter, state);
        renderQuestions(api, chapter);
      }
      renderFormulas(state);
      renderChapterNav(state);
      renderRun(api, state);
      renderAnswers(state);
      const editor = $('a11y-editor');
      if (document.activeElement !== editor && editor.value !== state.code) editor.value = state.code;
      $('a11y-code').textContent = state.code;
      $('a11y-contrast').checked = state.display.highContrast;
      document.body.classList.toggle('high-contrast', state.display.highContrast);
    };
    wire(api, render);
    api.onChange(render);
    render(api.state());
    // The system's preferences are the starting point; the learner's choice then wins.
    if (window.matchMedia('(prefers-contrast: more)').matches && !api.state().display.highContrast) {
      api.setDisplay({ ...api.state().display, highContrast: true });
    }
  }

  return { preview, start };
})();

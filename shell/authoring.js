// An author's own chapters at run time (lessons/README.md): packaged into the page (a JSON block,
// #loopstep-lessons, that ./dev package --lessons writes), ?lesson=URL (same origin, or a server
// that allows it), ?lessons=URL of a listing of files (./dev author's, reopened as they change),
// or .md files chosen with the chapter picker's "Open a lesson file…" or dropped on the page.
// A file may hold several chapters (a pack). Problems go to the author, with file,
// line and what to fix, in a panel of their own; the chapters on screen stay until the files have
// none. Uses only window.loopstep (shell/API.md); loader.js starts it at the first frame.
'use strict';
window.loopstepAuthoring = (function () {
  const maxFileBytes = 512 * 1024;  // far above any chapter; keeps a wrong file from stalling the page
  const watchIntervalMs = 1000;
  let watching = false;  // a watched listing is asked again by one timer only

  function panel() {
    let box = document.getElementById('lesson-problems');
    if (!box) {
      box = document.createElement('section');
      box.id = 'lesson-problems';
      box.setAttribute('role', 'alert');
      box.setAttribute('aria-labelledby', 'lesson-problems-heading');
      document.body.prepend(box);
    }
    return box;
  }

  // The problems of the files tried last, or nothing when there are none.
  function report(problems, what) {
    const box = panel();
    box.replaceChildren();
    if (problems.length === 0) { box.hidden = true; return; }
    box.hidden = false;
    const heading = document.createElement('h2');
    heading.id = 'lesson-problems-heading';
    heading.textContent = `${what} cannot be shown yet: fix ${problems.length === 1 ? 'this' : 'these'} and load it again`;
    const list = document.createElement('ul');
    for (const { file, line, message } of problems) {
      const item = document.createElement('li');
      const place = document.createElement('code');
      place.textContent = line > 0 ? `${file}:${line}` : file;
      item.append(place, document.createTextNode(' ' + message));
      list.append(item);
    }
    const close = document.createElement('button');
    close.type = 'button';
    close.textContent = 'Close';
    close.addEventListener('click', () => { box.hidden = true; });
    box.append(heading, list, close);
  }

  // Files the page cannot hand to the module: reported like the module's own problems.
  function unreadable(file, text) {
    const bytes = new TextEncoder().encode(text).length;
    if (bytes > maxFileBytes) return `is ${bytes.toLocaleString('en')} bytes; a lesson file has at most ${maxFileBytes.toLocaleString('en')}`;
    if (text.includes('\0')) return 'is not a text file (it holds a NUL character)';
    return null;
  }

  function load(api, files, what) {
    const problems = files.flatMap(({ name, text }) => {
      const why = unreadable(name, text);
      return why ? [{ file: name, line: 0, message: why }] : [];
    });
    if (problems.length > 0) { report(problems, what); return api.state(); }
    const state = api.loadLessons(files);
    report(state.lessons.problems, what);
    return state;
  }

  async function fromUrl(api, url) {
    const what = `The lesson at ${url}`;
    const name = decodeURIComponent(new URL(url, window.location.href).pathname.split('/').pop()) || 'lesson.md';
    let text;
    try {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`the server answered ${response.status} ${response.statusText}`.trim());
      text = await response.text();
    } catch (error) {
      report([{ file: url, line: 0, message: `could not be fetched: ${error.message} (a lesson must come from this site, or from a server that allows it)` }], what);
      return api.state();
    }
    return load(api, [{ name, text }], what);
  }

  // A listing, {files: [NAME...], version, watch}: its files (beside it) as one set. With watch, it
  // is asked again every second and the files opened again when its version changes, at the
  // chapter the author was on (./dev author serves one).
  async function fromListing(api, url) {
    const what = 'The lessons';
    let listing;
    try {
      const response = await fetch(url, { cache: 'no-store' });
      if (!response.ok) throw new Error(`the server answered ${response.status} ${response.statusText}`.trim());
      listing = await response.json();
      if (!Array.isArray(listing.files)) throw new Error('it has no list of files');
      const texts = await Promise.all(listing.files.map(async (name) => {
        const file = await fetch(new URL(name, new URL(url, window.location.href)), { cache: 'no-store' });
        if (!file.ok) throw new Error(`${name}: the server answered ${file.status}`);
        return { name, text: await file.text() };
      }));
      const chapter = api.state().chapter;
      const state = load(api, texts, what);
      if (state.lessons.problems.length === 0 && chapter < state.chapters.length && chapter !== state.chapter) api.goToChapter(chapter);
    } catch (error) {
      report([{ file: url, line: 0, message: `could not be read: ${error.message}` }], what);
    }
    if (listing?.watch && !watching) {
      watching = true;
      let version = listing.version;
      setInterval(async () => {
        try {
          const now = await (await fetch(url, { cache: 'no-store' })).json();
          if (now.version !== version) { version = now.version; fromListing(api, url); }
        } catch { /* the author's server is restarting: ask again next time */ }
      }, watchIntervalMs);
    }
    return api.state();
  }

  async function fromFiles(api, fileList) {
    const chosen = [...fileList];
    if (chosen.length === 0) return api.state();
    const files = await Promise.all(chosen.map(async (file) => ({ name: file.name, text: await file.text() })));
    return load(api, files, chosen.length === 1 ? `The lesson ${chosen[0].name}` : 'These lessons');
  }

  function start(api, Module) {
    const picker = document.createElement('input');
    picker.type = 'file';
    picker.accept = '.md,.markdown,text/markdown,text/plain';
    picker.multiple = true;
    picker.hidden = true;
    picker.id = 'lesson-file';
    picker.addEventListener('change', () => { fromFiles(api, picker.files); picker.value = ''; });
    document.body.append(picker);
    Module.loopstepChooseLessonFiles = () => picker.click();
    // A file dragged over the page may be dropped anywhere on it.
    window.addEventListener('dragover', (event) => {
      if (event.dataTransfer && [...event.dataTransfer.types].includes('Files')) event.preventDefault();
    });
    window.addEventListener('drop', (event) => {
      if (!event.dataTransfer || event.dataTransfer.files.length === 0) return;
      event.preventDefault();
      fromFiles(api, event.dataTransfer.files);
    });
    // Lessons packaged into the page (./dev package --lessons), then a lesson by URL.
    const packaged = document.getElementById('loopstep-lessons');
    if (packaged) load(api, JSON.parse(packaged.textContent), 'The lessons in this package');
    const asked = new URLSearchParams(window.location.search);
    if (asked.has('lessons')) return fromListing(api, asked.get('lessons'));
    return asked.has('lesson') ? fromUrl(api, asked.get('lesson')) : Promise.resolve(api.state());
  }

  return { start, fromUrl, fromListing, fromFiles };
})();

// window.loopstepNotice: a problem the page met (a saved state it could not restore, code it
// refused, a failure inside the module), said in the page instead of only in the console. The
// lesson goes on; the note stays until dismissed.
'use strict';
window.loopstepNotice = (function () {
  const maxShown = 3;

  function area() {
    let box = document.getElementById('page-notices');
    if (!box) {
      box = document.createElement('div');
      box.id = 'page-notices';
      box.setAttribute('role', 'alert');
      document.body.prepend(box);
    }
    return box;
  }

  function show(text) {
    console.warn('loopstep:', text);
    const box = area();
    const note = document.createElement('p');
    note.className = 'page-notice';
    const words = document.createElement('span');
    words.textContent = String(text);
    const close = document.createElement('button');
    close.type = 'button';
    close.textContent = 'Dismiss';
    close.addEventListener('click', () => note.remove());
    note.append(words, close);
    box.append(note);
    while (box.children.length > maxShown) box.firstElementChild.remove();
  }

  return { show };
})();

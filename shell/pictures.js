// Pictures and pages to hand out (shell/API.md): the timeline or the frames panel at the cursor as
// SVG (the module draws them: web/model/timeline_svg.cpp, frames_svg.cpp) or as PNG (that SVG
// drawn on a canvas at twice its size), and the whole run as a printable HTML page
// (web/model/run_report.cpp). Saved as downloads from the timeline's and the frames panel's
// Save… menus, or made through window.loopstep (timelineSvg, timelinePng, saveTimeline,
// framesSvg, framesPng, saveFrames, runReport, saveRunReport). loader.js starts it at the first frame.
'use strict';
window.loopstepPictures = (function () {
  const pngScale = 2;  // sharp on a projector and on a high-density screen

  async function pngOf(svg, scale = pngScale) {
    const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
    try {
      const image = new Image();
      image.src = url;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = Math.round(image.naturalWidth * scale);
      canvas.height = Math.round(image.naturalHeight * scale);
      canvas.getContext('2d').drawImage(image, 0, 0, canvas.width, canvas.height);
      return await new Promise((resolve, reject) =>
        canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the picture could not be made'))), 'image/png'));
    } finally {
      URL.revokeObjectURL(url);
    }
  }

  // Saves a download named after the chapter and the step: loopstep-chapter2-step40-frames.png.
  function download(api, blob, what, extension) {
    const state = api.state();
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    const place = what === 'run' ? 'run' : `step${state.step}` + (what === 'timeline' ? '' : `-${what}`);
    link.download = `loopstep-chapter${state.chapter + 1}-${place}.${extension}`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 60000);  // the download has its copy by then
    return link.download;
  }

  // what: 'timeline' | 'frames' (format 'svg' | 'png') or 'run' (a printable HTML page).
  async function save(api, what, format) {
    if (what === 'run') return download(api, new Blob([api.runReport()], { type: 'text/html' }), 'run', 'html');
    const svg = what === 'frames' ? api.framesSvg() : api.timelineSvg();
    const blob = format === 'png' ? await pngOf(svg) : new Blob([svg], { type: 'image/svg+xml' });
    return download(api, blob, what, format === 'png' ? 'png' : 'svg');
  }

  function start(api, Module) {
    api.timelinePng = (scale) => pngOf(api.timelineSvg(), scale);
    api.framesPng = (scale) => pngOf(api.framesSvg(), scale);
    api.saveTimeline = (format) => save(api, 'timeline', format);
    api.saveFrames = (format) => save(api, 'frames', format);
    api.saveRunReport = () => save(api, 'run');
    Module.loopstepSave = (what, format) => save(api, what, format)
      .catch((error) => window.loopstepNotice.show('It could not be saved: ' + error.message));
  }

  return { start };
})();

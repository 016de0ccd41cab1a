// Pictures to hand out (shell/API.md): the timeline at the cursor as SVG (the module draws it:
// web/model/timeline_svg.cpp) or as PNG (that SVG drawn on a canvas at twice its size), saved as
// a download from the timeline's SVG and PNG buttons, or made through window.loopstep
// (timelineSvg, timelinePng, saveTimeline). loader.js starts it at the first frame.
'use strict';
window.loopstepPictures = (function () {
  const pngScale = 2;  // sharp on a projector and on a high-density screen

  async function timelinePng(api, scale = pngScale) {
    const url = URL.createObjectURL(new Blob([api.timelineSvg()], { type: 'image/svg+xml' }));
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

  // Saves the picture as a download named after the chapter and the step.
  async function saveTimeline(api, format) {
    const blob = format === 'png' ? await timelinePng(api) : new Blob([api.timelineSvg()], { type: 'image/svg+xml' });
    const state = api.state();
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `loopstep-chapter${state.chapter + 1}-step${state.step}.${format === 'png' ? 'png' : 'svg'}`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 60000);  // the download has its copy by then
    return link.download;
  }

  function start(api, Module) {
    api.timelinePng = (scale) => timelinePng(api, scale);
    api.saveTimeline = (format) => saveTimeline(api, format);
    Module.loopstepSaveTimeline = (format) => saveTimeline(api, format)
      .catch((error) => window.loopstepNotice.show('The picture could not be saved: ' + error.message));
  }

  return { start };
})();

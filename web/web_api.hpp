// Every call between the wasm module and the page (shell/api.js): EM_JS calls out and
// EMSCRIPTEN_KEEPALIVE exports in, all named loopstep_*, no-ops in a native build. The page's
// API built on them is documented in shell/API.md. Pairs with web_api.cpp.
#pragma once

namespace loopstep::web {

struct app_state;

// Lets the exports reach the app; called once by platform_sdl.cpp before the first frame.
void web_api_bind(app_state* app);
// Tells the page the first frame is on the canvas (it hides the loading text, restores progress).
void web_api_first_frame();
// Tells the page the app's state changed (once a frame at most); cheap when nothing changed.
void web_api_frame_done(const app_state& app);
// Whether a page is around the app (the browser build): the two calls below need it.
bool web_api_in_page();
// The page's file chooser for lesson files (an author's own chapters).
void web_api_choose_lesson_files();
// The page saves something to hand out (shell/pictures.js): `what` is "timeline" or "frames"
// (at the cursor) with `format` "svg" or "png", or "run" (the whole run as a printable page).
void web_api_save(const char* what, const char* format);

}  // namespace loopstep::web

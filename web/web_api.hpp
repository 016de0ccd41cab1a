// Every call between the wasm module and the page (shell/loader.js): EM_JS calls out and
// EMSCRIPTEN_KEEPALIVE exports in, all named loopstep_*, no-ops in a native build. Pairs with web_api.cpp.
#pragma once

namespace loopstep::web {

struct app_state;

// Lets the exports read the app; called once by platform_sdl.cpp before the first frame.
void web_api_bind(app_state* app);
// Tells the page the first frame is on the canvas (it hides the loading text).
void web_api_first_frame();

}  // namespace loopstep::web

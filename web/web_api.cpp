// The module's JS interface, one place for all of it (see web_api.hpp); the page's side is shell/loader.js.
#include "web_api.hpp"

#include "model/app_state.hpp"

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#define LOOPSTEP_EXPORT extern "C" EMSCRIPTEN_KEEPALIVE
#else
#define LOOPSTEP_EXPORT extern "C"
#endif

namespace {
loopstep::web::app_state* bound_app = nullptr;
}

#ifdef __EMSCRIPTEN__
// Calls Module.loopstepFirstFrame if the page defined it.
EM_JS(void, loopstep_js_first_frame, (), {
    if (typeof Module.loopstepFirstFrame === 'function') Module.loopstepFirstFrame();
});
#else
static void loopstep_js_first_frame() {}
#endif

namespace loopstep::web {

void web_api_bind(app_state* app) { bound_app = app; }
void web_api_first_frame() { loopstep_js_first_frame(); }

}  // namespace loopstep::web

// For the page and its browser tests: where the cursor is, and how far it can go.
LOOPSTEP_EXPORT unsigned loopstep_cursor() { return bound_app ? static_cast<unsigned>(bound_app->cursor) : 0; }
LOOPSTEP_EXPORT unsigned loopstep_event_count() {
    return bound_app ? static_cast<unsigned>(loopstep::web::event_count(*bound_app)) : 0;
}
LOOPSTEP_EXPORT void loopstep_seek(unsigned cursor) {
    if (bound_app) loopstep::web::seek(*bound_app, cursor);
}

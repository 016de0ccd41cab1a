// The module's JS interface, one place for all of it (see web_api.hpp); the page's side is
// shell/api.js, documented in shell/API.md.
#include "web_api.hpp"

#include <algorithm>
#include <cstdint>
#include <string>

#include "model/app_state.hpp"
#include "model/state_json.hpp"

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#define LOOPSTEP_EXPORT extern "C" EMSCRIPTEN_KEEPALIVE
#else
#define LOOPSTEP_EXPORT extern "C"
#endif

namespace {
loopstep::web::app_state* bound_app = nullptr;
std::uint64_t announced_revision = 0;
std::string state_text;  // loopstep_state_json's result lives until the next call
}  // namespace

#ifdef __EMSCRIPTEN__
EM_JS(void, loopstep_js_first_frame, (), {
    if (typeof Module.loopstepFirstFrame === 'function') Module.loopstepFirstFrame();
});
EM_JS(void, loopstep_js_changed, (), {
    if (typeof Module.loopstepChanged === 'function') Module.loopstepChanged();
});
#else
static void loopstep_js_first_frame() {}
static void loopstep_js_changed() {}
#endif

namespace loopstep::web {

void web_api_bind(app_state* app) { bound_app = app; }
void web_api_first_frame() { loopstep_js_first_frame(); }

void web_api_frame_done(const app_state& app) {
    if (app.revision == announced_revision) return;
    announced_revision = app.revision;
    loopstep_js_changed();
}

}  // namespace loopstep::web

// Reading: the whole state as JSON (shell/API.md lists its fields).
LOOPSTEP_EXPORT const char* loopstep_state_json() {
    state_text = bound_app ? loopstep::web::state_json(*bound_app) : std::string("null");
    return state_text.c_str();
}

LOOPSTEP_EXPORT const char* loopstep_chapter_json(int index) {
    state_text = bound_app && index >= 0 ? loopstep::web::chapter_json(*bound_app, static_cast<std::size_t>(index))
                                         : std::string("null");
    return state_text.c_str();
}

// Acting: each mirrors a control of the canvas.
LOOPSTEP_EXPORT void loopstep_go_to_chapter(int index) {
    if (bound_app && index >= 0) loopstep::web::open_chapter(*bound_app, static_cast<std::size_t>(index));
}
// A double, so that the page may pass any number (toEnd passes a huge one): clamped before converting.
LOOPSTEP_EXPORT void loopstep_seek(double step) {
    if (!bound_app) return;
    const double last = static_cast<double>(loopstep::web::event_count(*bound_app));
    loopstep::web::seek(*bound_app, static_cast<std::size_t>(step <= 0 || step != step ? 0 : std::min(step, last)));
}
LOOPSTEP_EXPORT void loopstep_step() {
    if (bound_app) loopstep::web::step_forward(*bound_app);
}
LOOPSTEP_EXPORT void loopstep_back() {
    if (bound_app) loopstep::web::step_back(*bound_app);
}
LOOPSTEP_EXPORT void loopstep_set_playing(int playing) {
    if (bound_app) loopstep::web::set_playing(*bound_app, playing != 0);
}
LOOPSTEP_EXPORT void loopstep_run_code(const char* source) {
    if (bound_app && source) loopstep::web::run_code(*bound_app, source);
}
LOOPSTEP_EXPORT void loopstep_set_param(const char* name, int value) {
    if (!bound_app || !name || bound_app->chapters.empty()) return;
    const auto& params = bound_app->chapters[bound_app->chapter_index].params;
    for (std::size_t i = 0; i < params.size(); ++i) {
        if (params[i].name == name) loopstep::web::set_param(*bound_app, i, value);
    }
}
LOOPSTEP_EXPORT void loopstep_answer(int question, int option) {
    if (bound_app && question >= 0) loopstep::web::answer(*bound_app, static_cast<std::size_t>(question), option);
}
LOOPSTEP_EXPORT void loopstep_set_display(int high_contrast, double text_scale) {
    if (bound_app) loopstep::web::set_display(*bound_app, {high_contrast != 0, static_cast<float>(text_scale)});
}

// The module's JS interface, one place for all of it (see web_api.hpp); the page's side is
// shell/api.js, documented in shell/API.md.
#include "web_api.hpp"

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "model/app_state.hpp"
#include "model/lesson_loading.hpp"
#include "model/state_json.hpp"
#include "model/frames_svg.hpp"
#include "model/run_report.hpp"
#include "model/timeline_svg.hpp"
#include "ui.hpp"

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
std::string failure;     // what the last call's C++ exception said, until loopstep_take_failure
// Lesson files handed over one by one (loopstep_add_lesson_file) until loopstep_open_lesson_files.
std::vector<std::pair<std::string, std::string>> lesson_files_given;

// Every export runs through here: a C++ exception (memory exhausted included) would reach the
// page as a bare number and leave the module half-way; it becomes a message the page shows.
template <class Action>
void guarded(Action&& action) {
    try {
        action();
    } catch (const std::bad_alloc&) {
        failure = "loopstep ran out of memory";
    } catch (const std::exception& error) {
        failure = std::string("loopstep failed (a bug): ") + error.what();
    } catch (...) {
        failure = "loopstep failed (a bug)";
    }
}
}  // namespace

#ifdef __EMSCRIPTEN__
// A failure in the page's handlers must not unwind through the frame loop (it would stop it).
EM_JS(void, loopstep_js_first_frame, (), {
    try {
        if (typeof Module.loopstepFirstFrame === 'function') Module.loopstepFirstFrame();
    } catch (error) {
        console.error('loopstep: the page failed at the first frame:', error);
    }
});
EM_JS(void, loopstep_js_changed, (), {
    try {
        if (typeof Module.loopstepChanged === 'function') Module.loopstepChanged();
    } catch (error) {
        console.error('loopstep: the page failed on a change:', error);
    }
});
// The chapter picker's "Open a lesson file": the page's file chooser (shell/authoring.js). The
// click that asked for it was moments ago, within the browser's allowance for opening one.
EM_JS(void, loopstep_js_choose_lesson_files, (), {
    try {
        if (typeof Module.loopstepChooseLessonFiles === 'function') Module.loopstepChooseLessonFiles();
    } catch (error) {
        console.error('loopstep: the page could not open its file chooser:', error);
    }
});
constexpr bool in_page = true;
EM_JS(void, loopstep_js_save, (const char* what, const char* format), {
    try {
        if (typeof Module.loopstepSave === 'function') Module.loopstepSave(UTF8ToString(what), UTF8ToString(format));
    } catch (error) {
        console.error('loopstep: the page could not save the picture:', error);
    }
});
#else
static void loopstep_js_first_frame() {}
static void loopstep_js_changed() {}
static void loopstep_js_choose_lesson_files() {}
static void loopstep_js_save(const char*, const char*) {}
constexpr bool in_page = false;  // the desktop build: no file chooser, no downloads yet
#endif

namespace loopstep::web {

void web_api_bind(app_state* app) { bound_app = app; }
void web_api_first_frame() { loopstep_js_first_frame(); }
bool web_api_in_page() { return in_page; }
void web_api_choose_lesson_files() { loopstep_js_choose_lesson_files(); }
void web_api_save(const char* what, const char* format) { loopstep_js_save(what, format); }

void web_api_frame_done(const app_state& app) {
    if (app.revision == announced_revision) return;
    announced_revision = app.revision;
    loopstep_js_changed();
}

}  // namespace loopstep::web

// Reading: what the canvas showed in its last frame beyond the state (ui.hpp's screen_facts).
LOOPSTEP_EXPORT const char* loopstep_screen_json() {
    guarded([&] { state_text = loopstep::web::screen_json(); });
    return state_text.c_str();
}

// The timeline at the cursor as an SVG document (model/timeline_svg.hpp).
LOOPSTEP_EXPORT const char* loopstep_timeline_svg() {
    guarded([&] { state_text = bound_app ? loopstep::web::timeline_svg(*bound_app) : std::string(); });
    return state_text.c_str();
}

// The frames panel at the cursor as an SVG document (model/frames_svg.hpp).
LOOPSTEP_EXPORT const char* loopstep_frames_svg() {
    guarded([&] { state_text = bound_app ? loopstep::web::frames_svg(*bound_app) : std::string(); });
    return state_text.c_str();
}

// The whole run as a printable HTML page (model/run_report.hpp).
LOOPSTEP_EXPORT const char* loopstep_run_report() {
    guarded([&] { state_text = bound_app ? loopstep::web::run_report_html(*bound_app) : std::string(); });
    return state_text.c_str();
}

// Reading: the whole state as JSON (shell/API.md lists its fields).
LOOPSTEP_EXPORT const char* loopstep_state_json() {
    guarded([&] { state_text = bound_app ? loopstep::web::state_json(*bound_app) : std::string("null"); });
    return state_text.c_str();
}

// The message of the last call that failed ("" if none), cleared by reading it.
LOOPSTEP_EXPORT const char* loopstep_take_failure() {
    state_text = std::move(failure);
    failure.clear();
    return state_text.c_str();
}

LOOPSTEP_EXPORT const char* loopstep_chapter_json(int index) {
    guarded([&] {
        state_text = bound_app && index >= 0 ? loopstep::web::chapter_json(*bound_app, static_cast<std::size_t>(index))
                                             : std::string("null");
    });
    return state_text.c_str();
}

// Acting: each mirrors a control of the canvas.
LOOPSTEP_EXPORT void loopstep_go_to_chapter(int index) {
    guarded([&] {
        if (bound_app && index >= 0) loopstep::web::open_chapter(*bound_app, static_cast<std::size_t>(index));
    });
}
// A step of the current mode (by event or by line). A double, so that the page may pass any
// number (toEnd passes a huge one): clamped before converting.
LOOPSTEP_EXPORT void loopstep_seek(double step) {
    guarded([&] {
        if (!bound_app) return;
        const double last = static_cast<double>(loopstep::web::step_total(*bound_app));
        const auto number = static_cast<std::size_t>(step <= 0 || step != step ? 0 : std::min(step, last));
        loopstep::web::seek_step(*bound_app, number);
    });
}
LOOPSTEP_EXPORT void loopstep_step() {
    guarded([&] {
        if (bound_app) loopstep::web::step_forward(*bound_app);
    });
}
LOOPSTEP_EXPORT void loopstep_back() {
    guarded([&] {
        if (bound_app) loopstep::web::step_back(*bound_app);
    });
}
LOOPSTEP_EXPORT void loopstep_set_step_by_line(int by_line) {
    guarded([&] {
        if (bound_app) loopstep::web::set_step_by_line(*bound_app, by_line != 0);
    });
}
LOOPSTEP_EXPORT void loopstep_set_playing(int playing) {
    guarded([&] {
        if (bound_app) loopstep::web::set_playing(*bound_app, playing != 0);
    });
}
LOOPSTEP_EXPORT void loopstep_run_code(const char* source) {
    guarded([&] {
        if (bound_app && source) loopstep::web::run_code(*bound_app, source);
    });
}
// The output's New seed: the code runs again with another seed for an unseeded `random`.
LOOPSTEP_EXPORT void loopstep_new_seed() {
    guarded([&] {
        if (bound_app) loopstep::web::run_with_new_seed(*bound_app);
    });
}
LOOPSTEP_EXPORT void loopstep_set_param(const char* name, int value) {
    guarded([&] {
        if (!bound_app || !name || bound_app->chapters.empty()) return;
        const auto& params = bound_app->chapters[bound_app->chapter_index].params;
        for (std::size_t i = 0; i < params.size(); ++i) {
            if (params[i].name == name) loopstep::web::set_param(*bound_app, i, value);
        }
    });
}
LOOPSTEP_EXPORT void loopstep_answer(int question, int option) {
    guarded([&] {
        if (bound_app && question >= 0) loopstep::web::answer(*bound_app, static_cast<std::size_t>(question), option);
    });
}
// The prediction at the cursor (state().prediction), made with its option `option`.
LOOPSTEP_EXPORT void loopstep_predict(int option) {
    guarded([&] {
        if (bound_app) loopstep::web::predict(*bound_app, option);
    });
}
// A saved prediction of the current chapter (state().saved[c].predictions[index]) made again.
LOOPSTEP_EXPORT void loopstep_restore_prediction(int index, const char* chosen) {
    guarded([&] {
        if (bound_app && index >= 0 && chosen) loopstep::web::restore_prediction(*bound_app, static_cast<std::size_t>(index), chosen);
    });
}
// Lessons an author brings (shell/authoring.js): each file, then open them all at once. With a
// problem in any, the chapters on screen stay and state().lessons.problems says what to fix.
LOOPSTEP_EXPORT void loopstep_add_lesson_file(const char* name, const char* text) {
    guarded([&] { lesson_files_given.emplace_back(name ? name : "", text ? text : ""); });
}
LOOPSTEP_EXPORT void loopstep_open_lesson_files() {
    guarded([&] {
        std::vector<loopstep::web::lesson_file> files;
        for (const auto& [name, text] : lesson_files_given) files.push_back({name, text});
        if (bound_app) loopstep::web::open_lessons(*bound_app, files);
        lesson_files_given.clear();
    });
}
LOOPSTEP_EXPORT void loopstep_set_display(int high_contrast, double text_scale, int classroom) {
    guarded([&] {
        if (bound_app) loopstep::web::set_display(*bound_app, {high_contrast != 0, static_cast<float>(text_scale), classroom != 0});
    });
}
// The frames panel's task, by its index in state().tasks (compared != 0: in state().compare.tasks);
// -1 (or any index not there) selects none.
LOOPSTEP_EXPORT void loopstep_select_task(int index, int compared) {
    guarded([&] {
        if (!bound_app) return;
        auto& app = *bound_app;
        const bool beside = compared != 0 && app.companion;
        const auto& tasks = beside ? app.companion->view.tasks : app.view.tasks;
        const bool there = index >= 0 && static_cast<std::size_t>(index) < tasks.size();
        const loopstep::task_id task = there ? tasks[static_cast<std::size_t>(index)].id : 0;
        beside ? loopstep::web::select_companion_task(app, task) : loopstep::web::select_task(app, task);
    });
}

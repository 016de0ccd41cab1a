// The app over the real lessons (lessons/, embedded at build time), opened at its first chapter:
// what the app-level model tests start from.
#pragma once

#include "model/app_state.hpp"

namespace loopstep::web {

inline app_state lesson_app() {
    app_state app;
    init_app(app, parse_lessons(embedded_lesson_files()));
    return app;
}

}  // namespace loopstep::web

// The apps the app-level model tests start from: over the real lessons (lessons/, embedded at
// build time) at their first chapter, or over one program of the test's own; and a task by name.
#pragma once

#include <catch2/catch.hpp>

#include <string>

#include "model/app_state.hpp"

namespace loopstep::web {

inline app_state lesson_app() {
    app_state app;
    init_app(app, parse_lessons(embedded_lesson_files()));
    return app;
}

// An app with no chapters that ran `program`, which must end without an error.
inline app_state program_app(const char* program) {
    app_state app;
    init_app(app, {});
    run_code(app, program);
    REQUIRE_FALSE(app.result.error);
    return app;
}

// The id of the run's task called `name` (it must exist by the end).
inline task_id id_of(const app_state& app, const std::string& name) {
    for (const task_view& task : app.run.latest().tasks) {
        if (task.name == name) return task.id;
    }
    FAIL("no task " << name);
    return 0;
}

}  // namespace loopstep::web

// Lessons an author brings at run time (a file chosen or dropped on the page, ?lesson=URL): read
// and checked before a learner sees them. Every problem is reported with its file, line and what
// to fix; a set with problems is not shown (the chapters on screen stay). Pairs with lesson.hpp.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "model/app_state.hpp"
#include "model/embedded_lessons.hpp"
#include "model/lesson.hpp"

namespace loopstep::web {

struct lesson_set {
    std::vector<chapter> chapters;
    std::vector<lesson_problem> problems;  // empty: the chapters are ready to show
};

// One chapter a file, or a pack: several chapters in one file, each from its `# Title` line (a
// line starting "# " outside code blocks). Each chapter must parse, and its programs must run to
// the end at their sliders' defaults (a chapter whose program raises would teach an error).
lesson_set read_lessons(std::span<const lesson_file> files);

// Reads the files and, when they have no problem, shows their chapters instead of the ones on
// screen (from the first chapter, with fresh progress). Either way app.lesson_problems says what
// the author must fix. Returns whether the chapters were replaced.
bool open_lessons(app_state& app, std::span<const lesson_file> files);

}  // namespace loopstep::web

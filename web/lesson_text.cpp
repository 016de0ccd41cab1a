// Prints the lesson's chapters as the page's text version shows them (model/state_json's
// chapter_json, the same JSON the page's loopstep.chapter(i) returns), as a script for the page:
// window.loopstepLessonText = [...], into the file it is given. Built and run at build time (web/CMakeLists.txt writes
// dist/lessons.js with it), so the text version can show the lesson before the wasm has started,
// from the lessons' own source and the app's own parser.
#include <cstddef>
#include <cstdio>
#include <string>

#include "model/app_state.hpp"
#include "model/embedded_lessons.hpp"
#include "model/state_json.hpp"

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fputs("usage: lesson_text OUTPUT.js\n", stderr);
        return 2;
    }
    loopstep::web::app_state app;
    app.chapters = loopstep::web::parse_lessons(loopstep::web::embedded_lesson_files());
    std::string text =
        "// Generated at build time by web/lesson_text.cpp from lessons/*.md: do not edit.\n"
        "'use strict';\nwindow.loopstepLessonText = [\n";
    for (std::size_t i = 0; i < app.chapters.size(); ++i) {
        text += loopstep::web::chapter_json(app, i);
        text += ",\n";
    }
    text += "];\n";
    std::FILE* out = std::fopen(argv[1], "wb");
    if (!out || std::fwrite(text.data(), 1, text.size(), out) != text.size() || std::fclose(out) != 0) {
        std::fprintf(stderr, "lesson_text: could not write %s\n", argv[1]);
        return 1;
    }
    return 0;
}

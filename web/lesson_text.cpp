// Prints the lesson's chapters as the page's text version shows them (model/state_json's
// chapter_json, the same JSON the page's loopstep.chapter(i) returns), as a script for the page:
// window.loopstepLessonText = [...], into the file it is given. Built and run at build time (web/CMakeLists.txt writes
// dist/lessons.js with it), so the text version can show the lesson before the wasm has started,
// from the lessons' own source and the app's own parser. Given lesson files (./dev package
// --lessons), it checks them as the page does (model/lesson_loading.hpp) and writes theirs; their
// problems go to stderr as FILE:LINE: MESSAGE, and it exits with 1. With --runs RUNS.json it also
// writes each chapter's programs at their sliders' defaults and what loopstep printed (./dev author
// compares that with CPython).
#include <cstddef>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "model/app_state.hpp"
#include "model/embedded_lessons.hpp"
#include "model/lesson_loading.hpp"
#include "model/state_json.hpp"
#include "loopstep/python/run_program.hpp"

namespace {

bool read_file(const char* path, std::string& text) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    text = buffer.str();
    return static_cast<bool>(in);
}

std::string base_name(const std::string& path) { return path.substr(path.find_last_of('/') + 1); }

// [{file, title, label, program, output}], one per program of each chapter, at the sliders' defaults.
std::string runs_json(const std::vector<loopstep::web::chapter>& chapters) {
    std::string json = "[\n";
    for (const loopstep::web::chapter& chapter : chapters) {
        std::vector<int> defaults;
        for (const loopstep::web::lesson_param& param : chapter.params) defaults.push_back(param.value);
        const std::string programs[] = {fill_params(chapter, defaults), fill_compare_params(chapter, defaults)};
        const std::string labels[] = {chapter.scenario_label, chapter.compare_label};
        for (int i = 0; i < 2; ++i) {
            if (programs[i].empty()) continue;
            const std::string output = loopstep::python::run_program(programs[i], {}).output;
            if (json.size() > 2) json += ",\n";
            json += "{\"file\": " + loopstep::web::json_string(chapter.file) + ", \"title\": " + loopstep::web::json_string(chapter.title) + ", \"label\": " +
                    loopstep::web::json_string(labels[i]) + ", \"program\": " + loopstep::web::json_string(programs[i]) + ", \"output\": " + loopstep::web::json_string(output) + "}";
        }
    }
    return json + "\n]\n";
}

bool write_file(const char* path, const std::string& text) {
    std::FILE* out = std::fopen(path, "wb");
    return out && std::fwrite(text.data(), 1, text.size(), out) == text.size() && std::fclose(out) == 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fputs("usage: lesson_text OUTPUT.js [--runs RUNS.json] [LESSON.md...]\n", stderr);
        return 2;
    }
    const char* runs_path = nullptr;
    int first_file = 2;
    if (argc > 3 && std::string(argv[2]) == "--runs") {
        runs_path = argv[3];
        first_file = 4;
    }
    loopstep::web::app_state app;
    if (argc == first_file) {
        app.chapters = loopstep::web::parse_lessons(loopstep::web::embedded_lesson_files());
    } else {
        std::vector<std::string> names, texts;
        for (int i = first_file; i < argc; ++i) {
            names.push_back(base_name(argv[i]));
            texts.emplace_back();
            if (!read_file(argv[i], texts.back())) {
                std::fprintf(stderr, "%s: cannot be read\n", argv[i]);
                return 1;
            }
        }
        std::vector<loopstep::web::lesson_file> files;
        for (std::size_t i = 0; i < names.size(); ++i) files.push_back({names[i], texts[i]});
        loopstep::web::lesson_set set = loopstep::web::read_lessons(files);
        for (const loopstep::web::lesson_problem& problem : set.problems) {
            std::fprintf(stderr, "%s:%d: %s\n", problem.file.c_str(), problem.line, problem.message.c_str());
        }
        if (!set.problems.empty()) return 1;
        app.chapters = std::move(set.chapters);
    }
    std::string text =
        "// Generated at build time by web/lesson_text.cpp from the lesson files: do not edit.\n"
        "'use strict';\nwindow.loopstepLessonText = [\n";
    for (std::size_t i = 0; i < app.chapters.size(); ++i) {
        text += loopstep::web::chapter_json(app, i);
        text += ",\n";
    }
    text += "];\n";
    if (!write_file(argv[1], text) || (runs_path && !write_file(runs_path, runs_json(app.chapters)))) {
        std::fprintf(stderr, "lesson_text: could not write %s\n", runs_path ? runs_path : argv[1]);
        return 1;
    }
    return 0;
}

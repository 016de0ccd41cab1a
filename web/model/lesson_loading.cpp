// Reading and checking lessons brought at run time. Pairs with lesson_loading.hpp.
#include "model/lesson_loading.hpp"

#include <algorithm>
#include <string_view>

#include "loopstep/python/run_program.hpp"

namespace loopstep::web {
namespace {

struct chapter_text {
    std::string_view text;
    int first_line = 1;  // the chapter's first line in its file
};

// Splits a file at each `# ` line outside ``` blocks; text before the first title stays with it
// (the parser then says the first line must be a title).
std::vector<chapter_text> split_pack(std::string_view file) {
    std::vector<chapter_text> parts{{file, 1}};
    bool in_code = false;
    int line = 1;
    std::size_t start = 0;
    for (std::size_t at = 0; at < file.size(); ++line) {
        const std::size_t end = std::min(file.find('\n', at), file.size());
        const std::string_view text = file.substr(at, end - at);
        if (text.substr(std::min(text.find_first_not_of(" \t"), text.size()), 3) == "```") in_code = !in_code;
        if (!in_code && text.substr(0, 2) == "# " && at > start) {
            parts.back().text = file.substr(start, at - start);
            parts.push_back({file.substr(at), line});
            start = at;
        }
        at = end + 1;
    }
    return parts;
}

// A program of the chapter, run at its sliders' defaults; a problem if it raises.
void check_runs(const chapter& chapter, const std::string& program, int first_line, const char* which, std::vector<lesson_problem>& problems) {
    if (program.empty()) return;
    const python::program_result result = python::run_program(program, {});
    if (!result.error) return;
    const python::program_error& error = *result.error;
    const int line = error.line > 0 ? first_line + error.line - 1 : first_line;
    problems.push_back({chapter.file, line,
                        std::string("the ") + which + " raises " + error.type + ": " + error.message +
                            " (a chapter's program must run to its end at the sliders' defaults)"});
}

std::vector<int> defaults(const chapter& chapter) {
    std::vector<int> values;
    for (const lesson_param& param : chapter.params) values.push_back(param.value);
    return values;
}

}  // namespace

lesson_set read_lessons(std::span<const lesson_file> files) {
    lesson_set set;
    for (const lesson_file& file : files) {
        for (const chapter_text& part : split_pack(file.text)) {
            try {
                chapter parsed = parse_chapter(file.name, part.text);
                parsed.scenario_line += part.first_line - 1;
                parsed.compare_line += part.first_line - 1;
                const std::vector<int> values = defaults(parsed);
                check_runs(parsed, fill_params(parsed, values), parsed.scenario_line, "scenario", set.problems);
                check_runs(parsed, fill_compare_params(parsed, values), parsed.compare_line, "compare program", set.problems);
                set.chapters.push_back(std::move(parsed));
            } catch (const lesson_format_error& error) {
                set.problems.push_back({error.file, error.line + part.first_line - 1, error.message});
            }
        }
    }
    if (files.empty()) set.problems.push_back({"", 0, "no lesson file was given"});
    return set;
}

bool open_lessons(app_state& app, std::span<const lesson_file> files) {
    lesson_set set = read_lessons(files);
    app.lesson_problems = std::move(set.problems);
    ++app.revision;
    if (!app.lesson_problems.empty()) return false;
    app.lesson_files.clear();
    for (const lesson_file& file : files) app.lesson_files.emplace_back(file.name);
    init_app(app, std::move(set.chapters));
    return true;
}

}  // namespace loopstep::web

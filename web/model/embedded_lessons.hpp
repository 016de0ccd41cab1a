// The lesson files (lessons/*.md) built into the program, in file-name order; the generated
// embedded_lessons.cpp (web/embed_lessons.cmake) defines them. lesson.hpp parses them.
#pragma once

#include <span>
#include <string_view>

namespace loopstep::web {

struct lesson_file {
    std::string_view name;  // "02-blocking.md"
    std::string_view text;
};

std::span<const lesson_file> embedded_lesson_files();

}  // namespace loopstep::web

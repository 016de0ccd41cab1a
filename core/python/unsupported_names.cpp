// What the lesson's library leaves out, said as such (pairs with unsupported_names.hpp).
#include "unsupported_names.hpp"

#include <algorithm>

#include "interpreter.hpp"

namespace loopstep::python {

namespace {
constexpr std::string_view lesson_modules[] = {"asyncio", "time", "random", "collections", "itertools", "functools",
                                               "math", "sys", "datetime", "string", "contextlib", "dataclasses"};
}

bool is_lesson_module(std::string_view module) {
    return std::find(std::begin(lesson_modules), std::end(lesson_modules), module) != std::end(lesson_modules);
}

std::string unsupported_import_message(std::string_view module) {
    std::string available;
    for (std::size_t i = 0; i < std::size(lesson_modules); ++i) {
        available += i == 0 ? "" : i + 1 == std::size(lesson_modules) ? " and " : ", ";
        available += lesson_modules[i];
    }
    return "importing '" + std::string(module) + "' is not supported in this lesson: only " + available + " are available";
}

bool is_unsupported_module_attribute(std::string_view module, std::string_view name) {
    for (const auto& entry : stdlib_names()) {
        if (entry.module == module) return std::binary_search(entry.names.begin(), entry.names.end(), name);
    }
    return false;
}

bool is_unsupported_str_method(std::string_view name) {
    // CPython 3.11's str methods the lesson lacks.
    static const std::vector<std::string_view> missing = {"format_map", "isidentifier", "isprintable", "maketrans", "translate"};
    return std::find(missing.begin(), missing.end(), name) != missing.end();
}

value raise_unsupported_attribute(interpreter& in, std::string_view module, std::string_view name) {
    return in.raise(in.types().not_supported_error, std::string(module) + "." + std::string(name) + " is not supported in this lesson");
}

}  // namespace loopstep::python

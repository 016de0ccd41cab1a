// The library modules the lesson provides, and the names CPython has in them that the lesson
// lacks: those raise "time.strptime is not supported in this lesson" (NotSupportedError)
// rather than an AttributeError a learner would read as their own mistake.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "value.hpp"

namespace loopstep::python {

class interpreter;

struct stdlib_module_names {
    std::string_view module;
    std::vector<std::string_view> names;  // sorted
};
// Generated from CPython 3.11 (stdlib_names.cpp, tools/stdlib_names.py).
const std::vector<stdlib_module_names>& stdlib_names();

// A module `import` accepts.
bool is_lesson_module(std::string_view module);
// "importing 'os' is not supported in this lesson: only asyncio, time, ... are available"
std::string unsupported_import_message(std::string_view module);
// True when CPython's `module` has `name` (the lesson's module then lacks it).
bool is_unsupported_module_attribute(std::string_view module, std::string_view name);
// True for a method CPython's str has and the lesson's lacks ("str.encode is not supported ...").
bool is_unsupported_str_method(std::string_view name);
value raise_unsupported_attribute(interpreter& in, std::string_view module, std::string_view name);

}  // namespace loopstep::python

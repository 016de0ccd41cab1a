// Names a CPython 3.11 module has that the lesson's module lacks: asking for one stops with
// "asyncio.Barrier is not supported in this lesson" rather than a bare AttributeError, which
// a learner would read as their own mistake. One table for every module (generated).
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace loopstep::python {

struct module_names {
    const char* module;
    std::vector<const char*> names;  // sorted
};

// The generated table (unsupported_names_table.cpp, tools/unsupported_names.py).
const std::vector<module_names>& cpython_module_names();

// The message for `module.name` if CPython's module has that name, else nullopt. Ask only
// after the lesson's module did not have it.
std::optional<std::string> unsupported_name_message(const std::string& module, const std::string& name);

}  // namespace loopstep::python

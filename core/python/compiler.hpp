// The compiler: a resolved module (ast.hpp, after resolver.cpp) to code objects
// (code_object.hpp) that vm.cpp runs. One entry point; errors are collected, never printed.
#pragma once

#include <memory>
#include <optional>

#include "ast.hpp"
#include "code_object.hpp"
#include "token.hpp"

namespace loopstep::python {

struct compile_result {
    std::shared_ptr<code_object> code;  // the module body; null when error is set
    std::optional<syntax_error> error;
};

// The module's code object, with every function and lambda in it compiled too. The tree
// must outlive the code (code objects point at their function_def for the frame layout).
compile_result compile_module(const module& program);

}  // namespace loopstep::python

// Name resolution of the Python subset (resolver.cpp): CPython's symtable rules on the parsed AST; pairs with parser.cpp.
#pragma once

#include <optional>

#include "ast.hpp"
#include "token.hpp"

namespace loopstep::python {

// Fills every function's frame layout (locals, cells, free variables and where they come
// from), every name's binding, and contains_await on every node; reports CPython's
// compile-time errors (nonlocal/global misuse, return/break/continue/await out of place).
// parse_program() calls it; exposed for tests.
std::optional<syntax_error> resolve(module& program);

}  // namespace loopstep::python

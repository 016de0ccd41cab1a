// The parser of the Python subset (parser.cpp): tokens to the AST of ast.hpp, then the resolver; pairs with lexer.hpp and resolver.hpp.
#pragma once

#include <memory>
#include <optional>
#include <string_view>

#include "ast.hpp"
#include "token.hpp"

namespace loopstep::python {

struct parse_result {
    std::unique_ptr<module> program;    // null when error is set
    std::optional<syntax_error> error;  // the first error, in CPython 3.11's words where it has them
};

// Tokenizes, parses and resolves a whole program: what compiler.cpp compiles.
// Fills module::source_lines (also when there is an error, through the program being null:
// callers keep their own copy of the source for carets in that case).
parse_result parse_program(std::string_view source);

// Tokenizes and parses only (no resolver): for tests of the tree's shape.
parse_result parse_unresolved(std::string_view source);

}  // namespace loopstep::python

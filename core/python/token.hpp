// Tokens of the Python subset and the syntax_error record: what lexer.cpp produces and parser.cpp consumes.
#pragma once

#include <cstdint>
#include <string>

#include "ast.hpp"

namespace loopstep::python {

// A compile-time diagnostic in CPython's words. type is "SyntaxError", "IndentationError",
// "TabError", or "NotSupportedError" for valid Python outside the lesson's subset.
struct syntax_error {
    std::string type = "SyntaxError";
    std::string message;
    source_location where;
    source_location end;
};

enum class token_kind : std::uint8_t {
    name,         // identifiers and keywords alike; the parser tells them apart
    integer,      // int_value
    floating,     // float_value
    string,       // one literal; adjacent ones are concatenated by the parser
    op,           // operators and delimiters, text holds the spelling
    newline,      // end of a logical line
    indent,
    dedent,
    end_of_file,
};

struct token {
    token_kind kind = token_kind::end_of_file;
    std::string text;  // spelling for names and ops; the decoded value for plain strings;
                       // the raw body (between the quotes) for f-strings
    std::int64_t int_value = 0;
    double float_value = 0;
    bool is_fstring = false;
    bool is_raw = false;          // r'' / rf'': backslashes are literal
    bool is_bytes = false;        // b'': text holds the literal's bytes
    source_location where;        // first character
    source_location end;          // one past the last character
    source_location body_start;   // strings: the first character after the opening quotes
    int bracket_depth = 0;        // open brackets before this token (for "forgot a comma")
};

}  // namespace loopstep::python

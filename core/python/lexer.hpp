// The tokenizer of the Python subset (lexer.cpp): source text to tokens, pairs with parser.cpp.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "token.hpp"

namespace loopstep::python {

struct lex_options {
    source_location start{1, 1};  // where the text begins (f-string expressions lie inside a line)
    bool expression_only = false;  // no NEWLINE/INDENT/DEDENT: as if inside brackets
};

struct open_bracket {
    char symbol = '(';
    source_location where;
};

struct lex_result {
    std::vector<token> tokens;  // always ends with end_of_file, even after an error
    std::optional<syntax_error> error;  // the first tokenizer error; it wins over parser errors
    std::vector<open_bracket> unclosed;  // brackets still open at the end of the text
    int last_line = 1;  // line of the last character (for "detected at line N")
};

lex_result tokenize(std::string_view source, const lex_options& options = {});

// Processes the backslash escapes of a plain (non-raw) string body into UTF-8 text;
// returns CPython's error message for a bad escape.
std::optional<std::string> decode_string_escapes(std::string_view body, std::string& out);

// True for Python keywords (soft keywords such as `match` are names).
bool is_keyword(std::string_view word);

}  // namespace loopstep::python

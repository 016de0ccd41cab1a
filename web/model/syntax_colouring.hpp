// Syntax colouring for the code panel: splits Python source into coloured runs. A light scanner,
// not the interpreter's lexer: it must cope with half-typed code. Pairs with syntax_colouring.cpp.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace loopstep::web {

enum class token_colour { plain, keyword, builtin, string, number, comment, definition };

struct coloured_run {
    std::size_t begin = 0;  // byte offsets into the source
    std::size_t end = 0;
    token_colour colour = token_colour::plain;
    bool operator==(const coloured_run&) const = default;
};

// Runs cover only the coloured parts; everything between them is plain. Runs never span a
// newline, so a line can be drawn on its own (a multi-line string gives one run per line).
std::vector<coloured_run> colour_source(std::string_view source);

}  // namespace loopstep::web

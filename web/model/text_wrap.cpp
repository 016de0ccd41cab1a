// Character-count wrapping for the monospace output panel.
#include "model/text_wrap.hpp"

#include <algorithm>

namespace loopstep::web {
namespace {

bool continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// The byte offset `count` code points after `from`, or `end` if the line is shorter.
std::size_t advance(std::string_view text, std::size_t from, std::size_t end, std::size_t count) {
    std::size_t at = from;
    for (std::size_t taken = 0; at < end && taken < count; ++taken) {
        ++at;
        while (at < end && continuation_byte(text[at])) ++at;
    }
    return at;
}

}  // namespace

std::vector<text_row> wrap_rows(std::string_view text, std::size_t columns, std::size_t continued_columns) {
    columns = std::max<std::size_t>(columns, 1);
    continued_columns = std::max<std::size_t>(continued_columns, 1);
    std::vector<text_row> rows;
    std::size_t line_begin = 0;
    while (line_begin < text.size()) {
        const std::size_t newline = text.find('\n', line_begin);
        const std::size_t line_end = newline == std::string_view::npos ? text.size() : newline;
        std::size_t at = line_begin;
        bool continued = false;
        do {
            const std::size_t row_end = advance(text, at, line_end, continued ? continued_columns : columns);
            rows.push_back({at, row_end, continued});
            at = row_end;
            continued = true;
        } while (at < line_end);
        line_begin = line_end + 1;
    }
    return rows;
}

}  // namespace loopstep::web

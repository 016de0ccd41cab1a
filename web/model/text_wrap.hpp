// Breaks monospace text into screen rows of at most a given number of characters, so the output
// panel can wrap long lines instead of hiding their ends. Pairs with text_wrap.cpp.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace loopstep::web {

struct text_row {
    std::size_t begin = 0;  // byte offsets into the text, without the newline
    std::size_t end = 0;
    bool continued = false;  // the rest of the row before it: shown with a sign
};

// Every line of `text` as rows of at most `columns` characters (code points; a first row) or
// `continued_columns` (the rows after, which carry the sign). A text ending in a newline has no
// empty last row; an empty line is one empty row.
std::vector<text_row> wrap_rows(std::string_view text, std::size_t columns, std::size_t continued_columns);

}  // namespace loopstep::web

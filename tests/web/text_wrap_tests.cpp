// Wrapping the output panel's monospace text (web/model/text_wrap.hpp): no character is lost,
// no row is wider than the panel, and continued rows are marked.
#include <catch2/catch.hpp>

#include <string>
#include <string_view>

#include "model/text_wrap.hpp"

using namespace loopstep::web;

namespace {

std::string row_text(std::string_view text, const text_row& row) { return std::string(text.substr(row.begin, row.end - row.begin)); }

std::size_t code_points(std::string_view text) {
    std::size_t count = 0;
    for (const char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    return count;
}

}  // namespace

TEST_CASE("short lines stay one row each; an empty line is a row; a final newline adds none", "[wrap]") {
    const std::string_view text = "one\n\ntwo\n";
    const auto rows = wrap_rows(text, 10, 8);
    REQUIRE(rows.size() == 3);
    CHECK(row_text(text, rows[0]) == "one");
    CHECK(row_text(text, rows[1]).empty());
    CHECK(row_text(text, rows[2]) == "two");
    for (const text_row& row : rows) CHECK_FALSE(row.continued);
    CHECK(wrap_rows("", 10, 8).empty());
}

TEST_CASE("a long line wraps into marked rows that fit and lose nothing", "[wrap]") {
    const std::string line = "one by one:   all replies after 720 s and then some more words";
    const auto rows = wrap_rows(line, 20, 18);
    REQUIRE(rows.size() == 4);  // 20 + 18 + 18 + 7 characters
    CHECK_FALSE(rows[0].continued);
    std::string joined;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        CHECK(rows[i].continued == (i > 0));
        CHECK(code_points(row_text(line, rows[i])) <= (i == 0 ? 20u : 18u));
        joined += row_text(line, rows[i]);
    }
    CHECK(joined == line);
}

TEST_CASE("wrapping counts characters, never splitting one", "[wrap]") {
    const std::string line = "\xC3\xA9\xC3\xA9\xC3\xA9\xE2\x86\x92\xE2\x86\x92";  // ééé→→
    const auto rows = wrap_rows(line, 2, 2);
    REQUIRE(rows.size() == 3);
    CHECK(row_text(line, rows[0]) == "\xC3\xA9\xC3\xA9");
    CHECK(row_text(line, rows[1]) == "\xC3\xA9\xE2\x86\x92");
    CHECK(row_text(line, rows[2]) == "\xE2\x86\x92");
}

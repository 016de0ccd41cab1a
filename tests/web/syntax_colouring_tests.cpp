// The code panel's colouring (web/model/syntax_colouring.hpp): keywords, strings, comments, numbers.
#include <catch2/catch.hpp>

#include <string>

#include "model/syntax_colouring.hpp"

using namespace loopstep::web;

namespace {
std::string coloured(std::string_view source, token_colour colour) {
    std::string words;
    for (const coloured_run& run : colour_source(source)) {
        if (run.colour == colour) words += std::string(source.substr(run.begin, run.end - run.begin)) + "|";
    }
    return words;
}
}  // namespace

TEST_CASE("keywords, definitions, strings, numbers and comments are told apart", "[syntax]") {
    const std::string_view source = "async def fetch(i):  # send\n    await asyncio.sleep(5.5)\n    return f\"r{i}\"\n";
    CHECK(coloured(source, token_colour::keyword) == "async|def|await|return|");
    CHECK(coloured(source, token_colour::definition) == "fetch|");
    CHECK(coloured(source, token_colour::comment) == "# send|");
    CHECK(coloured(source, token_colour::number) == "5.5|");
    CHECK(coloured(source, token_colour::string) == "f\"r{i}\"|");
    CHECK(coloured(source, token_colour::builtin) == "asyncio|");
}

TEST_CASE("a string spanning lines is coloured line by line, and an unclosed one stops at its line", "[syntax]") {
    CHECK(coloured("x = '''a\nb'''\ny = 1", token_colour::string) == "'''a|b'''|");
    CHECK(coloured("s = 'open\nprint(s)", token_colour::string) == "'open|");
    CHECK(coloured("s = 'open\nprint(s)", token_colour::builtin) == "print|");
    CHECK(coloured("s = 'it\\'s'", token_colour::string) == "'it\\'s'|");
}

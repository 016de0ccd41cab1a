// Unicode for str: UTF-8 to code points and back, the character properties of CPython 3.11
// (Unicode 14.0, generated into unicode_tables.cpp) and its case mappings, including the
// multi-character ones (ß -> SS) and the final-sigma rule of lower().
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace loopstep::python::unicode {

// ---- UTF-8 --------------------------------------------------------------------------------
// A str holds valid UTF-8; a stray byte (never made by loopstep) decodes as itself.
std::u32string decode(std::string_view utf8);
void append(std::string& out, char32_t code);
std::string encode(std::u32string_view codes);
std::size_t length(std::string_view utf8);  // in code points
bool is_ascii(std::string_view utf8);
// The byte offset of code point `index` (clamped to the end).
std::size_t byte_offset(std::string_view utf8, std::size_t index);
// The code point index of byte `offset` (a character boundary).
std::size_t code_point_index(std::string_view utf8, std::size_t offset);

// ---- properties (as the str predicates of one character answer them) ------------------------
enum class property : std::uint16_t {
    alpha = 1 << 0,
    decimal = 1 << 1,
    digit = 1 << 2,
    numeric = 1 << 3,
    space = 1 << 4,
    lower = 1 << 5,  // the Lowercase property (what 'x'.islower() tests)
    upper = 1 << 6,
    title = 1 << 7,  // category Lt
    cased = 1 << 8,
    case_ignorable = 1 << 9,
};
bool has(char32_t code, property p);
inline bool is_space(char32_t code) { return has(code, property::space); }
// str.splitlines() boundaries: \n \r \v \f \x1c \x1d \x1e \x85 \u2028 \u2029.
bool is_line_break(char32_t code);

// ---- case mappings -------------------------------------------------------------------------
enum class mapping : std::uint8_t { upper, lower, title, casefold };
// Appends the full mapping of one code point (one to three code points).
void append_mapped(std::u32string& out, char32_t code, mapping m);

// str.upper(), lower(), casefold(), swapcase(), capitalize(), title() of UTF-8 text.
std::string upper(std::string_view utf8);
std::string lower(std::string_view utf8);
std::string casefold(std::string_view utf8);
std::string swapcase(std::string_view utf8);
std::string capitalize(std::string_view utf8);
std::string title(std::string_view utf8);

// str.islower(), isupper(), istitle() of UTF-8 text.
bool is_lower(std::string_view utf8);
bool is_upper(std::string_view utf8);
bool is_title(std::string_view utf8);

}  // namespace loopstep::python::unicode

// Code points, properties and case mappings for str (pairs with unicode.hpp). The case
// algorithms follow CPython 3.11's unicodeobject.c (do_upper, do_lower, do_title, ...).
#include "unicode.hpp"

#include <algorithm>
#include <iterator>

#include "unicode_tables.hpp"

namespace loopstep::python::unicode {

namespace tables = unicode_tables;

namespace {
std::size_t sequence_length(unsigned char lead) { return lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1; }

bool is_continuation(char byte) { return (static_cast<unsigned char>(byte) & 0xC0) == 0x80; }
}  // namespace

std::u32string decode(std::string_view utf8) {
    std::u32string out;
    out.reserve(utf8.size());
    for (std::size_t i = 0; i < utf8.size();) {
        const auto lead = static_cast<unsigned char>(utf8[i]);
        const std::size_t n = std::min(sequence_length(lead), utf8.size() - i);
        char32_t code = n == 1 ? lead : lead & (0xFF >> (n + 1));
        for (std::size_t k = 1; k < n; ++k) code = (code << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
        out += code;
        i += n;
    }
    return out;
}

void append(std::string& out, char32_t code) {
    if (code < 0x80) {
        out += static_cast<char>(code);
    } else if (code < 0x800) {
        out += static_cast<char>(0xC0 | (code >> 6));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
        out += static_cast<char>(0xE0 | (code >> 12));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (code >> 18));
        out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    }
}

std::string encode(std::u32string_view codes) {
    std::string out;
    out.reserve(codes.size());
    for (char32_t c : codes) append(out, c);
    return out;
}

std::size_t length(std::string_view utf8) {
    return std::size_t(std::count_if(utf8.begin(), utf8.end(), [](char c) { return !is_continuation(c); }));
}

bool is_ascii(std::string_view utf8) {
    return std::all_of(utf8.begin(), utf8.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

std::size_t byte_offset(std::string_view utf8, std::size_t index) {
    std::size_t offset = 0;
    for (; index > 0 && offset < utf8.size(); --index) {
        ++offset;
        while (offset < utf8.size() && is_continuation(utf8[offset])) ++offset;
    }
    return offset;
}

std::size_t code_point_index(std::string_view utf8, std::size_t offset) { return length(utf8.substr(0, offset)); }

bool has(char32_t code, property p) {
    const std::uint32_t key = (std::uint32_t(code) << tables::property_flag_bits) | ((1u << tables::property_flag_bits) - 1);
    const std::uint32_t* end = tables::property_runs + tables::property_run_count;
    const std::uint32_t* run = std::upper_bound(tables::property_runs, end, key) - 1;
    return (*run & std::uint32_t(p)) != 0;
}

bool is_line_break(char32_t code) {
    switch (code) {
        case '\n': case '\r': case 0x0B: case 0x0C: case 0x1C: case 0x1D: case 0x1E:
        case 0x85: case 0x2028: case 0x2029: return true;
        default: return false;
    }
}

namespace {
const tables::special_case* find_special(char32_t code) {
    const tables::special_case* end = tables::special_cases + tables::special_case_count;
    const tables::special_case* found =
        std::lower_bound(tables::special_cases, end, code, [](const tables::special_case& s, char32_t c) { return s.code < c; });
    return found != end && found->code == code ? found : nullptr;
}

char32_t map_single(char32_t code, const tables::mapping_run* runs, std::size_t count) {
    const tables::mapping_run* end = runs + count;
    const tables::mapping_run* run = std::upper_bound(runs, end, code, [](char32_t c, const tables::mapping_run& r) { return c < r.first; });
    if (run == runs) return code;
    --run;
    if (code > run->last || (code - run->first) % run->stride != 0) return code;
    return char32_t(std::int64_t(code) + run->delta);
}
}  // namespace

void append_mapped(std::u32string& out, char32_t code, mapping m) {
    if (const tables::special_case* special = find_special(code)) {
        for (char32_t c : special->mappings[int(m)]) {
            if (c != 0) out += c;
        }
        return;
    }
    switch (m) {
        case mapping::upper: out += map_single(code, tables::upper_runs, tables::upper_run_count); return;
        case mapping::lower: out += map_single(code, tables::lower_runs, tables::lower_run_count); return;
        case mapping::title: out += map_single(code, tables::title_runs, tables::title_run_count); return;
        case mapping::casefold: out += map_single(code, tables::casefold_runs, tables::casefold_run_count); return;
    }
}

namespace {
constexpr char32_t capital_sigma = 0x3A3, small_sigma = 0x3C3, final_sigma = 0x3C2;

// handle_capital_sigma: Σ is final after a cased letter (case-ignorables skipped) that no
// cased letter follows.
char32_t lower_sigma(const std::u32string& text, std::size_t i) {
    auto ignorable = [](char32_t c) { return has(c, property::case_ignorable); };
    std::size_t j = i;
    while (j > 0 && ignorable(text[j - 1])) --j;
    if (j == 0 || !has(text[j - 1], property::cased)) return small_sigma;
    std::size_t k = i + 1;
    while (k < text.size() && ignorable(text[k])) ++k;
    return k < text.size() && has(text[k], property::cased) ? small_sigma : final_sigma;
}

// lower_ucs4: the full lowercase, with Σ depending on its neighbours.
void append_lower(std::u32string& out, const std::u32string& text, std::size_t i) {
    if (text[i] == capital_sigma) out += lower_sigma(text, i);
    else append_mapped(out, text[i], mapping::lower);
}

template <class Map>
std::string transform(std::string_view utf8, Map map) {
    const std::u32string text = decode(utf8);
    std::u32string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) map(out, text, i);
    return encode(out);
}
}  // namespace

std::string upper(std::string_view utf8) {
    return transform(utf8, [](std::u32string& out, const std::u32string& text, std::size_t i) { append_mapped(out, text[i], mapping::upper); });
}

std::string lower(std::string_view utf8) { return transform(utf8, append_lower); }

std::string casefold(std::string_view utf8) {
    return transform(utf8, [](std::u32string& out, const std::u32string& text, std::size_t i) { append_mapped(out, text[i], mapping::casefold); });
}

std::string swapcase(std::string_view utf8) {
    return transform(utf8, [](std::u32string& out, const std::u32string& text, std::size_t i) {
        if (has(text[i], property::upper)) append_lower(out, text, i);
        else if (has(text[i], property::lower)) append_mapped(out, text[i], mapping::upper);
        else out += text[i];
    });
}

// The first character in titlecase, the rest in lowercase.
std::string capitalize(std::string_view utf8) {
    return transform(utf8, [](std::u32string& out, const std::u32string& text, std::size_t i) {
        if (i == 0) append_mapped(out, text[i], mapping::title);
        else append_lower(out, text, i);
    });
}

// Titlecase after an uncased character, lowercase after a cased one.
std::string title(std::string_view utf8) {
    return transform(utf8, [](std::u32string& out, const std::u32string& text, std::size_t i) {
        if (i > 0 && has(text[i - 1], property::cased)) append_lower(out, text, i);
        else append_mapped(out, text[i], mapping::title);
    });
}

namespace {
// islower()/isupper(): some character of `wanted` case and none of `opposite` or titlecase.
bool all_cased_as(std::string_view utf8, property wanted, property opposite) {
    bool cased = false;
    for (char32_t c : decode(utf8)) {
        if (has(c, opposite) || has(c, property::title)) return false;
        cased = cased || has(c, wanted);
    }
    return cased;
}
}  // namespace

bool is_lower(std::string_view utf8) { return all_cased_as(utf8, property::lower, property::upper); }
bool is_upper(std::string_view utf8) { return all_cased_as(utf8, property::upper, property::lower); }

// Uppercase or titlecase only after uncased characters, lowercase only after cased ones.
bool is_title(std::string_view utf8) {
    bool cased = false;
    bool previous_cased = false;
    for (char32_t c : decode(utf8)) {
        if (has(c, property::upper) || has(c, property::title)) {
            if (previous_cased) return false;
            previous_cased = cased = true;
        } else if (has(c, property::lower)) {
            if (!previous_cased) return false;
            previous_cased = cased = true;
        } else {
            previous_cased = false;
        }
    }
    return cased;
}

}  // namespace loopstep::python::unicode

// Python's text formatting of numbers and strings, as CPython 3.11 does it; implements format.hpp.
// Digits come from snprintf/strtod, which glibc and musl (Emscripten's libc) round correctly;
// the layout around them is a port of CPython's format_float_short and formatter_unicode.c.
#include "format.hpp"

#include <algorithm>
#include <cctype>
#include <climits>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iterator>

namespace loopstep::python {
namespace {

// Output longer than this raises MemoryError instead of exhausting a wasm heap: CPython would
// try (and usually fail) to allocate f"{x:999999999}"; a learner's page should survive it.
constexpr std::int64_t max_output_chars = 100'000'000;

[[noreturn]] void value_error(std::string message) {
    throw format_error{"ValueError", std::move(message)};
}

void check_output_size(std::int64_t chars) {
    if (chars > max_output_chars) throw format_error{"MemoryError", ""};
}

// ---- UTF-8 ----

struct decoded_char {
    char32_t code;
    std::size_t length;
    bool valid;
};

// Decodes one code point at pos; an invalid sequence yields its first byte, marked invalid.
decoded_char decode_utf8(std::string_view text, std::size_t pos) {
    auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    unsigned char lead = byte(pos);
    if (lead < 0x80) return {lead, 1, true};
    std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
    if (length == 0 || lead > 0xF4 || pos + length > text.size()) return {lead, 1, false};
    char32_t code = lead & (0x3F >> (length - 1));
    for (std::size_t i = 1; i < length; ++i) {
        unsigned char next = byte(pos + i);
        if ((next & 0xC0) != 0x80) return {lead, 1, false};
        code = (code << 6) | (next & 0x3F);
    }
    static constexpr char32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (code < smallest[length] || code > 0x10FFFF) return {lead, 1, false};
    return {code, length, true};
}

void append_utf8(std::string& out, char32_t code) {
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

// Code points of text; a stray byte counts as one, as it would print as one replacement char.
std::u32string code_points(std::string_view text) {
    std::u32string out;
    for (std::size_t pos = 0; pos < text.size();) {
        decoded_char c = decode_utf8(text, pos);
        out += c.code;
        pos += c.length;
    }
    return out;
}

// Byte length of the first `count` code points of text.
std::size_t prefix_bytes(std::string_view text, std::int64_t count) {
    std::size_t pos = 0;
    for (; count > 0 && pos < text.size(); --count) pos += decode_utf8(text, pos).length;
    return pos;
}

std::int64_t count_code_points(std::string_view text) {
    std::int64_t count = 0;
    for (std::size_t pos = 0; pos < text.size(); ++count) pos += decode_utf8(text, pos).length;
    return count;
}

std::string repeated(char32_t fill, std::int64_t count) {
    std::string one;
    append_utf8(one, fill);
    std::string out;
    if (count <= 0) return out;
    out.reserve(one.size() * static_cast<std::size_t>(count));
    for (std::int64_t i = 0; i < count; ++i) out += one;
    return out;
}

// ---- Unicode printability (for repr) ----

struct code_range {
    char32_t first;
    char32_t last;
};

extern const code_range non_printable_ranges[];
extern const std::size_t non_printable_range_count;
extern const char32_t decimal_zeros[];
extern const std::size_t decimal_zero_count;

// str.isprintable() for one code point at or above U+0080.
bool is_printable_non_ascii(char32_t code) {
    const code_range* begin = non_printable_ranges;
    const code_range* end = begin + non_printable_range_count;
    const code_range* after = std::upper_bound(begin, end, code, [](char32_t c, const code_range& r) { return c < r.first; });
    return after == begin || code > std::prev(after)->last;
}

// Py_UNICODE_TODECIMAL: 0-9 for a decimal digit of any script (Unicode category Nd), else -1.
int decimal_value(char32_t code) {
    if (code >= '0' && code <= '9') return static_cast<int>(code - '0');
    const char32_t* begin = decimal_zeros;
    const char32_t* end = begin + decimal_zero_count;
    const char32_t* after = std::upper_bound(begin, end, code);
    if (after == begin || code - *std::prev(after) > 9) return -1;
    return static_cast<int>(code - *std::prev(after));
}

void append_hex_escape(std::string& out, char kind, char32_t code, int width) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "\\%c%0*x", kind, width, static_cast<unsigned>(code));
    out += buffer;
}

// ---- Decimal digits of a double (what David Gay's _Py_dg_dtoa hands CPython) ----

// digits has no leading or trailing zeros (zero is "0" with decpt 1); the value is 0.digits * 10^decpt.
struct decimal_digits {
    std::string digits;
    std::int64_t decpt = 1;
};

// snprintf("%.*e") or ("%.*f"): correctly rounded from the exact binary value.
std::string printf_double(char conversion, std::int64_t precision, double x) {
    int p = static_cast<int>(precision);
    char small[64];
    int length = conversion == 'e' ? std::snprintf(small, sizeof small, "%.*e", p, x)
                                   : std::snprintf(small, sizeof small, "%.*f", p, x);
    if (length < static_cast<int>(sizeof small)) return std::string(small, static_cast<std::size_t>(length));
    std::string big(static_cast<std::size_t>(length) + 1, '\0');
    if (conversion == 'e') {
        std::snprintf(big.data(), big.size(), "%.*e", p, x);
    } else {
        std::snprintf(big.data(), big.size(), "%.*f", p, x);
    }
    big.pop_back();
    return big;
}

// Reads "[-]ddd[.ddd][e±dd]" (printf's output, or our own candidates) into digits and decpt.
decimal_digits digits_from_text(std::string_view text) {
    decimal_digits d;
    std::size_t i = text.empty() || text[0] != '-' ? 0 : 1;
    bool seen_point = false;
    for (; i < text.size() && text[i] != 'e'; ++i) {
        if (text[i] == '.') {
            d.decpt = static_cast<std::int64_t>(d.digits.size());
            seen_point = true;
        } else {
            d.digits += text[i];
        }
    }
    if (!seen_point) d.decpt = static_cast<std::int64_t>(d.digits.size());
    if (i < text.size()) d.decpt += std::strtol(std::string(text.substr(i + 1)).c_str(), nullptr, 10);
    std::size_t first = d.digits.find_first_not_of('0');
    if (first == std::string::npos) return {"0", 1};
    d.digits.erase(0, first);
    d.decpt -= static_cast<std::int64_t>(first);
    d.digits.erase(d.digits.find_last_not_of('0') + 1);
    return d;
}

// Adds one to a string of decimal digits; returns false when it carried out ("99" -> "00").
bool increment_digits(std::string& digits) {
    for (std::size_t i = digits.size(); i-- > 0;) {
        if (digits[i] != '9') {
            ++digits[i];
            return true;
        }
        digits[i] = '0';
    }
    return false;
}

// The next p-digit decimal above |x|'s correctly rounded p-digit text "[-]d.ddde±XX", as text.
std::string next_decimal_up(const std::string& rounded) {
    bool negative = rounded[0] == '-';
    std::size_t e = rounded.find('e');
    std::string mantissa;
    for (std::size_t i = negative ? 1 : 0; i < e; ++i) {
        if (rounded[i] != '.') mantissa += rounded[i];
    }
    long exponent = std::strtol(rounded.c_str() + e + 1, nullptr, 10) + 1;
    if (!increment_digits(mantissa)) {
        mantissa = "1";
        ++exponent;
    }
    return std::string(negative ? "-" : "") + "0." + mantissa + "e" + std::to_string(exponent);
}

// Whether printf's correctly rounded `count`-digit text of x reads back as x; keeps the text.
bool reads_back(double x, int count, std::string& text) {
    text = printf_double('e', count - 1, x);
    return std::strtod(text.c_str(), nullptr) == x;
}

// Gay's mode 0: the shortest digits that read back as x, nearest to x among those.
// The correctly rounded p-digit text is the nearest p-digit decimal, and the one with p + 1
// digits is at least as near; away from powers of two x's rounding interval is symmetric, so
// once p digits read back so do all longer ones, and a binary search over p finds the least.
// At a power of two the gap below x is half the gap above, so the next p-digit decimal up can
// read back when the nearest (below) does not; Gay's dtoa finds it, so there we try each p
// with both candidates.
decimal_digits shortest_digits(double x) {
    if (x == 0) return {"0", 1};
    int exponent = 0;
    std::string text;
    if (std::frexp(std::fabs(x), &exponent) == 0.5) {
        for (int p = 1; p < 17; ++p) {
            if (reads_back(x, p, text)) return digits_from_text(text);
            std::string up = next_decimal_up(text);
            if (std::strtod(up.c_str(), nullptr) == x) return digits_from_text(up);
        }
        return digits_from_text(printf_double('e', 16, x));
    }
    int low = 1, high = 17;  // 17 significant digits always read back
    std::string found;
    while (low < high) {
        int middle = (low + high) / 2;
        if (reads_back(x, middle, text)) {
            high = middle;
            found = text;
        } else {
            low = middle + 1;
        }
    }
    return digits_from_text(found.empty() ? printf_double('e', 16, x) : found);
}

// Gay's mode 2: `count` significant digits, trailing zeros dropped.
decimal_digits significant_digits(double x, std::int64_t count) {
    return digits_from_text(printf_double('e', count - 1, x));
}

// Gay's mode 3: digits through `places` after the point, trailing zeros dropped.
decimal_digits fixed_digits(double x, std::int64_t places) {
    return digits_from_text(printf_double('f', places, x));
}

// How format_float_short lays digits out: the format code (e f g, or r for repr), the precision
// as adjusted when the digits were asked for, and the flags.
struct float_layout {
    char code;
    std::int64_t precision;
    bool add_dot_0;  // integers get ".0" when no exponent is used
    bool alternate;  // '#': keep the point, and 'g's trailing zeros
    bool upper;      // 'E' rather than 'e'
};

// When the exponent form is used, and where the digit window ends before zero padding.
bool uses_exponent(const decimal_digits& d, const float_layout& style, std::int64_t& vdigits_end) {
    vdigits_end = static_cast<std::int64_t>(d.digits.size());
    switch (style.code) {
    case 'e':
        vdigits_end = style.precision;
        return true;
    case 'f':
        vdigits_end = d.decpt + style.precision;
        return false;
    case 'g':
        if (style.alternate) vdigits_end = style.precision;
        return d.decpt <= -4 || d.decpt > (style.add_dot_0 ? style.precision - 1 : style.precision);
    default:
        return d.decpt <= -4 || d.decpt > 16;  // repr switches to exponents at 1e16
    }
}

// format_float_short's layout: the window [vdigits_start, vdigits_end) of the digits padded
// with zeros on both sides, with the point inside it, then any exponent.
std::string lay_out_digits(const decimal_digits& d, bool negative, const float_layout& style) {
    std::int64_t vdigits_end = 0;
    bool use_exp = uses_exponent(d, style, vdigits_end);
    std::int64_t decpt = use_exp ? 1 : d.decpt;
    std::int64_t digits_len = static_cast<std::int64_t>(d.digits.size());
    std::int64_t vdigits_start = decpt <= 0 ? decpt - 1 : 0;
    vdigits_end = std::max(vdigits_end, !use_exp && style.add_dot_0 ? decpt + 1 : decpt);
    check_output_size(vdigits_end - vdigits_start);
    auto zeros = [](std::int64_t count) { return std::string(static_cast<std::size_t>(count), '0'); };

    std::string out = negative ? "-" : "";
    if (decpt <= 0) out += zeros(decpt - vdigits_start) + "." + zeros(-decpt);
    if (0 < decpt && decpt <= digits_len) {
        out += d.digits.substr(0, static_cast<std::size_t>(decpt)) + "." + d.digits.substr(static_cast<std::size_t>(decpt));
    } else {
        out += d.digits;
    }
    if (digits_len < decpt) {
        out += zeros(decpt - digits_len) + "." + zeros(vdigits_end - decpt);
    } else {
        out += zeros(vdigits_end - digits_len);
    }
    if (out.back() == '.' && !style.alternate) out.pop_back();
    if (use_exp) {
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%c%+.02lld", style.upper ? 'E' : 'e', static_cast<long long>(d.decpt - 1));
        out += buffer;
    }
    return out;
}

// CPython's PyOS_double_to_string: code is e E f F g G or r (repr); the digits come as Gay's
// dtoa would give them (mode 2 for e and g, 3 for f, 0 for r), then are laid out.
std::string double_to_string(double x, char code, std::int64_t precision, bool add_dot_0, bool alternate, bool no_neg_0) {
    bool upper = code == 'E' || code == 'F' || code == 'G';
    if (upper) code = static_cast<char>(code - 'A' + 'a');
    if (std::isnan(x)) return upper ? "NAN" : "nan";  // a NaN's sign is never shown
    bool negative = std::signbit(x);
    if (std::isinf(x)) return std::string(negative ? "-" : "") + (upper ? "INF" : "inf");

    decimal_digits d;
    if (code == 'e') {
        ++precision;  // digits after the point, plus the one before it
        d = significant_digits(x, precision);
    } else if (code == 'f') {
        d = fixed_digits(x, precision);
    } else if (code == 'g') {
        if (precision == 0) precision = 1;  // zero significant digits means one
        d = significant_digits(x, precision);
    } else {
        d = shortest_digits(x);
    }
    if (no_neg_0 && d.digits == "0") negative = false;
    return lay_out_digits(d, negative, {code, precision, add_dot_0, alternate, upper});
}

// ---- The format-spec mini-language (parse_internal_render_format_spec) ----

struct format_spec {
    char32_t fill = U' ';
    char32_t align = 0;
    char32_t sign = 0;
    bool no_neg_0 = false;   // 'z'
    bool alternate = false;  // '#'
    std::int64_t width = -1;
    char separator = 0;      // ',' or '_'
    int group_size = 0;      // digits between separators; 0 for none
    std::int64_t precision = -1;
    char32_t type = 0;
};

bool is_align(char32_t c) { return c == '<' || c == '>' || c == '=' || c == '^'; }
bool is_sign(char32_t c) { return c == '+' || c == '-' || c == ' '; }

// How CPython names a presentation type in messages: the char, or \x.. when unprintable.
std::string type_for_message(char32_t type) {
    if (type > 32 && type < 128) return std::string(1, static_cast<char>(type));
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "\\x%x", static_cast<unsigned>(type));
    return buffer;
}

[[noreturn]] void unknown_type(char32_t type, std::string_view type_name) {
    value_error("Unknown format code '" + type_for_message(type) + "' for object of type '" + std::string(type_name) + "'");
}

// A run of decimal digits at pos; returns how many there were.
std::size_t read_integer(const std::u32string& spec, std::size_t& pos, std::int64_t& value) {
    std::size_t start = pos;
    value = 0;
    for (; pos < spec.size() && decimal_value(spec[pos]) >= 0; ++pos) {
        int digit = decimal_value(spec[pos]);
        if (value > (INT64_MAX - digit) / 10) value_error("Too many decimal digits in format string");
        value = value * 10 + digit;
    }
    return pos - start;
}

// [[fill]align][sign][z][#][0][width][grouping][.precision][type], validated as far as
// CPython does before it knows the value's type.
format_spec parse_spec(std::string_view text, std::string_view type_name, char32_t default_type, char32_t default_align) {
    std::u32string spec = code_points(text);
    format_spec f;
    f.align = default_align;
    f.type = default_type;
    std::size_t pos = 0;
    auto at = [&](char32_t c) { return pos < spec.size() && spec[pos] == c; };

    bool fill_specified = false;
    bool align_specified = false;
    if (spec.size() >= 2 && is_align(spec[1])) {
        f.fill = spec[0];
        f.align = spec[1];
        fill_specified = align_specified = true;
        pos = 2;
    } else if (!spec.empty() && is_align(spec[0])) {
        f.align = spec[0];
        align_specified = true;
        pos = 1;
    }
    if (pos < spec.size() && is_sign(spec[pos])) f.sign = spec[pos++];
    if (at('z')) {
        f.no_neg_0 = true;
        ++pos;
    }
    if (at('#')) {
        f.alternate = true;
        ++pos;
    }
    if (!fill_specified && at('0')) {
        // '0' before the width: zero fill, and sign-aware padding for numbers.
        f.fill = U'0';
        if (!align_specified && default_align == '>') f.align = U'=';
        ++pos;
    }
    if (read_integer(spec, pos, f.width) == 0) f.width = -1;
    if (at(',')) {
        f.separator = ',';
        ++pos;
    }
    if (at('_')) {
        if (f.separator) value_error("Cannot specify both ',' and '_'.");
        f.separator = '_';
        ++pos;
    }
    if (at(',') && f.separator == '_') value_error("Cannot specify both ',' and '_'.");
    if (at('.')) {
        ++pos;
        if (read_integer(spec, pos, f.precision) == 0) value_error("Format specifier missing precision");
    }
    if (spec.size() - pos > 1) {
        value_error("Invalid format specifier '" + std::string(text) + "' for object of type '" + std::string(type_name) + "'");
    }
    if (pos < spec.size()) f.type = spec[pos];

    if (f.separator) {
        switch (f.type) {
        case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0:
            f.group_size = 3;
            break;
        case 'b': case 'o': case 'x': case 'X':
            if (f.separator == '_') {  // PEP 515: every four digits in bin/oct/hex
                f.group_size = 4;
                break;
            }
            [[fallthrough]];
        default:
            value_error(std::string("Cannot specify '") + f.separator + "' with '" + type_for_message(f.type) + "'.");
        }
    }
    return f;
}

// ---- Laying out a number (calc_number_widths and fill_number) ----

// A formatted number split the way CPython pads and groups it:
// <sign><prefix><digits>[.]<remainder>, where only <digits> gets separators and zero fill.
struct number_text {
    bool negative = false;
    std::string prefix;        // "0x" and friends for '#'
    std::string digits;        // integer-part digits
    bool has_decimal = false;  // a '.' between digits and remainder
    std::string remainder;     // fraction, exponent, '%', or all of "inf" / a 'c' character
    std::int64_t remainder_width = 0;
};

// The integer digits with separators, widened with zeros (and separators) to min_width:
// _PyUnicode_InsertThousandsGrouping, which works from the right in groups.
std::string group_digits(std::string_view digits, std::int64_t min_width, int group_size, char separator) {
    std::string reversed;  // built right to left
    std::int64_t remaining = static_cast<std::int64_t>(digits.size());
    std::size_t next = digits.size();
    bool use_separator = false;
    auto emit = [&](std::int64_t len) {
        std::int64_t zeros = std::max<std::int64_t>(0, len - remaining);
        std::int64_t chars = std::max<std::int64_t>(0, std::min(remaining, len));
        if (use_separator) reversed += separator;
        for (std::int64_t i = 0; i < chars; ++i) reversed += digits[--next];
        reversed.append(static_cast<std::size_t>(zeros), '0');
        remaining -= chars;
    };
    if (group_size > 0) {
        for (;;) {
            std::int64_t len = std::min<std::int64_t>(group_size, std::max<std::int64_t>({remaining, min_width, 1}));
            emit(len);
            use_separator = true;
            min_width -= len;
            if (remaining <= 0 && min_width <= 0) return {reversed.rbegin(), reversed.rend()};
            min_width -= 1;  // the separator
        }
    }
    emit(std::max<std::int64_t>({remaining, min_width, 1}));
    return {reversed.rbegin(), reversed.rend()};
}

std::string lay_out_number(const number_text& n, const format_spec& f, bool upper) {
    char sign = 0;
    if (f.sign == '+') {
        sign = n.negative ? '-' : '+';
    } else if (f.sign == ' ') {
        sign = n.negative ? '-' : ' ';
    } else if (n.negative) {
        sign = '-';
    }
    std::int64_t non_digits = (sign ? 1 : 0) + static_cast<std::int64_t>(n.prefix.size()) + (n.has_decimal ? 1 : 0) + n.remainder_width;
    check_output_size(f.width);
    std::int64_t min_width = f.fill == '0' && f.align == '=' ? f.width - non_digits : 0;
    std::string grouped = n.digits.empty() ? "" : group_digits(n.digits, min_width, f.group_size, f.separator);
    std::int64_t padding = f.width - (non_digits + static_cast<std::int64_t>(grouped.size()));
    std::int64_t left = 0, middle = 0, right = 0;
    if (padding > 0) {
        if (f.align == '<') {
            right = padding;
        } else if (f.align == '^') {
            left = padding / 2;
            right = padding - left;
        } else if (f.align == '=') {
            middle = padding;
        } else {
            left = padding;
        }
    }
    std::string prefix = n.prefix;
    if (upper) {
        for (char& c : prefix) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        for (char& c : grouped) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    std::string out = repeated(f.fill, left);
    if (sign) out += sign;
    out += prefix;
    out += repeated(f.fill, middle);
    out += grouped;
    if (n.has_decimal) out += '.';
    out += n.remainder;
    out += repeated(f.fill, right);
    return out;
}

// Splits double_to_string's output into the parts lay_out_number pads (parse_number).
number_text split_float_text(const std::string& text) {
    number_text n;
    std::size_t pos = 0;
    if (text[0] == '-') {
        n.negative = true;
        pos = 1;
    }
    std::size_t digits_end = text.find_first_not_of("0123456789", pos);
    if (digits_end == std::string::npos) digits_end = text.size();
    n.digits = text.substr(pos, digits_end - pos);
    n.has_decimal = digits_end < text.size() && text[digits_end] == '.';
    n.remainder = text.substr(digits_end + (n.has_decimal ? 1 : 0));
    n.remainder_width = static_cast<std::int64_t>(n.remainder.size());
    return n;
}

// format_float_internal: also serves ints given a float presentation type.
std::string format_float_with(double x, const format_spec& f) {
    if (f.precision > INT_MAX) value_error("precision too big");
    check_output_size(f.precision);
    char type = static_cast<char>(f.type);
    bool add_dot_0 = false;
    std::int64_t default_precision = 6;
    if (type == 0) {  // like repr, or like 'g' with at least one digit after the point
        add_dot_0 = true;
        type = 'r';
        default_precision = 0;
    }
    if (type == 'n') type = 'g';  // the C locale's 'n' is 'g'
    bool percent = type == '%';
    if (percent) {
        type = 'f';
        x *= 100;
    }
    std::int64_t precision = f.precision;
    if (precision < 0) {
        precision = default_precision;
    } else if (type == 'r') {
        type = 'g';
    }
    std::string text = double_to_string(x, type, precision, add_dot_0, f.alternate, f.no_neg_0);
    if (percent) text += '%';
    return lay_out_number(split_float_text(text), f, false);
}

// format_long_internal for the integer presentation types b c d n o x X.
std::string format_int_with(std::int64_t value, const format_spec& f) {
    if (f.precision != -1) value_error("Precision not allowed in integer format specifier");
    if (f.no_neg_0) value_error("Negative zero coercion (z) not allowed in integer format specifier");
    number_text n;
    if (f.type == 'c') {
        if (f.sign) value_error("Sign not allowed with integer format specifier 'c'");
        if (f.alternate) value_error("Alternate form (#) not allowed with integer format specifier 'c'");
        if (value < 0 || value > 0x10FFFF) throw format_error{"OverflowError", "%c arg not in range(0x110000)"};
        append_utf8(n.remainder, static_cast<char32_t>(value));
        n.remainder_width = 1;
        return lay_out_number(n, f, false);
    }
    unsigned base = f.type == 'b' ? 2 : f.type == 'o' ? 8 : f.type == 'x' || f.type == 'X' ? 16 : 10;
    if (f.alternate && base != 10) n.prefix = base == 2 ? "0b" : base == 8 ? "0o" : "0x";
    n.negative = value < 0;
    // The magnitude as unsigned, so INT64_MIN has one too.
    std::uint64_t magnitude = n.negative ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
    do {
        n.digits += "0123456789abcdef"[magnitude % base];
        magnitude /= base;
    } while (magnitude != 0);
    std::reverse(n.digits.begin(), n.digits.end());
    return lay_out_number(n, f, f.type == 'X');
}

// format_string_internal: fill, align, width and precision (truncation), in code points.
std::string format_str_with(std::string_view text, const format_spec& f) {
    if (f.sign == ' ') value_error("Space not allowed in string format specifier");
    if (f.sign) value_error("Sign not allowed in string format specifier");
    if (f.no_neg_0) value_error("Negative zero coercion (z) not allowed in string format specifier");
    if (f.alternate) value_error("Alternate form (#) not allowed in string format specifier");
    if (f.align == '=') value_error("'=' alignment not allowed in string format specifier");
    std::int64_t length = count_code_points(text);
    if (f.precision >= 0 && length > f.precision) {
        text = text.substr(0, prefix_bytes(text, f.precision));
        length = f.precision;
    }
    check_output_size(f.width);
    std::int64_t total = std::max(length, f.width);
    std::int64_t left = f.align == '>' ? total - length : f.align == '^' ? (total - length) / 2 : 0;
    std::int64_t right = total - length - left;
    return repeated(f.fill, left) + std::string(text) + repeated(f.fill, right);
}

// ---- float() and int() parsing ----

// Python's whitespace beyond ASCII (str.isspace), which float() and int() read as ' '.
bool is_unicode_space(char32_t c) {
    return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
           c == 0x202F || c == 0x205F || c == 0x3000;
}

// _PyUnicode_TransformDecimalAndSpaceToASCII: non-ASCII whitespace becomes ' ' and other
// scripts' decimal digits ASCII ones; anything else non-ASCII makes the text invalid.
bool to_ascii(std::string_view text, std::string& out) {
    for (std::size_t pos = 0; pos < text.size();) {
        decoded_char c = decode_utf8(text, pos);
        if (!c.valid) return false;
        if (c.code < 127) {
            out += static_cast<char>(c.code);
        } else if (is_unicode_space(c.code)) {
            out += ' ';
        } else if (int digit = decimal_value(c.code); digit >= 0) {
            out += static_cast<char>('0' + digit);
        } else {
            return false;
        }
        pos += c.length;
    }
    return true;
}

bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string_view strip_ascii_space(std::string_view text) {
    while (!text.empty() && is_ascii_space(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_ascii_space(text.back())) text.remove_suffix(1);
    return text;
}

// _Py_string_to_number_with_underscores: drops '_'s that sit between two digits, else fails.
bool remove_underscores(std::string_view text, std::string& out) {
    char previous = 0;
    for (char c : text) {
        if (c == '_') {
            if (!is_digit(previous)) return false;
        } else {
            if (previous == '_' && !is_digit(c)) return false;
            out += c;
        }
        previous = c;
    }
    return previous != '_';
}

bool equals_ignoring_case(std::string_view text, std::string_view lower) {
    if (text.size() != lower.size()) return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(text[i])) != lower[i]) return false;
    }
    return true;
}

// What Gay's strtod reads entirely: [sign] digits [. digits] [e [sign] digits], a digit somewhere
// in the mantissa. (strtod itself would also take hex, "inf" and "nan(...)".)
bool is_decimal_float(std::string_view text) {
    std::size_t pos = 0;
    auto digits = [&] {
        std::size_t start = pos;
        while (pos < text.size() && is_digit(text[pos])) ++pos;
        return pos - start;
    };
    if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) ++pos;
    std::size_t mantissa_digits = digits();
    if (pos < text.size() && text[pos] == '.') {
        ++pos;
        mantissa_digits += digits();
    }
    if (mantissa_digits == 0) return false;
    if (pos < text.size() && (text[pos] == 'e' || text[pos] == 'E')) {
        ++pos;
        if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) ++pos;
        if (digits() == 0) return false;
    }
    return pos == text.size();
}

int digit_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

// The digits of an int literal after its sign and prefix, then only whitespace: one '_' at a
// time between digits. Sets too_big when the value passes 64 bits, so the caller can tell a
// valid literal that overflows (OverflowError) from an invalid one (false).
bool read_int_digits(std::string_view s, int base, std::uint64_t& magnitude, bool& too_big) {
    std::size_t digits = 0;
    char previous = 0;
    std::size_t pos = 0;
    for (; pos < s.size() && (digit_value(s[pos]) < base || s[pos] == '_'); ++pos) {
        if (s[pos] == '_') {
            if (previous == '_') return false;
        } else {
            auto digit = static_cast<std::uint64_t>(digit_value(s[pos]));
            if (magnitude > (UINT64_MAX - digit) / static_cast<std::uint64_t>(base)) too_big = true;
            magnitude = magnitude * static_cast<std::uint64_t>(base) + digit;
            ++digits;
        }
        previous = s[pos];
    }
    if (previous == '_' || digits == 0) return false;
    while (pos < s.size() && is_ascii_space(s[pos])) ++pos;
    return pos == s.size();
}

// ---- round() helpers ----

// Rounds |x| (an integer-valued or not double) to a multiple of 10^places, ties to even, from
// its exact value: the integer part's exact digits, and whether a fraction was dropped too.
std::string round_to_tens(double x, int places) {
    double whole = std::trunc(std::fabs(x));
    bool fraction_dropped = whole != std::fabs(x);
    std::string digits = printf_double('f', 0, whole);
    if (digits.size() < static_cast<std::size_t>(places) + 1) digits.insert(0, places + 1 - digits.size(), '0');
    std::string kept = digits.substr(0, digits.size() - places);
    std::string dropped = digits.substr(digits.size() - places);
    std::string half = "5" + std::string(places - 1, '0');
    bool round_up = dropped > half || (dropped == half && (fraction_dropped || (kept.back() - '0') % 2 == 1));
    if (round_up && !increment_digits(kept)) kept.insert(0, "1");
    return std::string(std::signbit(x) ? "-" : "") + kept + "e" + std::to_string(places);
}

}  // namespace

// ---- The API ----

std::string float_repr(double x) { return double_to_string(x, 'r', 0, true, false, false); }

std::string int_repr(std::int64_t n) { return std::to_string(n); }

std::string str_repr(std::string_view utf8) {
    bool has_single = utf8.find('\'') != std::string_view::npos;
    bool has_double = utf8.find('"') != std::string_view::npos;
    char quote = has_single && !has_double ? '"' : '\'';
    std::string out(1, quote);
    for (std::size_t pos = 0; pos < utf8.size();) {
        decoded_char c = decode_utf8(utf8, pos);
        pos += c.length;
        if (!c.valid) {
            append_hex_escape(out, 'x', c.code, 2);
        } else if (c.code == static_cast<char32_t>(quote) || c.code == '\\') {
            out += '\\';
            out += static_cast<char>(c.code);
        } else if (c.code == '\t') {
            out += "\\t";
        } else if (c.code == '\n') {
            out += "\\n";
        } else if (c.code == '\r') {
            out += "\\r";
        } else if (c.code < ' ' || c.code == 0x7F) {
            append_hex_escape(out, 'x', c.code, 2);
        } else if (c.code < 0x7F || is_printable_non_ascii(c.code)) {
            append_utf8(out, c.code);
        } else if (c.code <= 0xFF) {
            append_hex_escape(out, 'x', c.code, 2);
        } else if (c.code <= 0xFFFF) {
            append_hex_escape(out, 'u', c.code, 4);
        } else {
            append_hex_escape(out, 'U', c.code, 8);
        }
    }
    out += quote;
    return out;
}

std::string format_int(std::int64_t n, std::string_view spec, std::string_view type_name) {
    if (spec.empty()) return int_repr(n);
    format_spec f = parse_spec(spec, type_name, U'd', U'>');
    switch (f.type) {
    case 'b': case 'c': case 'd': case 'o': case 'x': case 'X': case 'n':
        return format_int_with(n, f);
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%':
        return format_float_with(static_cast<double>(n), f);
    default:
        unknown_type(f.type, type_name);
    }
}

std::string format_float(double x, std::string_view spec) {
    if (spec.empty()) return float_repr(x);
    format_spec f = parse_spec(spec, "float", 0, U'>');
    switch (f.type) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': case '%':
        return format_float_with(x, f);
    default:
        unknown_type(f.type, "float");
    }
}

std::string format_str(std::string_view utf8, std::string_view spec) {
    if (spec.empty()) return std::string(utf8);
    format_spec f = parse_spec(spec, "str", U's', U'<');
    if (f.type != 's') unknown_type(f.type, "str");
    return format_str_with(utf8, f);
}

double python_round(double x, int ndigits) {
    // Past these, every double rounds to itself / to zero (CPython's NDIGITS_MAX and _MIN).
    constexpr int ndigits_max = static_cast<int>((53 - (-1021)) * 0.30103);
    constexpr int ndigits_min = -static_cast<int>((1024 + 1) * 0.30103);
    if (!std::isfinite(x) || ndigits > ndigits_max) return x;
    if (ndigits < ndigits_min) return 0.0 * x;
    // CPython rounds to a decimal string (correctly, ties to even) and reads it back.
    std::string text = ndigits >= 0 ? printf_double('f', ndigits, x) : round_to_tens(x, -ndigits);
    double rounded = std::strtod(text.c_str(), nullptr);
    if (std::isinf(rounded)) throw format_error{"OverflowError", "rounded value too large to represent"};
    return rounded;
}

double python_round_half_even(double x) {
    double rounded = std::round(x);  // halves away from zero...
    if (std::fabs(x - rounded) == 0.5) rounded = 2.0 * std::round(x / 2.0);  // ...so redo ties to even
    return rounded;
}

bool parse_python_float(std::string_view text, double& out) {
    std::string ascii, plain;
    if (!to_ascii(text, ascii) || ascii.find('\0') != std::string::npos) return false;
    if (!remove_underscores(ascii, plain)) return false;
    std::string_view body = strip_ascii_space(plain);
    bool negative = !body.empty() && body[0] == '-';
    std::string_view unsigned_body = body.substr(!body.empty() && (body[0] == '-' || body[0] == '+') ? 1 : 0);
    if (equals_ignoring_case(unsigned_body, "inf") || equals_ignoring_case(unsigned_body, "infinity")) {
        out = negative ? -HUGE_VAL : HUGE_VAL;
        return true;
    }
    if (equals_ignoring_case(unsigned_body, "nan")) {
        out = negative ? -std::fabs(std::nan("")) : std::fabs(std::nan(""));
        return true;
    }
    if (!is_decimal_float(body)) return false;
    out = std::strtod(std::string(body).c_str(), nullptr);  // ±inf on overflow, as Python
    return true;
}

bool parse_python_int(std::string_view text, int base, std::int64_t& out) {
    if ((base != 0 && base < 2) || base > 36) {
        throw format_error{"ValueError", "int() base must be >= 2 and <= 36, or 0"};
    }
    std::string ascii;
    if (!to_ascii(text, ascii) || ascii.find('\0') != std::string::npos) return false;
    std::string_view s = ascii;
    while (!s.empty() && is_ascii_space(s.front())) s.remove_prefix(1);
    bool negative = !s.empty() && s[0] == '-';
    if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
    auto prefix_is = [&](char letter) {
        return s.size() >= 2 && s[0] == '0' && std::tolower(static_cast<unsigned char>(s[1])) == letter;
    };
    bool only_zero_allowed = false;  // base 0 forbids "010" (old octal) but not "000"
    if (base == 0) {
        base = prefix_is('x') ? 16 : prefix_is('o') ? 8 : prefix_is('b') ? 2 : 10;
        only_zero_allowed = base == 10 && !s.empty() && s[0] == '0';
    }
    if ((base == 16 && prefix_is('x')) || (base == 8 && prefix_is('o')) || (base == 2 && prefix_is('b'))) {
        s.remove_prefix(2);
        if (!s.empty() && s[0] == '_') s.remove_prefix(1);  // one '_' may follow the prefix
    }
    if (!s.empty() && s[0] == '_') return false;

    std::uint64_t magnitude = 0;
    bool too_big = false;
    if (!read_int_digits(s, base, magnitude, too_big)) return false;
    if (only_zero_allowed && (magnitude != 0 || too_big)) return false;

    std::uint64_t limit = negative ? std::uint64_t{1} << 63 : (std::uint64_t{1} << 63) - 1;
    if (too_big || magnitude > limit) {
        throw format_error{"OverflowError", "int too large for a 64-bit integer: " + str_repr(text)};
    }
    out = negative ? static_cast<std::int64_t>(0 - magnitude) : static_cast<std::int64_t>(magnitude);
    return true;
}

namespace {

// The code points at or above U+0080 for which Python 3.11's str.isprintable() is false
// (Unicode 14.0 categories Cc Cf Cs Co Cn Zl Zp Zs), as inclusive ranges. Generated with
// python3.11: the runs of c in range(0x80, 0x110000) where not chr(c).isprintable().
const code_range non_printable_ranges[] = {
    {0x80, 0xa0}, {0xad, 0xad}, {0x378, 0x379}, {0x380, 0x383}, {0x38b, 0x38b}, {0x38d, 0x38d},
    {0x3a2, 0x3a2}, {0x530, 0x530}, {0x557, 0x558}, {0x58b, 0x58c}, {0x590, 0x590}, {0x5c8, 0x5cf},
    {0x5eb, 0x5ee}, {0x5f5, 0x605}, {0x61c, 0x61c}, {0x6dd, 0x6dd}, {0x70e, 0x70f}, {0x74b, 0x74c},
    {0x7b2, 0x7bf}, {0x7fb, 0x7fc}, {0x82e, 0x82f}, {0x83f, 0x83f}, {0x85c, 0x85d}, {0x85f, 0x85f},
    {0x86b, 0x86f}, {0x88f, 0x897}, {0x8e2, 0x8e2}, {0x984, 0x984}, {0x98d, 0x98e}, {0x991, 0x992},
    {0x9a9, 0x9a9}, {0x9b1, 0x9b1}, {0x9b3, 0x9b5}, {0x9ba, 0x9bb}, {0x9c5, 0x9c6}, {0x9c9, 0x9ca},
    {0x9cf, 0x9d6}, {0x9d8, 0x9db}, {0x9de, 0x9de}, {0x9e4, 0x9e5}, {0x9ff, 0xa00}, {0xa04, 0xa04},
    {0xa0b, 0xa0e}, {0xa11, 0xa12}, {0xa29, 0xa29}, {0xa31, 0xa31}, {0xa34, 0xa34}, {0xa37, 0xa37},
    {0xa3a, 0xa3b}, {0xa3d, 0xa3d}, {0xa43, 0xa46}, {0xa49, 0xa4a}, {0xa4e, 0xa50}, {0xa52, 0xa58},
    {0xa5d, 0xa5d}, {0xa5f, 0xa65}, {0xa77, 0xa80}, {0xa84, 0xa84}, {0xa8e, 0xa8e}, {0xa92, 0xa92},
    {0xaa9, 0xaa9}, {0xab1, 0xab1}, {0xab4, 0xab4}, {0xaba, 0xabb}, {0xac6, 0xac6}, {0xaca, 0xaca},
    {0xace, 0xacf}, {0xad1, 0xadf}, {0xae4, 0xae5}, {0xaf2, 0xaf8}, {0xb00, 0xb00}, {0xb04, 0xb04},
    {0xb0d, 0xb0e}, {0xb11, 0xb12}, {0xb29, 0xb29}, {0xb31, 0xb31}, {0xb34, 0xb34}, {0xb3a, 0xb3b},
    {0xb45, 0xb46}, {0xb49, 0xb4a}, {0xb4e, 0xb54}, {0xb58, 0xb5b}, {0xb5e, 0xb5e}, {0xb64, 0xb65},
    {0xb78, 0xb81}, {0xb84, 0xb84}, {0xb8b, 0xb8d}, {0xb91, 0xb91}, {0xb96, 0xb98}, {0xb9b, 0xb9b},
    {0xb9d, 0xb9d}, {0xba0, 0xba2}, {0xba5, 0xba7}, {0xbab, 0xbad}, {0xbba, 0xbbd}, {0xbc3, 0xbc5},
    {0xbc9, 0xbc9}, {0xbce, 0xbcf}, {0xbd1, 0xbd6}, {0xbd8, 0xbe5}, {0xbfb, 0xbff}, {0xc0d, 0xc0d},
    {0xc11, 0xc11}, {0xc29, 0xc29}, {0xc3a, 0xc3b}, {0xc45, 0xc45}, {0xc49, 0xc49}, {0xc4e, 0xc54},
    {0xc57, 0xc57}, {0xc5b, 0xc5c}, {0xc5e, 0xc5f}, {0xc64, 0xc65}, {0xc70, 0xc76}, {0xc8d, 0xc8d},
    {0xc91, 0xc91}, {0xca9, 0xca9}, {0xcb4, 0xcb4}, {0xcba, 0xcbb}, {0xcc5, 0xcc5}, {0xcc9, 0xcc9},
    {0xcce, 0xcd4}, {0xcd7, 0xcdc}, {0xcdf, 0xcdf}, {0xce4, 0xce5}, {0xcf0, 0xcf0}, {0xcf3, 0xcff},
    {0xd0d, 0xd0d}, {0xd11, 0xd11}, {0xd45, 0xd45}, {0xd49, 0xd49}, {0xd50, 0xd53}, {0xd64, 0xd65},
    {0xd80, 0xd80}, {0xd84, 0xd84}, {0xd97, 0xd99}, {0xdb2, 0xdb2}, {0xdbc, 0xdbc}, {0xdbe, 0xdbf},
    {0xdc7, 0xdc9}, {0xdcb, 0xdce}, {0xdd5, 0xdd5}, {0xdd7, 0xdd7}, {0xde0, 0xde5}, {0xdf0, 0xdf1},
    {0xdf5, 0xe00}, {0xe3b, 0xe3e}, {0xe5c, 0xe80}, {0xe83, 0xe83}, {0xe85, 0xe85}, {0xe8b, 0xe8b},
    {0xea4, 0xea4}, {0xea6, 0xea6}, {0xebe, 0xebf}, {0xec5, 0xec5}, {0xec7, 0xec7}, {0xece, 0xecf},
    {0xeda, 0xedb}, {0xee0, 0xeff}, {0xf48, 0xf48}, {0xf6d, 0xf70}, {0xf98, 0xf98}, {0xfbd, 0xfbd},
    {0xfcd, 0xfcd}, {0xfdb, 0xfff}, {0x10c6, 0x10c6}, {0x10c8, 0x10cc}, {0x10ce, 0x10cf},
    {0x1249, 0x1249}, {0x124e, 0x124f}, {0x1257, 0x1257}, {0x1259, 0x1259}, {0x125e, 0x125f},
    {0x1289, 0x1289}, {0x128e, 0x128f}, {0x12b1, 0x12b1}, {0x12b6, 0x12b7}, {0x12bf, 0x12bf},
    {0x12c1, 0x12c1}, {0x12c6, 0x12c7}, {0x12d7, 0x12d7}, {0x1311, 0x1311}, {0x1316, 0x1317},
    {0x135b, 0x135c}, {0x137d, 0x137f}, {0x139a, 0x139f}, {0x13f6, 0x13f7}, {0x13fe, 0x13ff},
    {0x1680, 0x1680}, {0x169d, 0x169f}, {0x16f9, 0x16ff}, {0x1716, 0x171e}, {0x1737, 0x173f},
    {0x1754, 0x175f}, {0x176d, 0x176d}, {0x1771, 0x1771}, {0x1774, 0x177f}, {0x17de, 0x17df},
    {0x17ea, 0x17ef}, {0x17fa, 0x17ff}, {0x180e, 0x180e}, {0x181a, 0x181f}, {0x1879, 0x187f},
    {0x18ab, 0x18af}, {0x18f6, 0x18ff}, {0x191f, 0x191f}, {0x192c, 0x192f}, {0x193c, 0x193f},
    {0x1941, 0x1943}, {0x196e, 0x196f}, {0x1975, 0x197f}, {0x19ac, 0x19af}, {0x19ca, 0x19cf},
    {0x19db, 0x19dd}, {0x1a1c, 0x1a1d}, {0x1a5f, 0x1a5f}, {0x1a7d, 0x1a7e}, {0x1a8a, 0x1a8f},
    {0x1a9a, 0x1a9f}, {0x1aae, 0x1aaf}, {0x1acf, 0x1aff}, {0x1b4d, 0x1b4f}, {0x1b7f, 0x1b7f},
    {0x1bf4, 0x1bfb}, {0x1c38, 0x1c3a}, {0x1c4a, 0x1c4c}, {0x1c89, 0x1c8f}, {0x1cbb, 0x1cbc},
    {0x1cc8, 0x1ccf}, {0x1cfb, 0x1cff}, {0x1f16, 0x1f17}, {0x1f1e, 0x1f1f}, {0x1f46, 0x1f47},
    {0x1f4e, 0x1f4f}, {0x1f58, 0x1f58}, {0x1f5a, 0x1f5a}, {0x1f5c, 0x1f5c}, {0x1f5e, 0x1f5e},
    {0x1f7e, 0x1f7f}, {0x1fb5, 0x1fb5}, {0x1fc5, 0x1fc5}, {0x1fd4, 0x1fd5}, {0x1fdc, 0x1fdc},
    {0x1ff0, 0x1ff1}, {0x1ff5, 0x1ff5}, {0x1fff, 0x200f}, {0x2028, 0x202f}, {0x205f, 0x206f},
    {0x2072, 0x2073}, {0x208f, 0x208f}, {0x209d, 0x209f}, {0x20c1, 0x20cf}, {0x20f1, 0x20ff},
    {0x218c, 0x218f}, {0x2427, 0x243f}, {0x244b, 0x245f}, {0x2b74, 0x2b75}, {0x2b96, 0x2b96},
    {0x2cf4, 0x2cf8}, {0x2d26, 0x2d26}, {0x2d28, 0x2d2c}, {0x2d2e, 0x2d2f}, {0x2d68, 0x2d6e},
    {0x2d71, 0x2d7e}, {0x2d97, 0x2d9f}, {0x2da7, 0x2da7}, {0x2daf, 0x2daf}, {0x2db7, 0x2db7},
    {0x2dbf, 0x2dbf}, {0x2dc7, 0x2dc7}, {0x2dcf, 0x2dcf}, {0x2dd7, 0x2dd7}, {0x2ddf, 0x2ddf},
    {0x2e5e, 0x2e7f}, {0x2e9a, 0x2e9a}, {0x2ef4, 0x2eff}, {0x2fd6, 0x2fef}, {0x2ffc, 0x3000},
    {0x3040, 0x3040}, {0x3097, 0x3098}, {0x3100, 0x3104}, {0x3130, 0x3130}, {0x318f, 0x318f},
    {0x31e4, 0x31ef}, {0x321f, 0x321f}, {0xa48d, 0xa48f}, {0xa4c7, 0xa4cf}, {0xa62c, 0xa63f},
    {0xa6f8, 0xa6ff}, {0xa7cb, 0xa7cf}, {0xa7d2, 0xa7d2}, {0xa7d4, 0xa7d4}, {0xa7da, 0xa7f1},
    {0xa82d, 0xa82f}, {0xa83a, 0xa83f}, {0xa878, 0xa87f}, {0xa8c6, 0xa8cd}, {0xa8da, 0xa8df},
    {0xa954, 0xa95e}, {0xa97d, 0xa97f}, {0xa9ce, 0xa9ce}, {0xa9da, 0xa9dd}, {0xa9ff, 0xa9ff},
    {0xaa37, 0xaa3f}, {0xaa4e, 0xaa4f}, {0xaa5a, 0xaa5b}, {0xaac3, 0xaada}, {0xaaf7, 0xab00},
    {0xab07, 0xab08}, {0xab0f, 0xab10}, {0xab17, 0xab1f}, {0xab27, 0xab27}, {0xab2f, 0xab2f},
    {0xab6c, 0xab6f}, {0xabee, 0xabef}, {0xabfa, 0xabff}, {0xd7a4, 0xd7af}, {0xd7c7, 0xd7ca},
    {0xd7fc, 0xf8ff}, {0xfa6e, 0xfa6f}, {0xfada, 0xfaff}, {0xfb07, 0xfb12}, {0xfb18, 0xfb1c},
    {0xfb37, 0xfb37}, {0xfb3d, 0xfb3d}, {0xfb3f, 0xfb3f}, {0xfb42, 0xfb42}, {0xfb45, 0xfb45},
    {0xfbc3, 0xfbd2}, {0xfd90, 0xfd91}, {0xfdc8, 0xfdce}, {0xfdd0, 0xfdef}, {0xfe1a, 0xfe1f},
    {0xfe53, 0xfe53}, {0xfe67, 0xfe67}, {0xfe6c, 0xfe6f}, {0xfe75, 0xfe75}, {0xfefd, 0xff00},
    {0xffbf, 0xffc1}, {0xffc8, 0xffc9}, {0xffd0, 0xffd1}, {0xffd8, 0xffd9}, {0xffdd, 0xffdf},
    {0xffe7, 0xffe7}, {0xffef, 0xfffb}, {0xfffe, 0xffff}, {0x1000c, 0x1000c}, {0x10027, 0x10027},
    {0x1003b, 0x1003b}, {0x1003e, 0x1003e}, {0x1004e, 0x1004f}, {0x1005e, 0x1007f},
    {0x100fb, 0x100ff}, {0x10103, 0x10106}, {0x10134, 0x10136}, {0x1018f, 0x1018f},
    {0x1019d, 0x1019f}, {0x101a1, 0x101cf}, {0x101fe, 0x1027f}, {0x1029d, 0x1029f},
    {0x102d1, 0x102df}, {0x102fc, 0x102ff}, {0x10324, 0x1032c}, {0x1034b, 0x1034f},
    {0x1037b, 0x1037f}, {0x1039e, 0x1039e}, {0x103c4, 0x103c7}, {0x103d6, 0x103ff},
    {0x1049e, 0x1049f}, {0x104aa, 0x104af}, {0x104d4, 0x104d7}, {0x104fc, 0x104ff},
    {0x10528, 0x1052f}, {0x10564, 0x1056e}, {0x1057b, 0x1057b}, {0x1058b, 0x1058b},
    {0x10593, 0x10593}, {0x10596, 0x10596}, {0x105a2, 0x105a2}, {0x105b2, 0x105b2},
    {0x105ba, 0x105ba}, {0x105bd, 0x105ff}, {0x10737, 0x1073f}, {0x10756, 0x1075f},
    {0x10768, 0x1077f}, {0x10786, 0x10786}, {0x107b1, 0x107b1}, {0x107bb, 0x107ff},
    {0x10806, 0x10807}, {0x10809, 0x10809}, {0x10836, 0x10836}, {0x10839, 0x1083b},
    {0x1083d, 0x1083e}, {0x10856, 0x10856}, {0x1089f, 0x108a6}, {0x108b0, 0x108df},
    {0x108f3, 0x108f3}, {0x108f6, 0x108fa}, {0x1091c, 0x1091e}, {0x1093a, 0x1093e},
    {0x10940, 0x1097f}, {0x109b8, 0x109bb}, {0x109d0, 0x109d1}, {0x10a04, 0x10a04},
    {0x10a07, 0x10a0b}, {0x10a14, 0x10a14}, {0x10a18, 0x10a18}, {0x10a36, 0x10a37},
    {0x10a3b, 0x10a3e}, {0x10a49, 0x10a4f}, {0x10a59, 0x10a5f}, {0x10aa0, 0x10abf},
    {0x10ae7, 0x10aea}, {0x10af7, 0x10aff}, {0x10b36, 0x10b38}, {0x10b56, 0x10b57},
    {0x10b73, 0x10b77}, {0x10b92, 0x10b98}, {0x10b9d, 0x10ba8}, {0x10bb0, 0x10bff},
    {0x10c49, 0x10c7f}, {0x10cb3, 0x10cbf}, {0x10cf3, 0x10cf9}, {0x10d28, 0x10d2f},
    {0x10d3a, 0x10e5f}, {0x10e7f, 0x10e7f}, {0x10eaa, 0x10eaa}, {0x10eae, 0x10eaf},
    {0x10eb2, 0x10eff}, {0x10f28, 0x10f2f}, {0x10f5a, 0x10f6f}, {0x10f8a, 0x10faf},
    {0x10fcc, 0x10fdf}, {0x10ff7, 0x10fff}, {0x1104e, 0x11051}, {0x11076, 0x1107e},
    {0x110bd, 0x110bd}, {0x110c3, 0x110cf}, {0x110e9, 0x110ef}, {0x110fa, 0x110ff},
    {0x11135, 0x11135}, {0x11148, 0x1114f}, {0x11177, 0x1117f}, {0x111e0, 0x111e0},
    {0x111f5, 0x111ff}, {0x11212, 0x11212}, {0x1123f, 0x1127f}, {0x11287, 0x11287},
    {0x11289, 0x11289}, {0x1128e, 0x1128e}, {0x1129e, 0x1129e}, {0x112aa, 0x112af},
    {0x112eb, 0x112ef}, {0x112fa, 0x112ff}, {0x11304, 0x11304}, {0x1130d, 0x1130e},
    {0x11311, 0x11312}, {0x11329, 0x11329}, {0x11331, 0x11331}, {0x11334, 0x11334},
    {0x1133a, 0x1133a}, {0x11345, 0x11346}, {0x11349, 0x1134a}, {0x1134e, 0x1134f},
    {0x11351, 0x11356}, {0x11358, 0x1135c}, {0x11364, 0x11365}, {0x1136d, 0x1136f},
    {0x11375, 0x113ff}, {0x1145c, 0x1145c}, {0x11462, 0x1147f}, {0x114c8, 0x114cf},
    {0x114da, 0x1157f}, {0x115b6, 0x115b7}, {0x115de, 0x115ff}, {0x11645, 0x1164f},
    {0x1165a, 0x1165f}, {0x1166d, 0x1167f}, {0x116ba, 0x116bf}, {0x116ca, 0x116ff},
    {0x1171b, 0x1171c}, {0x1172c, 0x1172f}, {0x11747, 0x117ff}, {0x1183c, 0x1189f},
    {0x118f3, 0x118fe}, {0x11907, 0x11908}, {0x1190a, 0x1190b}, {0x11914, 0x11914},
    {0x11917, 0x11917}, {0x11936, 0x11936}, {0x11939, 0x1193a}, {0x11947, 0x1194f},
    {0x1195a, 0x1199f}, {0x119a8, 0x119a9}, {0x119d8, 0x119d9}, {0x119e5, 0x119ff},
    {0x11a48, 0x11a4f}, {0x11aa3, 0x11aaf}, {0x11af9, 0x11bff}, {0x11c09, 0x11c09},
    {0x11c37, 0x11c37}, {0x11c46, 0x11c4f}, {0x11c6d, 0x11c6f}, {0x11c90, 0x11c91},
    {0x11ca8, 0x11ca8}, {0x11cb7, 0x11cff}, {0x11d07, 0x11d07}, {0x11d0a, 0x11d0a},
    {0x11d37, 0x11d39}, {0x11d3b, 0x11d3b}, {0x11d3e, 0x11d3e}, {0x11d48, 0x11d4f},
    {0x11d5a, 0x11d5f}, {0x11d66, 0x11d66}, {0x11d69, 0x11d69}, {0x11d8f, 0x11d8f},
    {0x11d92, 0x11d92}, {0x11d99, 0x11d9f}, {0x11daa, 0x11edf}, {0x11ef9, 0x11faf},
    {0x11fb1, 0x11fbf}, {0x11ff2, 0x11ffe}, {0x1239a, 0x123ff}, {0x1246f, 0x1246f},
    {0x12475, 0x1247f}, {0x12544, 0x12f8f}, {0x12ff3, 0x12fff}, {0x1342f, 0x143ff},
    {0x14647, 0x167ff}, {0x16a39, 0x16a3f}, {0x16a5f, 0x16a5f}, {0x16a6a, 0x16a6d},
    {0x16abf, 0x16abf}, {0x16aca, 0x16acf}, {0x16aee, 0x16aef}, {0x16af6, 0x16aff},
    {0x16b46, 0x16b4f}, {0x16b5a, 0x16b5a}, {0x16b62, 0x16b62}, {0x16b78, 0x16b7c},
    {0x16b90, 0x16e3f}, {0x16e9b, 0x16eff}, {0x16f4b, 0x16f4e}, {0x16f88, 0x16f8e},
    {0x16fa0, 0x16fdf}, {0x16fe5, 0x16fef}, {0x16ff2, 0x16fff}, {0x187f8, 0x187ff},
    {0x18cd6, 0x18cff}, {0x18d09, 0x1afef}, {0x1aff4, 0x1aff4}, {0x1affc, 0x1affc},
    {0x1afff, 0x1afff}, {0x1b123, 0x1b14f}, {0x1b153, 0x1b163}, {0x1b168, 0x1b16f},
    {0x1b2fc, 0x1bbff}, {0x1bc6b, 0x1bc6f}, {0x1bc7d, 0x1bc7f}, {0x1bc89, 0x1bc8f},
    {0x1bc9a, 0x1bc9b}, {0x1bca0, 0x1ceff}, {0x1cf2e, 0x1cf2f}, {0x1cf47, 0x1cf4f},
    {0x1cfc4, 0x1cfff}, {0x1d0f6, 0x1d0ff}, {0x1d127, 0x1d128}, {0x1d173, 0x1d17a},
    {0x1d1eb, 0x1d1ff}, {0x1d246, 0x1d2df}, {0x1d2f4, 0x1d2ff}, {0x1d357, 0x1d35f},
    {0x1d379, 0x1d3ff}, {0x1d455, 0x1d455}, {0x1d49d, 0x1d49d}, {0x1d4a0, 0x1d4a1},
    {0x1d4a3, 0x1d4a4}, {0x1d4a7, 0x1d4a8}, {0x1d4ad, 0x1d4ad}, {0x1d4ba, 0x1d4ba},
    {0x1d4bc, 0x1d4bc}, {0x1d4c4, 0x1d4c4}, {0x1d506, 0x1d506}, {0x1d50b, 0x1d50c},
    {0x1d515, 0x1d515}, {0x1d51d, 0x1d51d}, {0x1d53a, 0x1d53a}, {0x1d53f, 0x1d53f},
    {0x1d545, 0x1d545}, {0x1d547, 0x1d549}, {0x1d551, 0x1d551}, {0x1d6a6, 0x1d6a7},
    {0x1d7cc, 0x1d7cd}, {0x1da8c, 0x1da9a}, {0x1daa0, 0x1daa0}, {0x1dab0, 0x1deff},
    {0x1df1f, 0x1dfff}, {0x1e007, 0x1e007}, {0x1e019, 0x1e01a}, {0x1e022, 0x1e022},
    {0x1e025, 0x1e025}, {0x1e02b, 0x1e0ff}, {0x1e12d, 0x1e12f}, {0x1e13e, 0x1e13f},
    {0x1e14a, 0x1e14d}, {0x1e150, 0x1e28f}, {0x1e2af, 0x1e2bf}, {0x1e2fa, 0x1e2fe},
    {0x1e300, 0x1e7df}, {0x1e7e7, 0x1e7e7}, {0x1e7ec, 0x1e7ec}, {0x1e7ef, 0x1e7ef},
    {0x1e7ff, 0x1e7ff}, {0x1e8c5, 0x1e8c6}, {0x1e8d7, 0x1e8ff}, {0x1e94c, 0x1e94f},
    {0x1e95a, 0x1e95d}, {0x1e960, 0x1ec70}, {0x1ecb5, 0x1ed00}, {0x1ed3e, 0x1edff},
    {0x1ee04, 0x1ee04}, {0x1ee20, 0x1ee20}, {0x1ee23, 0x1ee23}, {0x1ee25, 0x1ee26},
    {0x1ee28, 0x1ee28}, {0x1ee33, 0x1ee33}, {0x1ee38, 0x1ee38}, {0x1ee3a, 0x1ee3a},
    {0x1ee3c, 0x1ee41}, {0x1ee43, 0x1ee46}, {0x1ee48, 0x1ee48}, {0x1ee4a, 0x1ee4a},
    {0x1ee4c, 0x1ee4c}, {0x1ee50, 0x1ee50}, {0x1ee53, 0x1ee53}, {0x1ee55, 0x1ee56},
    {0x1ee58, 0x1ee58}, {0x1ee5a, 0x1ee5a}, {0x1ee5c, 0x1ee5c}, {0x1ee5e, 0x1ee5e},
    {0x1ee60, 0x1ee60}, {0x1ee63, 0x1ee63}, {0x1ee65, 0x1ee66}, {0x1ee6b, 0x1ee6b},
    {0x1ee73, 0x1ee73}, {0x1ee78, 0x1ee78}, {0x1ee7d, 0x1ee7d}, {0x1ee7f, 0x1ee7f},
    {0x1ee8a, 0x1ee8a}, {0x1ee9c, 0x1eea0}, {0x1eea4, 0x1eea4}, {0x1eeaa, 0x1eeaa},
    {0x1eebc, 0x1eeef}, {0x1eef2, 0x1efff}, {0x1f02c, 0x1f02f}, {0x1f094, 0x1f09f},
    {0x1f0af, 0x1f0b0}, {0x1f0c0, 0x1f0c0}, {0x1f0d0, 0x1f0d0}, {0x1f0f6, 0x1f0ff},
    {0x1f1ae, 0x1f1e5}, {0x1f203, 0x1f20f}, {0x1f23c, 0x1f23f}, {0x1f249, 0x1f24f},
    {0x1f252, 0x1f25f}, {0x1f266, 0x1f2ff}, {0x1f6d8, 0x1f6dc}, {0x1f6ed, 0x1f6ef},
    {0x1f6fd, 0x1f6ff}, {0x1f774, 0x1f77f}, {0x1f7d9, 0x1f7df}, {0x1f7ec, 0x1f7ef},
    {0x1f7f1, 0x1f7ff}, {0x1f80c, 0x1f80f}, {0x1f848, 0x1f84f}, {0x1f85a, 0x1f85f},
    {0x1f888, 0x1f88f}, {0x1f8ae, 0x1f8af}, {0x1f8b2, 0x1f8ff}, {0x1fa54, 0x1fa5f},
    {0x1fa6e, 0x1fa6f}, {0x1fa75, 0x1fa77}, {0x1fa7d, 0x1fa7f}, {0x1fa87, 0x1fa8f},
    {0x1faad, 0x1faaf}, {0x1fabb, 0x1fabf}, {0x1fac6, 0x1facf}, {0x1fada, 0x1fadf},
    {0x1fae8, 0x1faef}, {0x1faf7, 0x1faff}, {0x1fb93, 0x1fb93}, {0x1fbcb, 0x1fbef},
    {0x1fbfa, 0x1ffff}, {0x2a6e0, 0x2a6ff}, {0x2b739, 0x2b73f}, {0x2b81e, 0x2b81f},
    {0x2cea2, 0x2ceaf}, {0x2ebe1, 0x2f7ff}, {0x2fa1e, 0x2ffff}, {0x3134b, 0xe00ff},
    {0xe01f0, 0x10ffff},
};
const std::size_t non_printable_range_count = std::size(non_printable_ranges);

// The zero of each run of ten Unicode 14.0 decimal digits (category Nd) above ASCII. Generated
// with python3.11: the c in range(0x80, 0x110000) where unicodedata.decimal(chr(c), -1) == 0.
const char32_t decimal_zeros[] = {
    0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xde6,
    0xe50, 0xed0, 0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90, 0x1b50,
    0x1bb0, 0x1c40, 0x1c50, 0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0, 0xff10, 0x104a0,
    0x10d30, 0x11066, 0x110f0, 0x11136, 0x111d0, 0x112f0, 0x11450, 0x114d0, 0x11650, 0x116c0,
    0x11730, 0x118e0, 0x11950, 0x11c50, 0x11d50, 0x11da0, 0x16a60, 0x16ac0, 0x16b50, 0x1d7ce,
    0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1e140, 0x1e2f0, 0x1e950, 0x1fbf0,
};
const std::size_t decimal_zero_count = std::size(decimal_zeros);

}  // namespace
}  // namespace loopstep::python

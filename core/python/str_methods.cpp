// The methods of str, as CPython 3.11's unicodeobject.c defines them: offsets, widths and
// counts are in code points (a str is UTF-8 inside), case and character classes are Unicode's
// (unicode.hpp), and each method checks its arguments with its own calling convention's
// messages (method_arguments.hpp). Pairs with str_methods.hpp.
#include "str_methods.hpp"

#include <algorithm>
#include <cctype>

#include "codecs.hpp"
#include "method_arguments.hpp"
#include "unicode.hpp"

namespace loopstep::python {

namespace {

const std::string& self_str(const call_arguments& args) { return args.positional[0].as<str_object>()->value; }

#define CHECK_STR_ARGUMENTS(name, ...)                                                                       \
    do {                                                                                                     \
        value argument_error = check_method_arguments(in, args, "str", name, method_convention::__VA_ARGS__); \
        if (argument_error.is_raised()) return argument_error;                                               \
    } while (false)

#define RETURN_IF_RAISED(expression)             \
    do {                                                 \
        value raised_value = (expression);                    \
        if (raised_value.is_raised()) return raised_value;         \
    } while (false)

// ---- arguments ------------------------------------------------------------------------------

// A start/end argument of find, count, startswith...: int or None (kept as `out`).
value as_slice_bound(interpreter& in, const value& v, std::int64_t& out) {
    if (v.is_none()) return value();
    if (!v.is_int_like()) return in.raise_type_error("slice indices must be integers or None or have an __index__ method");
    out = v.as_int();
    return value();
}

// ---- code points ------------------------------------------------------------------------------

// A str as code points; ASCII text is used as it is (one byte, one code point).
struct code_text {
    explicit code_text(const std::string& utf8) : ascii(unicode::is_ascii(utf8)), bytes(utf8) {
        if (!ascii) codes = unicode::decode(utf8);
    }
    bool ascii;
    const std::string& bytes;
    std::u32string codes;
    std::int64_t size() const { return std::int64_t(ascii ? bytes.size() : codes.size()); }
};

// ADJUST_INDICES: negative bounds count from the end; end is clamped, start only at 0.
void adjust_bounds(std::int64_t& start, std::int64_t& end, std::int64_t length) {
    if (end > length) end = length;
    else if (end < 0) end = std::max<std::int64_t>(0, end + length);
    if (start < 0) start = std::max<std::int64_t>(0, start + length);
}

// Finds `needle` in haystack[start:end] (first or last); -1 if absent.
template <class String>
std::int64_t find_in(const String& haystack, const String& needle, std::int64_t start, std::int64_t end, bool last) {
    const auto n = std::int64_t(needle.size());
    if (end - start < n) return -1;
    if (n == 0) return last ? end : start;
    const String window = haystack.substr(std::size_t(start), std::size_t(end - start));
    const std::size_t found = last ? window.rfind(needle) : window.find(needle);
    return found == String::npos ? -1 : start + std::int64_t(found);
}

template <class String>
std::int64_t count_in(const String& haystack, const String& needle, std::int64_t start, std::int64_t end) {
    const auto n = std::int64_t(needle.size());
    if (end - start < n) return 0;
    if (n == 0) return end - start + 1;
    const String window = haystack.substr(std::size_t(start), std::size_t(end - start));
    std::int64_t count = 0;
    for (std::size_t at = window.find(needle); at != String::npos; at = window.find(needle, at + needle.size())) ++count;
    return count;
}

// tailmatch: whether haystack[start:end] starts (or ends) with needle.
template <class String>
bool matches_at_edge(const String& haystack, const String& needle, std::int64_t start, std::int64_t end, bool at_end) {
    const auto n = std::int64_t(needle.size());
    end -= n;
    if (end < start) return false;
    if (n == 0) return true;
    const std::int64_t at = at_end ? end : start;
    return haystack.compare(std::size_t(at), std::size_t(n), needle) == 0;
}

// Reads sub[, start[, end]] (find, index, count, startswith, endswith).
value substring_arguments(interpreter& in, const call_arguments& args, std::int64_t& start, std::int64_t& end) {
    start = 0;
    end = INT64_MAX;
    if (args.positional.size() > 2) RETURN_IF_RAISED(as_slice_bound(in, args.positional[2], start));
    if (args.positional.size() > 3) RETURN_IF_RAISED(as_slice_bound(in, args.positional[3], end));
    return value();
}

value need_str_argument(interpreter& in, const value& v) {
    if (v.as<str_object>()) return value();
    return in.raise_type_error("must be str, not " + in.type_name(v));
}

value find_impl(interpreter& in, call_arguments& args, const char* name, bool last, bool raise_if_missing) {
    CHECK_STR_ARGUMENTS(name, parse_tuple, 1, 3);
    RETURN_IF_RAISED(need_str_argument(in, args.positional[1]));
    std::int64_t start = 0, end = 0;
    RETURN_IF_RAISED(substring_arguments(in, args, start, end));
    const code_text haystack(self_str(args));
    const std::string& needle = args.positional[1].as<str_object>()->value;
    adjust_bounds(start, end, haystack.size());
    const std::int64_t found = haystack.ascii ? find_in(haystack.bytes, needle, start, end, last)
                                              : find_in(haystack.codes, unicode::decode(needle), start, end, last);
    if (found < 0 && raise_if_missing) return in.raise_value_error("substring not found");
    return value::integer(found);
}
value str_find(interpreter& in, call_arguments& args) { return find_impl(in, args, "find", false, false); }
value str_rfind(interpreter& in, call_arguments& args) { return find_impl(in, args, "rfind", true, false); }
value str_index(interpreter& in, call_arguments& args) { return find_impl(in, args, "index", false, true); }
value str_rindex(interpreter& in, call_arguments& args) { return find_impl(in, args, "rindex", true, true); }

value str_count(interpreter& in, call_arguments& args) {
    CHECK_STR_ARGUMENTS("count", parse_tuple, 1, 3);
    RETURN_IF_RAISED(need_str_argument(in, args.positional[1]));
    std::int64_t start = 0, end = 0;
    RETURN_IF_RAISED(substring_arguments(in, args, start, end));
    const code_text haystack(self_str(args));
    const std::string& needle = args.positional[1].as<str_object>()->value;
    adjust_bounds(start, end, haystack.size());
    return value::integer(haystack.ascii ? count_in(haystack.bytes, needle, start, end)
                                         : count_in(haystack.codes, unicode::decode(needle), start, end));
}

value affix_impl(interpreter& in, call_arguments& args, const char* name, bool at_end) {
    CHECK_STR_ARGUMENTS(name, parse_tuple, 1, 3);
    std::int64_t start = 0, end = 0;
    RETURN_IF_RAISED(substring_arguments(in, args, start, end));
    std::vector<value> candidates;
    if (auto* tuple = args.positional[1].as<tuple_object>()) {
        candidates = tuple->items;
    } else if (args.positional[1].as<str_object>()) {
        candidates.push_back(args.positional[1]);
    } else {
        return in.raise_type_error(std::string(name) + " first arg must be str or a tuple of str, not " + in.type_name(args.positional[1]));
    }
    const code_text text(self_str(args));
    adjust_bounds(start, end, text.size());
    for (const auto& candidate : candidates) {
        auto* affix = candidate.as<str_object>();
        if (!affix) return in.raise_type_error(std::string("tuple for ") + name + " must only contain str, not " + in.type_name(candidate));
        const bool match = text.ascii ? matches_at_edge(text.bytes, affix->value, start, end, at_end)
                                      : matches_at_edge(text.codes, unicode::decode(affix->value), start, end, at_end);
        if (match) return value::boolean(true);
    }
    return value::boolean(false);
}
value str_startswith(interpreter& in, call_arguments& args) { return affix_impl(in, args, "startswith", false); }
value str_endswith(interpreter& in, call_arguments& args) { return affix_impl(in, args, "endswith", true); }

// ---- case and character classes ----------------------------------------------------------------

template <std::string (*convert)(std::string_view)>
value case_method(interpreter& in, call_arguments& args, const char* name) {
    CHECK_STR_ARGUMENTS(name, no_arguments);
    return in.make_str(convert(self_str(args)));
}
value str_upper(interpreter& in, call_arguments& args) { return case_method<unicode::upper>(in, args, "upper"); }
value str_lower(interpreter& in, call_arguments& args) { return case_method<unicode::lower>(in, args, "lower"); }
value str_casefold(interpreter& in, call_arguments& args) { return case_method<unicode::casefold>(in, args, "casefold"); }
value str_swapcase(interpreter& in, call_arguments& args) { return case_method<unicode::swapcase>(in, args, "swapcase"); }
value str_capitalize(interpreter& in, call_arguments& args) { return case_method<unicode::capitalize>(in, args, "capitalize"); }
value str_title(interpreter& in, call_arguments& args) { return case_method<unicode::title>(in, args, "title"); }

bool is_alnum(char32_t c) {
    using unicode::property;
    return unicode::has(c, property::alpha) || unicode::has(c, property::decimal) || unicode::has(c, property::digit) ||
           unicode::has(c, property::numeric);
}

// isalpha(), isdigit(), ...: true for a non-empty str whose every character passes `test`.
template <bool (*test)(char32_t)>
value character_class(interpreter& in, call_arguments& args, const char* name) {
    CHECK_STR_ARGUMENTS(name, no_arguments);
    const std::u32string text = unicode::decode(self_str(args));
    return value::boolean(!text.empty() && std::all_of(text.begin(), text.end(), test));
}
template <unicode::property p>
bool has_property(char32_t c) { return unicode::has(c, p); }
value str_isalpha(interpreter& in, call_arguments& args) { return character_class<has_property<unicode::property::alpha>>(in, args, "isalpha"); }
value str_isdecimal(interpreter& in, call_arguments& args) { return character_class<has_property<unicode::property::decimal>>(in, args, "isdecimal"); }
value str_isdigit(interpreter& in, call_arguments& args) { return character_class<has_property<unicode::property::digit>>(in, args, "isdigit"); }
value str_isnumeric(interpreter& in, call_arguments& args) { return character_class<has_property<unicode::property::numeric>>(in, args, "isnumeric"); }
value str_isspace(interpreter& in, call_arguments& args) { return character_class<has_property<unicode::property::space>>(in, args, "isspace"); }
value str_isalnum(interpreter& in, call_arguments& args) { return character_class<is_alnum>(in, args, "isalnum"); }

value str_isascii(interpreter& in, call_arguments& args) {
    CHECK_STR_ARGUMENTS("isascii", no_arguments);
    return value::boolean(unicode::is_ascii(self_str(args)));
}

template <bool (*test)(std::string_view)>
value case_test(interpreter& in, call_arguments& args, const char* name) {
    CHECK_STR_ARGUMENTS(name, no_arguments);
    return value::boolean(test(self_str(args)));
}
value str_islower(interpreter& in, call_arguments& args) { return case_test<unicode::is_lower>(in, args, "islower"); }
value str_isupper(interpreter& in, call_arguments& args) { return case_test<unicode::is_upper>(in, args, "isupper"); }
value str_istitle(interpreter& in, call_arguments& args) { return case_test<unicode::is_title>(in, args, "istitle"); }

// ---- padding ------------------------------------------------------------------------------------

std::string padded(const std::string& text, std::int64_t left, std::int64_t right, char32_t fill) {
    std::string fill_text;
    unicode::append(fill_text, fill);
    std::string out;
    out.reserve(text.size() + std::size_t(left + right) * fill_text.size());
    for (std::int64_t i = 0; i < left; ++i) out += fill_text;
    out += text;
    for (std::int64_t i = 0; i < right; ++i) out += fill_text;
    return out;
}

value fill_character(interpreter& in, const call_arguments& args, char32_t& fill) {
    fill = U' ';
    if (args.positional.size() < 3) return value();
    auto* f = args.positional[2].as<str_object>();
    if (!f) return in.raise_type_error("The fill character must be a unicode character, not " + in.type_name(args.positional[2]));
    const std::u32string codes = unicode::decode(f->value);
    if (codes.size() != 1) return in.raise_type_error("The fill character must be exactly one character long");
    fill = codes[0];
    return value();
}

enum class alignment : std::uint8_t { left, center, right };

// ljust, center, rjust; center puts the odd fill character on the left when the width is odd.
value pad_impl(interpreter& in, call_arguments& args, const char* name, alignment align) {
    CHECK_STR_ARGUMENTS(name, clinic, 1, 2);
    std::int64_t width = 0;
    RETURN_IF_RAISED(index_argument(in, args.positional[1], width));
    char32_t fill = U' ';
    RETURN_IF_RAISED(fill_character(in, args, fill));
    const std::string& text = self_str(args);
    const auto length = std::int64_t(unicode::length(text));
    if (length >= width) return args.positional[0];
    value error;
    if (!in.fits(text.size() + std::size_t(width - length) * 4, error, true)) return error;
    const std::int64_t margin = width - length;
    std::int64_t left = 0;
    if (align == alignment::center) left = margin / 2 + (margin & width & 1);
    else if (align == alignment::right) left = margin;
    return in.make_str(padded(text, left, margin - left, fill));
}
value str_center(interpreter& in, call_arguments& args) { return pad_impl(in, args, "center", alignment::center); }
value str_ljust(interpreter& in, call_arguments& args) { return pad_impl(in, args, "ljust", alignment::left); }
value str_rjust(interpreter& in, call_arguments& args) { return pad_impl(in, args, "rjust", alignment::right); }

value str_zfill(interpreter& in, call_arguments& args) {
    CHECK_STR_ARGUMENTS("zfill", one_argument);
    std::int64_t width = 0;
    RETURN_IF_RAISED(index_argument(in, args.positional[1], width));
    const std::string& text = self_str(args);
    const auto length = std::int64_t(unicode::length(text));
    if (length >= width) return args.positional[0];
    value error;
    if (!in.fits(text.size() + std::size_t(width - length), error, true)) return error;
    std::string out = padded(text, width - length, 0, U'0');
    const std::size_t first = std::size_t(width - length);
    if (out[first] == '+' || out[first] == '-') std::swap(out[0], out[first]);  // the sign goes before the zeros
    return in.make_str(std::move(out));
}

// ---- stripping, splitting, joining -------------------------------------------------------------

value strip_impl(interpreter& in, call_arguments& args, const char* name, bool left, bool right) {
    CHECK_STR_ARGUMENTS(name, clinic, 0, 1);
    const bool whitespace = args.positional.size() < 2 || args.positional[1].is_none();
    if (!whitespace && !args.positional[1].as<str_object>()) return in.raise_type_error(std::string(name) + " arg must be None or str");
    const std::u32string chars = whitespace ? std::u32string() : unicode::decode(args.positional[1].as<str_object>()->value);
    auto strippable = [&](char32_t c) { return whitespace ? unicode::is_space(c) : chars.find(c) != std::u32string::npos; };
    const std::u32string text = unicode::decode(self_str(args));
    std::size_t begin = 0, end = text.size();
    while (left && begin < end && strippable(text[begin])) ++begin;
    while (right && end > begin && strippable(text[end - 1])) --end;
    return in.make_str(unicode::encode(std::u32string_view(text).substr(begin, end - begin)));
}
value str_strip(interpreter& in, call_arguments& args) { return strip_impl(in, args, "strip", true, true); }
value str_lstrip(interpreter& in, call_arguments& args) { return strip_impl(in, args, "lstrip", true, false); }
value str_rstrip(interpreter& in, call_arguments& args) { return strip_impl(in, args, "rstrip", false, true); }

// Splits on runs of whitespace, at most `maxsplit` times (negative: no limit), from the right
// for rsplit; the parts come back in text order.
std::vector<std::u32string> split_whitespace(const std::u32string& text, std::int64_t maxsplit, bool from_right) {
    std::vector<std::u32string> parts;
    const auto n = std::int64_t(text.size());
    auto space = [&](std::int64_t i) { return unicode::is_space(text[std::size_t(i)]); };
    if (!from_right) {
        std::int64_t i = 0;
        while (true) {
            while (i < n && space(i)) ++i;
            if (i >= n) break;
            if (maxsplit >= 0 && std::int64_t(parts.size()) == maxsplit) {
                parts.push_back(text.substr(std::size_t(i)));  // the rest keeps its trailing whitespace
                break;
            }
            std::int64_t j = i;
            while (j < n && !space(j)) ++j;
            parts.push_back(text.substr(std::size_t(i), std::size_t(j - i)));
            i = j;
        }
        return parts;
    }
    std::int64_t i = n - 1;
    while (true) {
        while (i >= 0 && space(i)) --i;
        if (i < 0) break;
        if (maxsplit >= 0 && std::int64_t(parts.size()) == maxsplit) {
            parts.push_back(text.substr(0, std::size_t(i + 1)));  // the rest keeps its leading whitespace
            break;
        }
        std::int64_t j = i;
        while (j >= 0 && !space(j)) --j;
        parts.push_back(text.substr(std::size_t(j + 1), std::size_t(i - j)));
        i = j;
    }
    std::reverse(parts.begin(), parts.end());
    return parts;
}

// Splits on `separator` (UTF-8 text splits correctly byte-wise), from the right for rsplit.
std::vector<std::string> split_on(const std::string& text, const std::string& separator, std::int64_t maxsplit, bool from_right) {
    std::vector<std::string> parts;
    if (!from_right) {
        std::size_t start = 0;
        for (std::size_t found; (maxsplit < 0 || std::int64_t(parts.size()) < maxsplit) && (found = text.find(separator, start)) != std::string::npos;) {
            parts.push_back(text.substr(start, found - start));
            start = found + separator.size();
        }
        parts.push_back(text.substr(start));
        return parts;
    }
    std::size_t end = text.size();
    while (maxsplit < 0 || std::int64_t(parts.size()) < maxsplit) {
        if (end < separator.size()) break;
        const std::size_t found = text.rfind(separator, end - separator.size());
        if (found == std::string::npos) break;
        parts.push_back(text.substr(found + separator.size(), end - found - separator.size()));
        end = found;
    }
    parts.push_back(text.substr(0, end));
    std::reverse(parts.begin(), parts.end());
    return parts;
}

value split_impl(interpreter& in, call_arguments& args, const char* name, bool from_right) {
    std::vector<value> slots;
    RETURN_IF_RAISED(bind_parameters(in, args, 1, name, {{"sep"}, {"maxsplit"}}, slots));
    std::int64_t maxsplit = -1;
    if (!slots[1].is_unbound()) RETURN_IF_RAISED(index_argument(in, slots[1], maxsplit));
    std::vector<value> result;
    const value& sep = slots[0];
    if (sep.is_unbound() || sep.is_none()) {
        for (const auto& part : split_whitespace(unicode::decode(self_str(args)), maxsplit, from_right)) {
            result.push_back(in.make_str(unicode::encode(part)));
        }
        return in.make_list(std::move(result));
    }
    auto* separator = sep.as<str_object>();
    if (!separator) return in.raise_type_error("must be str or None, not " + in.type_name(sep));
    if (separator->value.empty()) return in.raise_value_error("empty separator");
    for (auto& part : split_on(self_str(args), separator->value, maxsplit, from_right)) result.push_back(in.make_str(std::move(part)));
    return in.make_list(std::move(result));
}
value str_split(interpreter& in, call_arguments& args) { return split_impl(in, args, "split", false); }
value str_rsplit(interpreter& in, call_arguments& args) { return split_impl(in, args, "rsplit", true); }

value str_splitlines(interpreter& in, call_arguments& args) {
    std::vector<value> slots;
    RETURN_IF_RAISED(bind_parameters(in, args, 1, "splitlines", {{"keepends"}}, slots));
    std::int64_t keepends = 0;
    if (!slots[0].is_unbound()) RETURN_IF_RAISED(index_argument(in, slots[0], keepends));
    const std::u32string text = unicode::decode(self_str(args));
    std::vector<value> lines;
    std::size_t start = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (!unicode::is_line_break(text[i])) continue;
        std::size_t end = i;
        if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
        lines.push_back(in.make_str(unicode::encode(text.substr(start, (keepends ? i + 1 : end) - start))));
        start = i + 1;
    }
    if (start < text.size()) lines.push_back(in.make_str(unicode::encode(text.substr(start))));
    return in.make_list(std::move(lines));
}

value partition_impl(interpreter& in, call_arguments& args, const char* name, bool from_right) {
    CHECK_STR_ARGUMENTS(name, one_argument);
    RETURN_IF_RAISED(need_str_argument(in, args.positional[1]));
    const std::string& separator = args.positional[1].as<str_object>()->value;
    if (separator.empty()) return in.raise_value_error("empty separator");
    const std::string& text = self_str(args);
    const std::size_t found = from_right ? text.rfind(separator) : text.find(separator);
    if (found == std::string::npos) {
        return from_right ? in.make_tuple({in.make_str(""), in.make_str(""), args.positional[0]})
                          : in.make_tuple({args.positional[0], in.make_str(""), in.make_str("")});
    }
    return in.make_tuple({in.make_str(text.substr(0, found)), args.positional[1], in.make_str(text.substr(found + separator.size()))});
}
value str_partition(interpreter& in, call_arguments& args) { return partition_impl(in, args, "partition", false); }
value str_rpartition(interpreter& in, call_arguments& args) { return partition_impl(in, args, "rpartition", true); }

value remove_affix(interpreter& in, call_arguments& args, const char* name, bool suffix) {
    CHECK_STR_ARGUMENTS(name, one_argument);
    auto* affix = args.positional[1].as<str_object>();
    if (!affix) return in.raise_type_error(std::string(name) + "() argument must be str, not " + in.type_name(args.positional[1]));
    const std::string& text = self_str(args);
    const std::string& a = affix->value;
    if (a.empty() || a.size() > text.size()) return args.positional[0];
    if (!suffix && text.compare(0, a.size(), a) == 0) return in.make_str(text.substr(a.size()));
    if (suffix && text.compare(text.size() - a.size(), a.size(), a) == 0) return in.make_str(text.substr(0, text.size() - a.size()));
    return args.positional[0];
}
value str_removeprefix(interpreter& in, call_arguments& args) { return remove_affix(in, args, "removeprefix", false); }
value str_removesuffix(interpreter& in, call_arguments& args) { return remove_affix(in, args, "removesuffix", true); }

value str_join(interpreter& in, call_arguments& args) {
    CHECK_STR_ARGUMENTS("join", one_argument);
    value iterator = in.make_iterator(args.positional[1]);
    if (iterator.is_raised()) return in.raise_type_error("can only join an iterable");
    std::string text;
    const std::string& separator = self_str(args);
    std::size_t index = 0;
    value failure;
    value error = in.iterate(iterator, [&](const value& item) {
        auto* s = item.as<str_object>();
        if (!s) {
            failure = in.raise_type_error("sequence item " + std::to_string(index) + ": expected str instance, " + in.type_name(item) + " found");
            return false;
        }
        if (index++ > 0) text += separator;
        text += s->value;
        return in.fits(text.size(), failure, true);
    });
    if (error.is_raised()) return error;
    if (failure.is_raised()) return failure;
    return in.make_str(std::move(text));
}

// replace(old, new, count): an empty `old` matches between code points.
value str_replace(interpreter& in, call_arguments& args) {
    CHECK_STR_ARGUMENTS("replace", clinic, 2, 3);
    for (int i = 1; i <= 2; ++i) {
        if (!args.positional[i].as<str_object>()) {
            return in.raise_type_error("replace() argument " + std::to_string(i) + " must be str, not " + in.type_name(args.positional[i]));
        }
    }
    std::int64_t count = -1;
    if (args.positional.size() > 3) RETURN_IF_RAISED(index_argument(in, args.positional[3], count));
    const std::string& text = self_str(args);
    const std::string& old = args.positional[1].as<str_object>()->value;
    const std::string& replacement = args.positional[2].as<str_object>()->value;
    std::string result;
    value error;
    if (old.empty()) {
        const std::u32string codes = unicode::decode(text);
        for (std::size_t i = 0; i <= codes.size(); ++i) {
            if (count < 0 || std::int64_t(i) < count) result += replacement;
            if (i < codes.size()) unicode::append(result, codes[i]);
            if (!in.fits(result.size(), error, true)) return error;
        }
        return in.make_str(std::move(result));
    }
    std::size_t start = 0;
    for (std::size_t found; count != 0 && (found = text.find(old, start)) != std::string::npos; --count) {
        result += text.substr(start, found - start) + replacement;
        start = found + old.size();
        if (!in.fits(result.size(), error, true)) return error;
    }
    result += text.substr(start);
    return in.make_str(std::move(result));
}

value str_expandtabs(interpreter& in, call_arguments& args) {
    std::vector<value> slots;
    RETURN_IF_RAISED(bind_parameters(in, args, 1, "expandtabs", {{"tabsize"}}, slots));
    std::int64_t tabsize = 8;
    if (!slots[0].is_unbound()) RETURN_IF_RAISED(index_argument(in, slots[0], tabsize));
    std::u32string out;
    std::int64_t column = 0;
    value error;
    for (char32_t c : unicode::decode(self_str(args))) {
        if (c == '\t') {
            const std::int64_t spaces = tabsize > 0 ? tabsize - column % tabsize : 0;
            if (!in.fits(out.size() + std::size_t(spaces), error, true)) return error;
            out.append(std::size_t(spaces), U' ');
            column += spaces;
            continue;
        }
        out += c;
        column = (c == '\n' || c == '\r') ? 0 : column + 1;
    }
    return in.make_str(unicode::encode(out));
}

// str.format: {} {0} {name} with conversions and specs, as f-strings format them.
value str_format(interpreter& in, call_arguments& args) {
    const std::string& pattern = self_str(args);
    std::string out;
    std::size_t automatic = 0;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const char c = pattern[i];
        if (c == '}') {
            if (i + 1 < pattern.size() && pattern[i + 1] == '}') ++i;
            else return in.raise_value_error("Single '}' encountered in format string");
            out += '}';
            continue;
        }
        if (c != '{') {
            out += c;
            continue;
        }
        if (i + 1 < pattern.size() && pattern[i + 1] == '{') {
            out += '{';
            ++i;
            continue;
        }
        const std::size_t close = pattern.find('}', i);
        if (close == std::string::npos) return in.raise_value_error("expected '}' before end of string");
        std::string field = pattern.substr(i + 1, close - i - 1);
        i = close;
        std::string spec;
        char conversion = 0;
        if (auto colon = field.find(':'); colon != std::string::npos) {
            spec = field.substr(colon + 1);
            field.resize(colon);
        }
        if (auto bang = field.find('!'); bang != std::string::npos && bang + 1 < field.size()) {
            conversion = field[bang + 1];
            field.resize(bang);
        }
        value item;
        if (field.empty()) {
            if (automatic + 1 >= args.positional.size()) {
                return in.raise(in.types().index_error, "Replacement index " + std::to_string(automatic) + " out of range for positional args tuple");
            }
            item = args.positional[1 + automatic++];
        } else if (std::isdigit(static_cast<unsigned char>(field[0]))) {
            const std::size_t index = std::stoul(field);
            if (index + 1 >= args.positional.size()) {
                return in.raise(in.types().index_error, "Replacement index " + field + " out of range for positional args tuple");
            }
            item = args.positional[1 + index];
        } else {
            bool found = false;
            for (auto& [name, v] : args.keywords) {
                if (name == field) {
                    item = v;
                    found = true;
                }
            }
            if (!found) return value::raised(in.make_exception(in.types().key_error, {in.make_str(field)}).as_object());
        }
        if (conversion == 'r') item = in.make_str(in.repr(item));
        else if (conversion == 's') item = in.make_str(in.str(item));
        value text = builtin_format(in, item, spec);
        if (text.is_raised()) return text;
        out += text.as<str_object>()->value;
    }
    return in.make_str(std::move(out));
}

}  // namespace

const std::map<std::string, str_method>& str_method_table() {
    static const std::map<std::string, str_method> table = {
        {"capitalize", str_capitalize}, {"casefold", str_casefold}, {"center", str_center}, {"count", str_count},
        {"encode", str_encode}, {"endswith", str_endswith}, {"expandtabs", str_expandtabs}, {"find", str_find}, {"format", str_format},
        {"index", str_index}, {"isalnum", str_isalnum}, {"isalpha", str_isalpha}, {"isascii", str_isascii},
        {"isdecimal", str_isdecimal}, {"isdigit", str_isdigit}, {"islower", str_islower}, {"isnumeric", str_isnumeric},
        {"isspace", str_isspace}, {"istitle", str_istitle}, {"isupper", str_isupper}, {"join", str_join},
        {"ljust", str_ljust}, {"lower", str_lower}, {"lstrip", str_lstrip}, {"partition", str_partition},
        {"removeprefix", str_removeprefix}, {"removesuffix", str_removesuffix}, {"replace", str_replace},
        {"rfind", str_rfind}, {"rindex", str_rindex}, {"rjust", str_rjust}, {"rpartition", str_rpartition},
        {"rsplit", str_rsplit}, {"rstrip", str_rstrip}, {"split", str_split}, {"splitlines", str_splitlines},
        {"startswith", str_startswith}, {"strip", str_strip}, {"swapcase", str_swapcase}, {"title", str_title},
        {"upper", str_upper}, {"zfill", str_zfill},
    };
    return table;
}

}  // namespace loopstep::python

// Methods and attributes of builtin types: str, list, dict, set, tuple, exceptions, types,
// and the asyncio objects (Task, Future, Queue, Event, Lock, Semaphore, TaskGroup, loop).
#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>

#include "format.hpp"
#include "interpreter.hpp"
#include "method_arguments.hpp"
#include "sets.hpp"

namespace loopstep::python {

namespace {

using method = value (*)(interpreter&, call_arguments&);
using method_table = std::map<std::string, method>;

// ---- argument helpers --------------------------------------------------------------------

// self is positional[0]; `low`..`high` more arguments are accepted.
value arity(interpreter& in, call_arguments& args, const char* name, std::size_t low, std::size_t high) {
    if (!args.keywords.empty()) return in.raise_type_error(std::string(name) + "() takes no keyword arguments");
    const std::size_t n = args.positional.size() - 1;
    if (n >= low && n <= high) return value();
    if (low == high && low == 0) return in.raise_type_error(std::string(name) + "() takes no arguments (" + std::to_string(n) + " given)");
    if (low == high) return in.raise_type_error(std::string(name) + "() takes exactly one argument (" + std::to_string(n) + " given)");
    if (n < low) return in.raise_type_error(std::string(name) + " expected at least " + std::to_string(low) + " argument" + (low == 1 ? "" : "s") + ", got " + std::to_string(n));
    return in.raise_type_error(std::string(name) + " expected at most " + std::to_string(high) + " argument" + (high == 1 ? "" : "s") + ", got " + std::to_string(n));
}

#define CHECK_ARITY(name, low, high)                                    \
    do {                                                                \
        value arity_error = arity(in, args, name, low, high);           \
        if (arity_error.is_raised()) return arity_error;                \
    } while (false)

const std::string& self_str(call_arguments& args) { return args.positional[0].as<str_object>()->value; }

value need_str(interpreter& in, const value& v, const char* what) {
    if (v.as<str_object>()) return value();
    return in.raise_type_error(std::string(what) + " must be str, not " + in.type_name(v));
}

// ---- str -----------------------------------------------------------------------------------

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::vector<std::string> split_whitespace(const std::string& s, std::int64_t maxsplit) {
    std::vector<std::string> parts;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && is_space(s[i])) ++i;
        if (i >= s.size()) break;
        if (maxsplit >= 0 && std::int64_t(parts.size()) == maxsplit) {
            std::size_t end = s.size();
            while (end > i && is_space(s[end - 1])) --end;
            parts.push_back(s.substr(i, end - i));
            break;
        }
        std::size_t j = i;
        while (j < s.size() && !is_space(s[j])) ++j;
        parts.push_back(s.substr(i, j - i));
        i = j;
    }
    return parts;
}

value str_split(interpreter& in, call_arguments& args) {
    value sep = args.take("sep", value());
    value maxsplit = args.take("maxsplit", value::integer(-1));
    CHECK_ARITY("split", 0, 2);
    if (args.positional.size() > 1) sep = args.positional[1];
    if (args.positional.size() > 2) maxsplit = args.positional[2];
    const std::string& s = self_str(args);
    std::vector<value> result;
    if (sep.is_none()) {
        for (auto& part : split_whitespace(s, maxsplit.as_int())) result.push_back(in.make_str(part));
        return in.make_list(std::move(result));
    }
    value error = need_str(in, sep, "must be str or None, not");
    if (error.is_raised()) return in.raise_type_error("must be str or None, not " + in.type_name(sep));
    const std::string& separator = sep.as<str_object>()->value;
    if (separator.empty()) return in.raise_value_error("empty separator");
    std::size_t start = 0;
    std::int64_t splits = 0;
    for (;;) {
        std::size_t found = s.find(separator, start);
        if (found == std::string::npos || (maxsplit.as_int() >= 0 && splits >= maxsplit.as_int())) break;
        result.push_back(in.make_str(s.substr(start, found - start)));
        start = found + separator.size();
        ++splits;
    }
    result.push_back(in.make_str(s.substr(start)));
    return in.make_list(std::move(result));
}

value str_join(interpreter& in, call_arguments& args) {
    CHECK_ARITY("join", 1, 1);
    std::string text;
    const std::string& separator = self_str(args);
    std::size_t index = 0;
    value failure;
    value error = in.iterate(args.positional[1], [&](const value& item) {
        auto* s = item.as<str_object>();
        if (!s) {
            failure = in.raise_type_error("sequence item " + std::to_string(index) + ": expected str instance, " + in.type_name(item) + " found");
            return false;
        }
        if (index++ > 0) text += separator;
        text += s->value;
        if (!in.fits(text.size(), failure, true)) return false;
        return true;
    });
    if (error.is_raised()) return error;
    if (failure.is_raised()) return failure;
    return in.make_str(std::move(text));
}

// Case mapping for the scripts lessons meet: ASCII, Latin-1, Latin Extended-A, Greek, Cyrillic.
std::uint32_t map_case(std::uint32_t c, bool upper) {
    auto shift = [&](std::uint32_t lower_first, std::uint32_t lower_last, std::uint32_t distance) -> std::uint32_t {
        if (upper && c >= lower_first && c <= lower_last) return c - distance;
        if (!upper && c >= lower_first - distance && c <= lower_last - distance) return c + distance;
        return 0;
    };
    if (c < 0x80) return std::uint32_t(upper ? std::toupper(int(c)) : std::tolower(int(c)));
    if (c == 0xF7 || c == 0xD7) return c;
    if (std::uint32_t m = shift(0xE0, 0xFE, 0x20)) return m;
    if (c >= 0x100 && c <= 0x17F && c != 0x130 && c != 0x131 && c != 0x138 && c != 0x149) {
        const bool odd_is_lower = !((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E));
        const bool is_lower = odd_is_lower ? (c & 1) : !(c & 1);
        if (upper && is_lower) return c - 1;
        if (!upper && !is_lower) return c + 1;
        return c;
    }
    if (c == 0x3C2) return upper ? 0x3A3 : c;  // final sigma
    if (std::uint32_t m = shift(0x3B1, 0x3C9, 0x20)) return m;
    if (std::uint32_t m = shift(0x430, 0x44F, 0x20)) return m;
    if (std::uint32_t m = shift(0x450, 0x45F, 0x50)) return m;
    return c;
}

std::string change_case(const std::string& text, bool upper) {
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        const unsigned char lead = static_cast<unsigned char>(text[i]);
        std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        length = std::min(length, text.size() - i);
        std::uint32_t c = length == 1 ? lead : lead & (0xFF >> (length + 1));
        for (std::size_t k = 1; k < length; ++k) c = (c << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
        if (upper && c == 0xDF) {
            out += "SS";  // ß
        } else {
            const std::uint32_t m = map_case(c, upper);
            if (m < 0x80) out += char(m);
            else if (m < 0x800) out += {char(0xC0 | (m >> 6)), char(0x80 | (m & 0x3F))};
            else out += {char(0xE0 | (m >> 12)), char(0x80 | ((m >> 6) & 0x3F)), char(0x80 | (m & 0x3F))};
            if (m >= 0x10000) out.replace(out.size() - 3, 3, text.substr(i, length));  // beyond the BMP: unchanged
        }
        i += length;
    }
    return out;
}

value str_upper(interpreter& in, call_arguments& args) {
    CHECK_ARITY("upper", 0, 0);
    return in.make_str(change_case(self_str(args), true));
}

value str_lower(interpreter& in, call_arguments& args) {
    CHECK_ARITY("lower", 0, 0);
    return in.make_str(change_case(self_str(args), false));
}

value str_capitalize(interpreter& in, call_arguments& args) {
    CHECK_ARITY("capitalize", 0, 0);
    std::string text = self_str(args);
    for (std::size_t i = 0; i < text.size(); ++i) {
        text[i] = char(i == 0 ? std::toupper(static_cast<unsigned char>(text[i])) : std::tolower(static_cast<unsigned char>(text[i])));
    }
    return in.make_str(std::move(text));
}

value str_title(interpreter& in, call_arguments& args) {
    CHECK_ARITY("title", 0, 0);
    std::string text = self_str(args);
    bool previous_letter = false;
    for (auto& c : text) {
        const bool letter = std::isalpha(static_cast<unsigned char>(c));
        c = char(letter && !previous_letter ? std::toupper(static_cast<unsigned char>(c)) : std::tolower(static_cast<unsigned char>(c)));
        previous_letter = letter;
    }
    return in.make_str(std::move(text));
}

value strip_impl(interpreter& in, call_arguments& args, const char* name, bool left, bool right) {
    CHECK_ARITY(name, 0, 1);
    const std::string& s = self_str(args);
    std::string chars = " \t\n\r\f\v";
    if (args.positional.size() > 1 && !args.positional[1].is_none()) {
        auto* c = args.positional[1].as<str_object>();
        if (!c) return in.raise_type_error(std::string(name) + " arg must be None or str");
        chars = c->value;
    }
    std::size_t begin = 0, end = s.size();
    if (left) {
        while (begin < end && chars.find(s[begin]) != std::string::npos) ++begin;
    }
    if (right) {
        while (end > begin && chars.find(s[end - 1]) != std::string::npos) --end;
    }
    return in.make_str(s.substr(begin, end - begin));
}
value str_strip(interpreter& in, call_arguments& args) { return strip_impl(in, args, "strip", true, true); }
value str_lstrip(interpreter& in, call_arguments& args) { return strip_impl(in, args, "lstrip", true, false); }
value str_rstrip(interpreter& in, call_arguments& args) { return strip_impl(in, args, "rstrip", false, true); }

value affix_impl(interpreter& in, call_arguments& args, const char* name, bool prefix) {
    CHECK_ARITY(name, 1, 1);
    const std::string& s = self_str(args);
    std::vector<value> candidates;
    if (auto* tuple = args.positional[1].as<tuple_object>()) candidates = tuple->items;
    else candidates.push_back(args.positional[1]);
    for (const auto& candidate : candidates) {
        auto* affix = candidate.as<str_object>();
        if (!affix) {
            return in.raise_type_error(std::string(name) + " first arg must be str or a tuple of str, not " + in.type_name(candidate));
        }
        const std::string& a = affix->value;
        if (a.size() <= s.size() && (prefix ? s.compare(0, a.size(), a) == 0 : s.compare(s.size() - a.size(), a.size(), a) == 0)) {
            return value::boolean(true);
        }
    }
    return value::boolean(false);
}
value str_startswith(interpreter& in, call_arguments& args) { return affix_impl(in, args, "startswith", true); }
value str_endswith(interpreter& in, call_arguments& args) { return affix_impl(in, args, "endswith", false); }

value str_replace(interpreter& in, call_arguments& args) {
    CHECK_ARITY("replace", 2, 3);
    for (int i = 1; i <= 2; ++i) {
        if (!args.positional[i].as<str_object>()) return in.raise_type_error("replace() argument " + std::to_string(i) + " must be str, not " + in.type_name(args.positional[i]));
    }
    const std::string& s = self_str(args);
    const std::string& old = args.positional[1].as<str_object>()->value;
    const std::string& replacement = args.positional[2].as<str_object>()->value;
    std::int64_t count = args.positional.size() > 3 ? args.positional[3].as_int() : -1;
    std::string result;
    std::size_t start = 0;
    if (old.empty()) {
        for (std::size_t i = 0; i <= s.size(); ++i) {
            if (count-- != 0) result += replacement;
            else {
                result += s.substr(i);
                break;
            }
            if (i < s.size()) result += s[i];
        }
        return in.make_str(std::move(result));
    }
    for (;;) {
        std::size_t found = s.find(old, start);
        if (found == std::string::npos || count == 0) break;
        result += s.substr(start, found - start) + replacement;
        start = found + old.size();
        --count;
    }
    result += s.substr(start);
    return in.make_str(std::move(result));
}

value find_impl(interpreter& in, call_arguments& args, const char* name, bool raise_if_missing) {
    CHECK_ARITY(name, 1, 3);
    auto* needle = args.positional[1].as<str_object>();
    if (!needle) return in.raise_type_error("must be str, not " + in.type_name(args.positional[1]));
    const std::string& haystack = self_str(args);
    auto bound = [&](std::size_t i, std::int64_t fallback) {
        if (args.positional.size() <= i || args.positional[i].is_none()) return fallback;
        std::int64_t v = args.positional[i].as_int();
        const auto n = std::int64_t(haystack.size());
        if (v < 0) v = std::max<std::int64_t>(0, v + n);
        return std::min(v, n);
    };
    const std::int64_t start = bound(2, 0);
    const std::int64_t end = bound(3, std::int64_t(haystack.size()));
    std::size_t found = std::string::npos;
    if (start <= end) {
        found = haystack.substr(0, std::size_t(end)).find(needle->value, std::size_t(start));
    }
    if (found == std::string::npos) {
        if (raise_if_missing) return in.raise_value_error("substring not found");
        return value::integer(-1);
    }
    return value::integer(std::int64_t(found));
}
value str_find(interpreter& in, call_arguments& args) { return find_impl(in, args, "find", false); }
value str_index(interpreter& in, call_arguments& args) { return find_impl(in, args, "index", true); }

value str_count(interpreter& in, call_arguments& args) {
    CHECK_ARITY("count", 1, 1);
    auto* needle = args.positional[1].as<str_object>();
    if (!needle) return in.raise_type_error("must be str, not " + in.type_name(args.positional[1]));
    const std::string& s = self_str(args);
    if (needle->value.empty()) return value::integer(std::int64_t(s.size()) + 1);
    std::int64_t count = 0;
    for (std::size_t at = s.find(needle->value); at != std::string::npos; at = s.find(needle->value, at + needle->value.size())) ++count;
    return value::integer(count);
}

template <int (*test)(int)>
value str_is(interpreter& in, call_arguments& args) {
    CHECK_ARITY("is", 0, 0);
    const std::string& s = self_str(args);
    if (s.empty()) return value::boolean(false);
    return value::boolean(std::all_of(s.begin(), s.end(), [](char c) { return test(static_cast<unsigned char>(c)) != 0; }));
}

value pad_impl(interpreter& in, call_arguments& args, const char* name, char align) {
    CHECK_ARITY(name, 1, 2);
    if (!args.positional[1].is_int_like()) return in.raise_type_error("'" + in.type_name(args.positional[1]) + "' object cannot be interpreted as an integer");
    std::string fill = " ";
    if (args.positional.size() > 2) {
        auto* f = args.positional[2].as<str_object>();
        if (!f || f->value.size() != 1) return in.raise_type_error("The fill character must be exactly one character long");
        fill = f->value;
    }
    try {
        return in.make_str(format_str(self_str(args), fill + align + std::to_string(std::max<std::int64_t>(0, args.positional[1].as_int()))));
    } catch (const format_error& error) {
        return in.raise_value_error(error.message);
    }
}
value str_center(interpreter& in, call_arguments& args) { return pad_impl(in, args, "center", '^'); }
value str_ljust(interpreter& in, call_arguments& args) { return pad_impl(in, args, "ljust", '<'); }
value str_rjust(interpreter& in, call_arguments& args) { return pad_impl(in, args, "rjust", '>'); }

value str_zfill(interpreter& in, call_arguments& args) {
    CHECK_ARITY("zfill", 1, 1);
    std::string s = self_str(args);
    const std::int64_t width = args.positional[1].as_int();
    if (std::int64_t(s.size()) >= width) return in.make_str(s);
    const std::size_t sign = (!s.empty() && (s[0] == '-' || s[0] == '+')) ? 1 : 0;
    s.insert(sign, std::size_t(width) - s.size(), '0');
    return in.make_str(s);
}

value str_splitlines(interpreter& in, call_arguments& args) {
    CHECK_ARITY("splitlines", 0, 0);
    std::vector<value> lines;
    const std::string& s = self_str(args);
    std::size_t start = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\n' || s[i] == '\r') {
            lines.push_back(in.make_str(s.substr(start, i - start)));
            if (s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
            start = i + 1;
        }
    }
    if (start < s.size()) lines.push_back(in.make_str(s.substr(start)));
    return in.make_list(std::move(lines));
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
            if (automatic + 1 >= args.positional.size()) return in.raise(in.types().index_error, "Replacement index " + std::to_string(automatic) + " out of range for positional args tuple");
            item = args.positional[1 + automatic++];
        } else if (std::isdigit(static_cast<unsigned char>(field[0]))) {
            const std::size_t index = std::stoul(field);
            if (index + 1 >= args.positional.size()) return in.raise(in.types().index_error, "Replacement index " + field + " out of range for positional args tuple");
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

// ---- list, tuple --------------------------------------------------------------------------

std::vector<value>& self_list(call_arguments& args) { return args.positional[0].as<list_object>()->items; }

value list_append(interpreter& in, call_arguments& args) {
    CHECK_ARITY("append", 1, 1);
    value error;
    if (!in.fits(self_list(args).size() + 1, error)) return error;
    self_list(args).push_back(args.positional[1]);
    return value();
}

value list_extend(interpreter& in, call_arguments& args) {
    CHECK_ARITY("extend", 1, 1);
    std::vector<value> items;
    value error = in.to_list(args.positional[1], items);
    if (error.is_raised()) return error;
    auto& list = self_list(args);
    if (!in.fits(list.size() + items.size(), error)) return error;
    list.insert(list.end(), items.begin(), items.end());
    return value();
}

value list_pop(interpreter& in, call_arguments& args) {
    CHECK_ARITY("pop", 0, 1);
    auto& list = self_list(args);
    if (list.empty()) return in.raise(in.types().index_error, "pop from empty list");
    std::int64_t i = args.positional.size() > 1 ? args.positional[1].as_int() : -1;
    if (i < 0) i += std::int64_t(list.size());
    if (i < 0 || i >= std::int64_t(list.size())) return in.raise(in.types().index_error, "pop index out of range");
    value item = list[i];
    list.erase(list.begin() + i);
    return item;
}

value list_insert(interpreter& in, call_arguments& args) {
    CHECK_ARITY("insert", 2, 2);
    auto& list = self_list(args);
    std::int64_t i = args.positional[1].as_int();
    const auto n = std::int64_t(list.size());
    if (i < 0) i = std::max<std::int64_t>(0, i + n);
    list.insert(list.begin() + std::min(i, n), args.positional[2]);
    return value();
}

value sequence_index(interpreter& in, call_arguments& args, const std::vector<value>& items, const char* what) {
    CHECK_ARITY("index", 1, 1);
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (values_equal(items[i], args.positional[1])) return value::integer(std::int64_t(i));
    }
    if (std::string(what) == "list") return in.raise_value_error(in.repr(args.positional[1]) + " is not in list");
    return in.raise_value_error("tuple.index(x): x not in tuple");
}
value list_index(interpreter& in, call_arguments& args) { return sequence_index(in, args, self_list(args), "list"); }
value tuple_index(interpreter& in, call_arguments& args) {
    return sequence_index(in, args, args.positional[0].as<tuple_object>()->items, "tuple");
}

value sequence_count(interpreter& in, call_arguments& args, const std::vector<value>& items) {
    CHECK_ARITY("count", 1, 1);
    return value::integer(std::count_if(items.begin(), items.end(), [&](const value& v) { return values_equal(v, args.positional[1]); }));
}
value list_count(interpreter& in, call_arguments& args) { return sequence_count(in, args, self_list(args)); }
value tuple_count(interpreter& in, call_arguments& args) { return sequence_count(in, args, args.positional[0].as<tuple_object>()->items); }

value list_remove(interpreter& in, call_arguments& args) {
    CHECK_ARITY("remove", 1, 1);
    auto& list = self_list(args);
    for (auto it = list.begin(); it != list.end(); ++it) {
        if (values_equal(*it, args.positional[1])) {
            list.erase(it);
            return value();
        }
    }
    return in.raise_value_error("list.remove(x): x not in list");
}

value list_sort(interpreter& in, call_arguments& args) {
    value key = args.take("key");
    value reverse = args.take("reverse", value::boolean(false));
    CHECK_ARITY("sort", 0, 0);
    return builtin_sort(in, self_list(args), key, in.truthy(reverse));
}

value list_reverse(interpreter& in, call_arguments& args) {
    CHECK_ARITY("reverse", 0, 0);
    std::reverse(self_list(args).begin(), self_list(args).end());
    return value();
}

value list_copy(interpreter& in, call_arguments& args) {
    CHECK_ARITY("copy", 0, 0);
    return in.make_list(self_list(args));
}

value list_clear(interpreter& in, call_arguments& args) {
    CHECK_ARITY("clear", 0, 0);
    self_list(args).clear();
    return value();
}

// ---- dict ---------------------------------------------------------------------------------

dict_object& self_dict(call_arguments& args) { return *args.positional[0].as<dict_object>(); }

value dict_view(interpreter& in, call_arguments& args, dict_view_object::part which) {
    CHECK_ARITY(which == dict_view_object::part::keys ? "keys" : which == dict_view_object::part::values ? "values" : "items", 0, 0);
    auto dict = std::static_pointer_cast<dict_object>(args.positional[0].as_object());
    return value::of(make_object<dict_view_object>(std::move(dict), which));
}
value dict_keys(interpreter& in, call_arguments& args) { return dict_view(in, args, dict_view_object::part::keys); }
value dict_values(interpreter& in, call_arguments& args) { return dict_view(in, args, dict_view_object::part::values); }
value dict_items(interpreter& in, call_arguments& args) { return dict_view(in, args, dict_view_object::part::items); }

value dict_get(interpreter& in, call_arguments& args) {
    CHECK_ARITY("get", 1, 2);
    std::int64_t h = 0;
    value error = in.hash_key(args.positional[1], h);
    if (error.is_raised()) return error;
    if (value* found = self_dict(args).find(args.positional[1], h)) return *found;
    return args.positional.size() > 2 ? args.positional[2] : value();
}

value dict_setdefault(interpreter& in, call_arguments& args) {
    CHECK_ARITY("setdefault", 1, 2);
    std::int64_t h = 0;
    value error = in.hash_key(args.positional[1], h);
    if (error.is_raised()) return error;
    if (value* found = self_dict(args).find(args.positional[1], h)) return *found;
    value fallback = args.positional.size() > 2 ? args.positional[2] : value();
    self_dict(args).set(args.positional[1], h, fallback);
    return fallback;
}

value dict_pop(interpreter& in, call_arguments& args) {
    CHECK_ARITY("pop", 1, 2);
    std::int64_t h = 0;
    value error = in.hash_key(args.positional[1], h);
    if (error.is_raised()) return error;
    if (value* found = self_dict(args).find(args.positional[1], h)) {
        value item = *found;
        self_dict(args).erase(args.positional[1], h);
        return item;
    }
    if (args.positional.size() > 2) return args.positional[2];
    return value::raised(in.make_exception(in.types().key_error, {args.positional[1]}).as_object());
}

value dict_update(interpreter& in, call_arguments& args) {
    auto keywords = std::move(args.keywords);
    args.keywords.clear();
    CHECK_ARITY("update", 0, 1);
    auto& dict = self_dict(args);
    if (args.positional.size() > 1) {
        // dict(other) builds the same table: reuse the constructor's rules for pairs.
        call_arguments build{{args.positional[1]}, {}};
        value source = in.call(value::of(in.types().dict), build);
        if (source.is_raised()) return source;
        for (auto& entry : source.as<dict_object>()->entries) {
            if (entry.alive) dict.set(entry.key, entry.hash, entry.item);
        }
    }
    for (auto& [name, item] : keywords) {
        value key = in.make_str(name);
        std::int64_t h = 0;
        hash_of(key, h);
        dict.set(key, h, item);
    }
    return value();
}

value dict_copy(interpreter& in, call_arguments& args) {
    CHECK_ARITY("copy", 0, 0);
    auto copy = make_object<dict_object>();
    for (auto& entry : self_dict(args).entries) {
        if (entry.alive) copy->set(entry.key, entry.hash, entry.item);
    }
    return value::of(copy);
}

value dict_clear(interpreter& in, call_arguments& args) {
    CHECK_ARITY("clear", 0, 0);
    auto& dict = self_dict(args);
    dict.entries.clear();
    dict.index.clear();
    dict.live = 0;
    return value();
}

// ---- tables ---------------------------------------------------------------------------------

int is_digit(int c) { return std::isdigit(c); }
int is_alpha(int c) { return std::isalpha(c); }
int is_alnum(int c) { return std::isalnum(c); }
int is_space_c(int c) { return std::isspace(c); }
int is_upper(int c) { return std::isupper(c) || !std::isalpha(c); }
int is_lower(int c) { return std::islower(c) || !std::isalpha(c); }

const method_table& str_methods() {
    static const method_table table = {
        {"split", str_split}, {"join", str_join}, {"upper", str_upper}, {"lower", str_lower},
        {"capitalize", str_capitalize}, {"title", str_title}, {"strip", str_strip}, {"lstrip", str_lstrip},
        {"rstrip", str_rstrip}, {"startswith", str_startswith}, {"endswith", str_endswith}, {"replace", str_replace},
        {"find", str_find}, {"index", str_index}, {"count", str_count}, {"isdigit", str_is<is_digit>},
        {"isnumeric", str_is<is_digit>}, {"isalpha", str_is<is_alpha>}, {"isalnum", str_is<is_alnum>},
        {"isspace", str_is<is_space_c>}, {"isupper", str_is<is_upper>}, {"islower", str_is<is_lower>},
        {"center", str_center}, {"ljust", str_ljust}, {"rjust", str_rjust}, {"zfill", str_zfill},
        {"splitlines", str_splitlines}, {"format", str_format},
    };
    return table;
}

const method_table& list_methods() {
    static const method_table table = {
        {"append", list_append}, {"extend", list_extend}, {"pop", list_pop}, {"insert", list_insert},
        {"index", list_index}, {"count", list_count}, {"remove", list_remove}, {"sort", list_sort},
        {"reverse", list_reverse}, {"copy", list_copy}, {"clear", list_clear},
    };
    return table;
}

const method_table& tuple_methods() {
    static const method_table table = {{"index", tuple_index}, {"count", tuple_count}};
    return table;
}

const method_table& dict_methods() {
    static const method_table table = {
        {"keys", dict_keys}, {"values", dict_values}, {"items", dict_items}, {"get", dict_get},
        {"setdefault", dict_setdefault}, {"pop", dict_pop}, {"update", dict_update}, {"copy", dict_copy},
        {"clear", dict_clear},
    };
    return table;
}

const method_table& set_methods() { return set_method_table(); }

const method_table* table_for(const value& object) {
    if (object.as<str_object>()) return &str_methods();
    if (object.as<list_object>()) return &list_methods();
    if (object.as<tuple_object>()) return &tuple_methods();
    if (object.as<dict_object>()) return &dict_methods();
    if (object.as<set_object>()) return &set_methods();
    return nullptr;
}

}  // namespace

value asyncio_attribute(const value& object, const std::string& name, bool& found);
std::vector<std::string> asyncio_attribute_names(const value& object);

value builtin_attribute(interpreter& in, const value& object, const std::string& name, bool& found) {
    found = true;
    if (const method_table* table = table_for(object)) {
        auto m = table->find(name);
        if (m != table->end()) return value::of(make_object<builtin_function_object>(name, m->second, object));
    }
    if (auto* type = object.as<type_object>()) {
        if (name == "__name__") return in.make_str(type->name);
        if (name == "__qualname__") return in.make_str(type->name);
        if (name == "__module__") return in.make_str(type->module);
    }
    if (auto* function = object.as<function_object>()) {
        if (name == "__name__") return in.make_str(function->definition->name);
        if (name == "__qualname__") return in.make_str(function->qualified_name);
    }
    if (auto* builtin = object.as<builtin_function_object>()) {
        if (name == "__name__") return in.make_str(builtin->name);
    }
    if (auto* exception = object.as<exception_object>()) {
        if (name == "args") return in.make_tuple(exception->args);
        if (name == "exceptions" && in.is_instance(object, *in.types().base_exception_group)) return in.make_tuple(exception->group);
        if (name == "message" && in.is_instance(object, *in.types().base_exception_group)) {
            return exception->args.empty() ? in.make_str("") : exception->args[0];
        }
        if (name == "__cause__") return exception->cause;
        if (name == "__context__") return exception->context;
        if (name == "__class__") return value::of(exception->type);
    }
    if (object.is_float() && name == "is_integer") {
        return value::of(make_object<builtin_function_object>(name, [](interpreter&, call_arguments& args) -> value {
            const double f = args.positional[0].as_float();
            return value::boolean(std::isfinite(f) && f == std::floor(f));
        }, object));
    }
    if (name == "__class__") return value::of(in.type_of(object));
    value result = asyncio_attribute(object, name, found);
    if (found) return result;
    found = false;
    return value();
}

std::vector<std::string> attribute_names(interpreter&, const value& object) {
    std::vector<std::string> names;
    if (const method_table* table = table_for(object)) {
        for (auto& [name, _] : *table) names.push_back(name);
    }
    for (auto& name : asyncio_attribute_names(object)) names.push_back(name);
    std::sort(names.begin(), names.end());
    return names;
}

}  // namespace loopstep::python

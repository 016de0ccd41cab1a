// The methods of bytes, as CPython 3.11's bytesobject.c and bytes_methods.c define them:
// ASCII-only character classes and case, offsets in bytes, and their own argument
// messages ("a bytes-like object is required, not 'str'"). Pairs with bytes_object.hpp.
#include <algorithm>
#include <cstdio>

#include "bytes_object.hpp"
#include "codecs.hpp"
#include "library_modules.hpp"
#include "method_arguments.hpp"
#include "unicode.hpp"

namespace loopstep::python {

namespace {

#define CHECK_BYTES_ARGUMENTS(name, ...)                                                                       \
    do {                                                                                                       \
        value argument_error = check_method_arguments(in, args, "bytes", name, method_convention::__VA_ARGS__); \
        if (argument_error.is_raised()) return argument_error;                                                 \
    } while (false)

const std::string& self_bytes(const call_arguments& args) { return args.positional[0].as<bytes_object>()->value; }

value bytes_like_required(interpreter& in, const value& v) {
    return in.raise_type_error("a bytes-like object is required, not '" + in.type_name(v) + "'");
}

// An argument that must be bytes: its bytes, or the TypeError in `error`.
const std::string* need_bytes(interpreter& in, const value& v, value& error) {
    const std::string* data = bytes_argument(v);
    if (!data) error = bytes_like_required(in, v);
    return data;
}

bool is_ascii_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
bool is_ascii_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
bool is_ascii_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
bool is_ascii_digit(unsigned char c) { return c >= '0' && c <= '9'; }

// ---- searching ---------------------------------------------------------------------------

// The sub[, start[, end]] of find, index, count: sub is bytes or an int 0..255; the bounds
// are clamped to the data as ADJUST_INDICES does.
value search_arguments(interpreter& in, const call_arguments& args, std::string& needle, std::size_t& start, std::size_t& end) {
    const value& sub = args.positional[1];
    if (sub.is_int_like()) {
        if (sub.as_int() < 0 || sub.as_int() > 255) return in.raise_value_error("byte must be in range(0, 256)");
        needle = std::string(1, static_cast<char>(sub.as_int()));
    } else if (const std::string* data = bytes_argument(sub)) {
        needle = *data;
    } else {
        return in.raise_type_error("argument should be integer or bytes-like object, not '" + in.type_name(sub) + "'");
    }
    const auto length = std::int64_t(self_bytes(args).size());
    std::int64_t bounds[2] = {0, length};
    for (std::size_t k = 0; k < 2 && k + 2 < args.positional.size(); ++k) {
        const value& bound = args.positional[k + 2];
        if (bound.is_none()) continue;
        if (!bound.is_int_like()) return in.raise_type_error("slice indices must be integers or None or have an __index__ method");
        bounds[k] = bound.as_int() < 0 ? std::max<std::int64_t>(0, bound.as_int() + length) : std::min(bound.as_int(), length);
    }
    start = std::size_t(bounds[0]);
    end = std::size_t(bounds[1]);
    return value();
}

// The offset of needle in data[start:end] (the last one if `last`), or -1.
std::int64_t find_between(const std::string& data, const std::string& needle, std::size_t start, std::size_t end, bool last) {
    if (end < start || end - start < needle.size()) return -1;
    const std::string_view window = std::string_view(data).substr(start, end - start);
    const std::size_t found = last ? window.rfind(needle) : window.find(needle);
    return found == std::string_view::npos ? -1 : std::int64_t(start + found);
}

value find_impl(interpreter& in, call_arguments& args, const char* name, bool last, bool raise_if_missing) {
    CHECK_BYTES_ARGUMENTS(name, parse_tuple, 1, 3);
    std::string needle;
    std::size_t start = 0, end = 0;
    LIBRARY_RETURN_IF_RAISED(search_arguments(in, args, needle, start, end));
    const std::int64_t found = find_between(self_bytes(args), needle, start, end, last);
    if (found < 0 && raise_if_missing) return in.raise_value_error("subsection not found");
    return value::integer(found);
}
value bytes_find(interpreter& in, call_arguments& args) { return find_impl(in, args, "find", false, false); }
value bytes_rfind(interpreter& in, call_arguments& args) { return find_impl(in, args, "rfind", true, false); }
value bytes_index(interpreter& in, call_arguments& args) { return find_impl(in, args, "index", false, true); }
value bytes_rindex(interpreter& in, call_arguments& args) { return find_impl(in, args, "rindex", true, true); }

value bytes_count(interpreter& in, call_arguments& args) {
    CHECK_BYTES_ARGUMENTS("count", parse_tuple, 1, 3);
    std::string needle;
    std::size_t start = 0, end = 0;
    LIBRARY_RETURN_IF_RAISED(search_arguments(in, args, needle, start, end));
    if (end < start) return value::integer(0);
    if (needle.empty()) return value::integer(std::int64_t(end - start + 1));
    const std::string_view window = std::string_view(self_bytes(args)).substr(start, end - start);
    std::int64_t count = 0;
    for (std::size_t at = window.find(needle); at != std::string_view::npos; at = window.find(needle, at + needle.size())) ++count;
    return value::integer(count);
}

value affix_impl(interpreter& in, call_arguments& args, const char* name, bool at_end) {
    CHECK_BYTES_ARGUMENTS(name, parse_tuple, 1, 3);
    std::vector<value> candidates;
    if (auto* tuple = args.positional[1].as<tuple_object>()) candidates = tuple->items;
    else if (bytes_argument(args.positional[1])) candidates.push_back(args.positional[1]);
    else return in.raise_type_error(std::string(name) + " first arg must be bytes or a tuple of bytes, not " + in.type_name(args.positional[1]));
    call_arguments bounds = args;
    bounds.positional[1] = make_bytes({});
    std::string unused;
    std::size_t start = 0, end = 0;
    LIBRARY_RETURN_IF_RAISED(search_arguments(in, bounds, unused, start, end));
    const std::string& data = self_bytes(args);
    for (const auto& candidate : candidates) {
        value error;
        const std::string* affix = need_bytes(in, candidate, error);
        if (!affix) return error;
        if (end < start || end - start < affix->size()) continue;
        const std::size_t at = at_end ? end - affix->size() : start;
        if (data.compare(at, affix->size(), *affix) == 0) return value::boolean(true);
    }
    return value::boolean(false);
}
value bytes_startswith(interpreter& in, call_arguments& args) { return affix_impl(in, args, "startswith", false); }
value bytes_endswith(interpreter& in, call_arguments& args) { return affix_impl(in, args, "endswith", true); }

// ---- splitting and joining ----------------------------------------------------------------

value make_bytes_list(interpreter& in, std::vector<std::string> parts) {
    std::vector<value> items;
    items.reserve(parts.size());
    for (auto& part : parts) items.push_back(make_bytes(std::move(part)));
    return in.make_list(std::move(items));
}

value split_impl(interpreter& in, call_arguments& args, const char* name, bool from_right) {
    std::vector<value> slots;
    LIBRARY_RETURN_IF_RAISED(bind_parameters(in, args, 1, name, {{"sep"}, {"maxsplit"}}, slots));
    const std::string* separator = nullptr;
    value error;
    if (!slots[0].is_unbound() && !slots[0].is_none() && !(separator = need_bytes(in, slots[0], error))) return error;
    std::int64_t maxsplit = -1;
    if (!slots[1].is_unbound()) LIBRARY_RETURN_IF_RAISED(index_argument(in, slots[1], maxsplit));
    if (separator && separator->empty()) return in.raise_value_error("empty separator");
    std::string data = self_bytes(args);
    // rsplit is split of the reversed data, with the reversed separator, reversed back.
    std::string sep = separator ? *separator : std::string();
    if (from_right) {
        std::reverse(data.begin(), data.end());
        std::reverse(sep.begin(), sep.end());
    }
    std::vector<std::string> parts;
    std::size_t at = 0;
    if (separator) {
        for (std::size_t found; (maxsplit < 0 || std::int64_t(parts.size()) < maxsplit) && (found = data.find(sep, at)) != std::string::npos;) {
            parts.push_back(data.substr(at, found - at));
            at = found + sep.size();
        }
        parts.push_back(data.substr(at));
    } else {
        while (at < data.size() && is_ascii_space(static_cast<unsigned char>(data[at]))) ++at;
        while (at < data.size()) {
            if (maxsplit >= 0 && std::int64_t(parts.size()) >= maxsplit) {
                std::size_t last = data.size();
                while (last > at && is_ascii_space(static_cast<unsigned char>(data[last - 1]))) --last;
                parts.push_back(data.substr(at, last - at));
                break;
            }
            std::size_t stop = at;
            while (stop < data.size() && !is_ascii_space(static_cast<unsigned char>(data[stop]))) ++stop;
            parts.push_back(data.substr(at, stop - at));
            at = stop;
            while (at < data.size() && is_ascii_space(static_cast<unsigned char>(data[at]))) ++at;
        }
    }
    if (from_right) {
        for (auto& part : parts) std::reverse(part.begin(), part.end());
        std::reverse(parts.begin(), parts.end());
    }
    return make_bytes_list(in, std::move(parts));
}
value bytes_split(interpreter& in, call_arguments& args) { return split_impl(in, args, "split", false); }
value bytes_rsplit(interpreter& in, call_arguments& args) { return split_impl(in, args, "rsplit", true); }

value bytes_splitlines(interpreter& in, call_arguments& args) {
    std::vector<value> slots;
    LIBRARY_RETURN_IF_RAISED(bind_parameters(in, args, 1, "splitlines", {{"keepends"}}, slots));
    const bool keepends = !slots[0].is_unbound() && in.truthy(slots[0]);
    const std::string& data = self_bytes(args);
    std::vector<std::string> lines;
    for (std::size_t start = 0, i = 0; i < data.size(); start = i) {
        while (i < data.size() && data[i] != '\n' && data[i] != '\r') ++i;
        std::size_t end = i;
        if (i < data.size()) i += data[i] == '\r' && i + 1 < data.size() && data[i + 1] == '\n' ? 2 : 1;
        lines.push_back(data.substr(start, (keepends ? i : end) - start));
    }
    return make_bytes_list(in, std::move(lines));
}

value partition_impl(interpreter& in, call_arguments& args, const char* name, bool last) {
    CHECK_BYTES_ARGUMENTS(name, one_argument);
    value error;
    const std::string* separator = need_bytes(in, args.positional[1], error);
    if (!separator) return error;
    if (separator->empty()) return in.raise_value_error("empty separator");
    const std::string& data = self_bytes(args);
    const std::size_t found = last ? data.rfind(*separator) : data.find(*separator);
    if (found == std::string::npos) {
        return last ? in.make_tuple({make_bytes({}), make_bytes({}), args.positional[0]})
                    : in.make_tuple({args.positional[0], make_bytes({}), make_bytes({})});
    }
    return in.make_tuple({make_bytes(data.substr(0, found)), args.positional[1], make_bytes(data.substr(found + separator->size()))});
}
value bytes_partition(interpreter& in, call_arguments& args) { return partition_impl(in, args, "partition", false); }
value bytes_rpartition(interpreter& in, call_arguments& args) { return partition_impl(in, args, "rpartition", true); }

value bytes_join(interpreter& in, call_arguments& args) {
    CHECK_BYTES_ARGUMENTS("join", one_argument);
    const std::string& separator = self_bytes(args);
    std::string out;
    std::size_t index = 0;
    value item_error;
    value error = in.iterate(args.positional[1], [&](const value& item) {
        const std::string* data = bytes_argument(item);
        if (!data) {
            item_error = in.raise_type_error("sequence item " + std::to_string(index) + ": expected a bytes-like object, " + in.type_name(item) + " found");
            return false;
        }
        if (index++ > 0) out += separator;
        out += *data;
        return in.fits(out.size(), item_error, true);
    });
    if (error.is_raised()) return is_not_iterable_error(in, error) ? in.raise_type_error("can only join an iterable") : error;
    if (item_error.is_raised()) return item_error;
    return make_bytes(std::move(out));
}

value bytes_replace(interpreter& in, call_arguments& args) {
    CHECK_BYTES_ARGUMENTS("replace", clinic, 2, 3);
    value error;
    const std::string* old_part = need_bytes(in, args.positional[1], error);
    if (!old_part) return error;
    const std::string* new_part = need_bytes(in, args.positional[2], error);
    if (!new_part) return error;
    std::int64_t count = -1;
    if (args.positional.size() > 3) LIBRARY_RETURN_IF_RAISED(index_argument(in, args.positional[3], count));
    const std::string& data = self_bytes(args);
    std::string out;
    std::size_t at = 0;
    for (std::int64_t done = 0; count < 0 || done < count; ++done) {
        if (old_part->empty()) {
            // An empty pattern matches before every byte and at the end.
            if (at > data.size()) break;
            out += *new_part;
            if (at < data.size()) out += data[at];
            ++at;
        } else {
            const std::size_t found = data.find(*old_part, at);
            if (found == std::string::npos) break;
            out.append(data, at, found - at);
            out += *new_part;
            at = found + old_part->size();
        }
        if (!in.fits(out.size(), error, true)) return error;
    }
    if (at < data.size()) out.append(data, at);
    return make_bytes(std::move(out));
}

// ---- stripping, padding, case --------------------------------------------------------------

value strip_impl(interpreter& in, call_arguments& args, const char* name, bool left, bool right) {
    CHECK_BYTES_ARGUMENTS(name, clinic, 0, 1);
    const std::string* chars = nullptr;
    value error;
    if (args.positional.size() > 1 && !args.positional[1].is_none() && !(chars = need_bytes(in, args.positional[1], error))) return error;
    auto strippable = [&](char c) { return chars ? chars->find(c) != std::string::npos : is_ascii_space(static_cast<unsigned char>(c)); };
    const std::string& data = self_bytes(args);
    std::size_t begin = 0, end = data.size();
    while (left && begin < end && strippable(data[begin])) ++begin;
    while (right && end > begin && strippable(data[end - 1])) --end;
    return make_bytes(data.substr(begin, end - begin));
}
value bytes_strip(interpreter& in, call_arguments& args) { return strip_impl(in, args, "strip", true, true); }
value bytes_lstrip(interpreter& in, call_arguments& args) { return strip_impl(in, args, "lstrip", true, false); }
value bytes_rstrip(interpreter& in, call_arguments& args) { return strip_impl(in, args, "rstrip", false, true); }

value affix_removal(interpreter& in, call_arguments& args, const char* name, bool suffix) {
    CHECK_BYTES_ARGUMENTS(name, one_argument);
    value error;
    const std::string* affix = need_bytes(in, args.positional[1], error);
    if (!affix) return error;
    const std::string& data = self_bytes(args);
    if (data.size() < affix->size() || data.compare(suffix ? data.size() - affix->size() : 0, affix->size(), *affix) != 0) {
        return args.positional[0];
    }
    return make_bytes(suffix ? data.substr(0, data.size() - affix->size()) : data.substr(affix->size()));
}
value bytes_removeprefix(interpreter& in, call_arguments& args) { return affix_removal(in, args, "removeprefix", false); }
value bytes_removesuffix(interpreter& in, call_arguments& args) { return affix_removal(in, args, "removesuffix", true); }

// ljust, rjust, center: `left_share` of the margin goes left (CPython's pad()).
value pad_impl(interpreter& in, call_arguments& args, const char* name, int how) {
    CHECK_BYTES_ARGUMENTS(name, clinic, 1, 2);
    std::int64_t width = 0;
    LIBRARY_RETURN_IF_RAISED(index_argument(in, args.positional[1], width));
    char fill = ' ';
    if (args.positional.size() > 2) {
        const std::string* f = bytes_argument(args.positional[2]);
        if (!f || f->size() != 1) {
            return in.raise_type_error(std::string(name) + "() argument 2 must be a byte string of length 1, not " + in.type_name(args.positional[2]));
        }
        fill = (*f)[0];
    }
    const std::string& data = self_bytes(args);
    if (width <= std::int64_t(data.size())) return args.positional[0];
    value error;
    if (!in.fits(std::size_t(width), error, true)) return error;
    const std::int64_t margin = width - std::int64_t(data.size());
    const std::int64_t left = how < 0 ? 0 : how > 0 ? margin : margin / 2 + (margin & width & 1);
    return make_bytes(std::string(std::size_t(left), fill) + data + std::string(std::size_t(margin - left), fill));
}
value bytes_ljust(interpreter& in, call_arguments& args) { return pad_impl(in, args, "ljust", -1); }
value bytes_rjust(interpreter& in, call_arguments& args) { return pad_impl(in, args, "rjust", 1); }
value bytes_center(interpreter& in, call_arguments& args) { return pad_impl(in, args, "center", 0); }

value bytes_zfill(interpreter& in, call_arguments& args) {
    CHECK_BYTES_ARGUMENTS("zfill", one_argument);
    std::int64_t width = 0;
    LIBRARY_RETURN_IF_RAISED(index_argument(in, args.positional[1], width));
    std::string data = self_bytes(args);
    if (width <= std::int64_t(data.size())) return args.positional[0];
    value error;
    if (!in.fits(std::size_t(width), error, true)) return error;
    const std::size_t sign = !data.empty() && (data[0] == '+' || data[0] == '-') ? 1 : 0;
    data.insert(sign, std::size_t(width) - data.size(), '0');
    return make_bytes(std::move(data));
}

template <char (*Map)(char)>
value map_bytes(interpreter& in, call_arguments& args, const char* name) {
    CHECK_BYTES_ARGUMENTS(name, no_arguments);
    std::string data = self_bytes(args);
    for (char& c : data) c = Map(c);
    return make_bytes(std::move(data));
}
char to_upper(char c) { return is_ascii_lower(static_cast<unsigned char>(c)) ? char(c - 32) : c; }
char to_lower(char c) { return is_ascii_upper(static_cast<unsigned char>(c)) ? char(c + 32) : c; }
value bytes_upper(interpreter& in, call_arguments& args) { return map_bytes<to_upper>(in, args, "upper"); }
value bytes_lower(interpreter& in, call_arguments& args) { return map_bytes<to_lower>(in, args, "lower"); }

// isalpha, isdigit, ...: every byte passes (and there is one), as CPython's ASCII tests.
template <bool (*Test)(unsigned char)>
value all_bytes(interpreter& in, call_arguments& args, const char* name) {
    CHECK_BYTES_ARGUMENTS(name, no_arguments);
    const std::string& data = self_bytes(args);
    return value::boolean(!data.empty() && std::all_of(data.begin(), data.end(), [](char c) { return Test(static_cast<unsigned char>(c)); }));
}
bool is_alpha(unsigned char c) { return is_ascii_lower(c) || is_ascii_upper(c); }
bool is_alnum(unsigned char c) { return is_alpha(c) || is_ascii_digit(c); }
value bytes_isalpha(interpreter& in, call_arguments& args) { return all_bytes<is_alpha>(in, args, "isalpha"); }
value bytes_isalnum(interpreter& in, call_arguments& args) { return all_bytes<is_alnum>(in, args, "isalnum"); }
value bytes_isdigit(interpreter& in, call_arguments& args) { return all_bytes<is_ascii_digit>(in, args, "isdigit"); }
value bytes_isspace(interpreter& in, call_arguments& args) { return all_bytes<is_ascii_space>(in, args, "isspace"); }

value bytes_isascii(interpreter& in, call_arguments& args) {
    CHECK_BYTES_ARGUMENTS("isascii", no_arguments);
    const std::string& data = self_bytes(args);
    return value::boolean(std::all_of(data.begin(), data.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }));
}

// islower / isupper: some cased byte, and none of the other case.
value case_test(interpreter& in, call_arguments& args, const char* name, bool (*wanted)(unsigned char), bool (*other)(unsigned char)) {
    CHECK_BYTES_ARGUMENTS(name, no_arguments);
    bool cased = false;
    for (char ch : self_bytes(args)) {
        const auto c = static_cast<unsigned char>(ch);
        if (other(c)) return value::boolean(false);
        cased |= wanted(c);
    }
    return value::boolean(cased);
}
value bytes_islower(interpreter& in, call_arguments& args) { return case_test(in, args, "islower", is_ascii_lower, is_ascii_upper); }
value bytes_isupper(interpreter& in, call_arguments& args) { return case_test(in, args, "isupper", is_ascii_upper, is_ascii_lower); }

// ---- conversions ------------------------------------------------------------------------------

value bytes_decode(interpreter& in, call_arguments& args) {
    std::vector<value> slots;
    LIBRARY_RETURN_IF_RAISED(bind_parameters(in, args, 1, "decode", {{"encoding"}, {"errors"}}, slots));
    return decode_bytes(in, self_bytes(args), slots[0], slots[1], "decode");
}

// hex(sep=, bytes_per_sep=1): a separator every bytes_per_sep bytes, counted from the right
// (from the left when negative).
value bytes_hex(interpreter& in, call_arguments& args) {
    std::vector<value> slots;
    LIBRARY_RETURN_IF_RAISED(bind_parameters(in, args, 1, "hex", {{"sep"}, {"bytes_per_sep"}}, slots));
    std::string separator;
    if (!slots[0].is_unbound()) {
        if (auto* s = slots[0].as<str_object>()) separator = s->value;
        else if (const std::string* b = bytes_argument(slots[0])) separator = *b;
        else return in.raise_type_error("object of type '" + in.type_name(slots[0]) + "' has no len()");
        if (separator.size() != 1 && !(slots[0].as<str_object>() && unicode::length(separator) == 1)) return in.raise_value_error("sep must be length 1.");
        if (static_cast<unsigned char>(separator[0]) >= 0x80) return in.raise_value_error("sep must be ASCII.");
    }
    std::int64_t group = 1;
    if (!slots[1].is_unbound()) LIBRARY_RETURN_IF_RAISED(index_argument(in, slots[1], group));
    const std::string& data = self_bytes(args);
    const std::size_t every = std::size_t(group < 0 ? -group : group);
    std::string out;
    for (std::size_t i = 0; i < data.size(); ++i) {
        // The distance to the edge the groups are counted from decides where a separator goes.
        const std::size_t from_edge = group < 0 ? i : data.size() - i;
        if (i > 0 && !separator.empty() && every > 0 && from_edge % every == 0) out += separator;
        char digits[4];
        std::snprintf(digits, sizeof digits, "%02x", unsigned(static_cast<unsigned char>(data[i])));
        out += digits;
    }
    return in.make_str(std::move(out));
}

}  // namespace

const std::map<std::string, bytes_method>& bytes_method_table() {
    static const std::map<std::string, bytes_method> table = {
        {"center", bytes_center}, {"count", bytes_count}, {"decode", bytes_decode}, {"endswith", bytes_endswith},
        {"find", bytes_find}, {"hex", bytes_hex}, {"index", bytes_index}, {"isalnum", bytes_isalnum},
        {"isalpha", bytes_isalpha}, {"isascii", bytes_isascii}, {"isdigit", bytes_isdigit}, {"islower", bytes_islower},
        {"isspace", bytes_isspace}, {"isupper", bytes_isupper}, {"join", bytes_join}, {"ljust", bytes_ljust},
        {"lower", bytes_lower}, {"lstrip", bytes_lstrip}, {"partition", bytes_partition}, {"removeprefix", bytes_removeprefix},
        {"removesuffix", bytes_removesuffix}, {"replace", bytes_replace}, {"rfind", bytes_rfind}, {"rindex", bytes_rindex},
        {"rjust", bytes_rjust}, {"rpartition", bytes_rpartition}, {"rsplit", bytes_rsplit}, {"rstrip", bytes_rstrip},
        {"split", bytes_split}, {"splitlines", bytes_splitlines}, {"startswith", bytes_startswith}, {"strip", bytes_strip},
        {"upper", bytes_upper}, {"zfill", bytes_zfill},
    };
    return table;
}

bool is_unsupported_bytes_method(std::string_view name) {
    // CPython 3.11's bytes methods the lesson lacks.
    for (const char* missing : {"capitalize", "expandtabs", "fromhex", "istitle", "maketrans", "swapcase", "title", "translate"}) {
        if (name == missing) return true;
    }
    return false;
}

}  // namespace loopstep::python

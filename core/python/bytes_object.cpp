// bytes: its repr, the builtin's constructor and bytes.fromhex, and the operators the runtime
// dispatches here (+, *, `in`, iteration); pairs with bytes_object.hpp.
#include "bytes_object.hpp"

#include <cstdio>

#include "codecs.hpp"
#include "library_modules.hpp"
#include "method_arguments.hpp"
#include "unicode.hpp"

namespace loopstep::python {

namespace {

// An int argument that must be a byte: "byte must be in range(0, 256)" otherwise.
bool is_byte(std::int64_t n) { return n >= 0 && n < 256; }

// bytes(iterable): every item an int in 0..255.
value bytes_from_iterable(interpreter& in, const value& source) {
    value iterator = in.make_iterator(source);
    if (iterator.is_raised()) {
        return is_not_iterable_error(in, iterator) ? in.raise_type_error("cannot convert '" + in.type_name(source) + "' object to bytes") : iterator;
    }
    std::string data;
    value item_error;
    LIBRARY_RETURN_IF_RAISED(in.iterate(iterator, [&](const value& item) {
        std::int64_t n = 0;
        item_error = index_argument(in, item, n);
        if (!item_error.is_raised() && !is_byte(n)) item_error = in.raise_value_error("bytes must be in range(0, 256)");
        if (!item_error.is_raised() && !in.fits(data.size() + 1, item_error, true)) return false;
        data += static_cast<char>(n);
        return !item_error.is_raised();
    }));
    if (item_error.is_raised()) return item_error;
    return make_bytes(std::move(data));
}

// bytes(source=b'', encoding=None, errors=None), as bytes_new in Objects/bytesobject.c.
value construct_bytes(interpreter& in, call_arguments& args) {
    std::vector<value> slots;
    LIBRARY_RETURN_IF_RAISED(bind_parameters(in, args, 0, "bytes", {{"source"}, {"encoding"}, {"errors"}}, slots));
    const value& source = slots[0];
    const bool has_encoding = !slots[1].is_unbound(), has_errors = !slots[2].is_unbound();
    if (source.is_unbound()) {
        if (has_encoding || has_errors) return in.raise_type_error("encoding or errors without sequence argument");
        return make_bytes({});
    }
    auto* text = source.as<str_object>();
    if (has_encoding) {
        if (!text) return in.raise_type_error("encoding without a string argument");
        return encode_str(in, text->value, slots[1], slots[2], "bytes");
    }
    if (text) return in.raise_type_error("string argument without an encoding");
    if (has_errors) return in.raise_type_error("errors without a string argument");
    if (source.as<bytes_object>()) return source;
    if (source.is_int_like()) {
        if (source.as_int() < 0) return in.raise_value_error("negative count");
        value error;
        if (!in.fits(std::size_t(source.as_int()), error, true)) return error;
        return make_bytes(std::string(std::size_t(source.as_int()), '\0'));
    }
    if (source.as<big_int_object>()) return in.raise(in.types().overflow_error, "cannot fit 'int' into an index-sized integer");
    return bytes_from_iterable(in, source);
}

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// bytes.fromhex(string): pairs of hex digits, ASCII whitespace allowed between pairs.
value bytes_fromhex(interpreter& in, call_arguments& args) {
    LIBRARY_RETURN_IF_RAISED(check_function_arguments(in, args, "fromhex", method_convention::one_argument));
    auto* text = args.positional[0].as<str_object>();
    if (!text) return in.raise_type_error("fromhex() argument must be str, not " + in.type_name(args.positional[0]));
    const std::string& s = text->value;
    auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; };
    std::string data;
    for (std::size_t i = 0; i < s.size();) {
        if (is_space(s[i])) {
            ++i;
            continue;
        }
        const int high = hex_digit(s[i]);
        const int low = i + 1 < s.size() ? hex_digit(s[i + 1]) : -1;
        if (high < 0 || low < 0) {
            // CPython counts the position in characters.
            const std::size_t bad = unicode::code_point_index(s, high < 0 ? i : i + 1);
            return in.raise_value_error("non-hexadecimal number found in fromhex() arg at position " + std::to_string(bad));
        }
        data += static_cast<char>(high * 16 + low);
        i += 2;
    }
    return make_bytes(std::move(data));
}

}  // namespace

bool is_not_iterable_error(interpreter& in, const value& raised) {
    auto* error = raised.as_object()->kind == object_kind::exception ? static_cast<exception_object*>(raised.as_object().get()) : nullptr;
    return error && error->type == in.types().type_error && error->args.size() == 1 && error->args[0].as<str_object>() &&
           error->args[0].as<str_object>()->value.ends_with("is not iterable");
}

std::string bytes_repr(std::string_view data) {
    const bool has_single = data.find('\'') != std::string_view::npos;
    const bool has_double = data.find('"') != std::string_view::npos;
    const char quote = has_single && !has_double ? '"' : '\'';
    std::string out = "b";
    out += quote;
    for (char ch : data) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == static_cast<unsigned char>(quote) || c == '\\') {
            out += '\\';
            out += ch;
        } else if (c == '\t') {
            out += "\\t";
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c < 0x20 || c >= 0x7F) {
            char buffer[8];
            std::snprintf(buffer, sizeof buffer, "\\x%02x", unsigned(c));
            out += buffer;
        } else {
            out += ch;
        }
    }
    out += quote;
    return out;
}

value bytes_binary(interpreter& in, binary_op op, const value& left, const value& right) {
    auto* l = left.as<bytes_object>();
    auto* r = right.as<bytes_object>();
    if (!l && !r) return value::unbound();
    value error;
    if (op == binary_op::add && l) {
        if (!r) return in.raise_type_error("can't concat " + in.type_name(right) + " to bytes");
        if (!in.fits(l->value.size() + r->value.size(), error, true)) return error;
        return make_bytes(l->value + r->value);
    }
    if (op == binary_op::multiply && (left.is_int_like() || right.is_int_like())) {
        const std::string& data = l ? l->value : r->value;
        const std::int64_t times = l ? right.as_int() : left.as_int();
        if (times <= 0 || data.empty()) return make_bytes({});
        if (std::uint64_t(times) > in.options().max_str_bytes / data.size() || !in.fits(data.size() * std::size_t(times), error, true)) {
            return value::raised(in.make_exception(in.types().memory_error, {}).as_object());
        }
        std::string out;
        out.reserve(data.size() * std::size_t(times));
        for (std::int64_t i = 0; i < times; ++i) out += data;
        return make_bytes(std::move(out));
    }
    if (op == binary_op::multiply) return in.raise_type_error("can't multiply sequence by non-int of type '" + in.type_name(l ? right : left) + "'");
    if (op == binary_op::modulo && l) return in.raise(in.types().not_supported_error, "%-formatting of bytes is not supported in this lesson");
    return value::unbound();  // the generic TypeErrors follow
}

value bytes_contains(interpreter& in, const bytes_object& haystack, const value& needle) {
    if (needle.is_int_like()) {
        if (!is_byte(needle.as_int())) return in.raise_value_error("byte must be in range(0, 256)");
        return value::boolean(haystack.value.find(static_cast<char>(needle.as_int())) != std::string::npos);
    }
    if (auto* sub = bytes_argument(needle)) return value::boolean(haystack.value.find(*sub) != std::string::npos);
    return in.raise_type_error("a bytes-like object is required, not '" + in.type_name(needle) + "'");
}

value bytes_iterator(const std::shared_ptr<bytes_object>& bytes) {
    auto index = std::make_shared<std::size_t>(0);
    return value::of(make_object<iterator_object>(
        [bytes, index]() -> std::optional<value> {
            if (*index >= bytes->value.size()) return std::nullopt;
            return value::integer(static_cast<unsigned char>(bytes->value[(*index)++]));
        },
        "bytes_iterator"));
}

void install_bytes_type(interpreter& in, globals_table& globals) {
    const type_ptr& type = in.types().bytes;
    type->construct = construct_bytes;
    type->class_attributes["fromhex"] = value::of(make_object<builtin_function_object>("fromhex", bytes_fromhex));
    globals.names[type->name] = value::of(type);
    // A type, so that isinstance(x, (bytes, bytearray)) works; making one stops the program.
    auto bytearray = std::make_shared<type_object>("bytearray", in.types().object);
    bytearray->construct = [](interpreter& in, call_arguments&) {
        return in.raise(in.types().not_supported_error, "bytearray is not supported in this lesson");
    };
    globals.names[bytearray->name] = value::of(bytearray);
}

}  // namespace loopstep::python

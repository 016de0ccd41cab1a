// Text encodings between str and bytes; pairs with codecs.hpp. The utf-8 decoder reports
// its errors over the byte ranges CPython's decoder reports (Objects/stringlib/codecs.h),
// so messages and replacements match.
#include "codecs.hpp"

#include <cctype>
#include <cstdio>

#include "bytes_object.hpp"
#include "library_modules.hpp"
#include "method_arguments.hpp"
#include "unicode.hpp"

namespace loopstep::python {

namespace {

enum class codec : std::uint8_t { utf8, ascii, latin1 };

const char* codec_name(codec c) { return c == codec::utf8 ? "utf-8" : c == codec::ascii ? "ascii" : "latin-1"; }

// encodings.normalize_encoding, lower-cased: runs of punctuation become one '_'.
std::string normalized_encoding(const std::string& name) {
    std::string out;
    bool punctuation = false;
    for (char c : name) {
        if (std::isalnum(static_cast<unsigned char>(c)) || c == '.') {
            if (punctuation && !out.empty()) out += '_';
            out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            punctuation = false;
        } else {
            punctuation = true;
        }
    }
    return out;
}

// The codec for an encoding name (with the aliases of Lib/encodings/aliases.py), or nothing.
std::optional<codec> find_codec(const std::string& name) {
    const std::string n = normalized_encoding(name);
    for (const char* alias : {"utf_8", "utf8", "u8", "utf", "utf8_ucs2", "utf8_ucs4", "cp65001"}) {
        if (n == alias) return codec::utf8;
    }
    for (const char* alias : {"ascii", "646", "ansi_x3.4_1968", "ansi_x3_4_1968", "ansi_x3.4_1986", "cp367", "csascii",
                              "ibm367", "iso646_us", "iso_646.irv_1991", "iso_ir_6", "us", "us_ascii"}) {
        if (n == alias) return codec::ascii;
    }
    for (const char* alias : {"latin_1", "iso8859_1", "iso_8859_1", "8859", "cp819", "csisolatin1", "ibm819", "iso8859",
                              "iso_8859_1_1987", "iso_ir_100", "l1", "latin", "latin1"}) {
        if (n == alias) return codec::latin1;
    }
    return std::nullopt;
}

enum class handler : std::uint8_t { strict, ignore, replace };

// The arguments of an encode or decode: the codec and the error handler's name.
struct codec_choice {
    codec which = codec::utf8;
    std::string errors = "strict";
};

value parse_choice(interpreter& in, const value& encoding, const value& errors, const char* function, codec_choice& out) {
    for (const auto& [argument, name] : {std::pair{&encoding, "encoding"}, std::pair{&errors, "errors"}}) {
        if (!argument->is_unbound() && !argument->as<str_object>()) {
            return in.raise_type_error(std::string(function) + "() argument '" + name + "' must be str, not " + in.type_name(*argument));
        }
    }
    if (auto* e = errors.as<str_object>()) out.errors = e->value;
    auto* name = encoding.as<str_object>();
    if (!name) return value();
    if (auto found = find_codec(name->value)) {
        out.which = *found;
        return value();
    }
    return in.raise(in.types().not_supported_error, "the '" + name->value +
                    "' encoding is not supported in this lesson: only utf-8, ascii and latin-1 are available");
}

// The handler for the first error met: CPython looks it up only then.
value error_handler(interpreter& in, const std::string& name, handler& out) {
    if (name == "strict") out = handler::strict;
    else if (name == "ignore") out = handler::ignore;
    else if (name == "replace") out = handler::replace;
    else if (name == "backslashreplace" || name == "xmlcharrefreplace" || name == "namereplace" || name == "surrogateescape" ||
             name == "surrogatepass") {
        return in.raise(in.types().not_supported_error, "errors='" + name + "' is not supported in this lesson: use 'strict', 'ignore' or 'replace'");
    } else {
        return in.raise(in.types().lookup_error, "unknown error handler name '" + name + "'");
    }
    return value();
}

std::string position_text(const char* what, std::size_t start, std::size_t end) {
    if (end - start == 1) return std::string(what) + " in position " + std::to_string(start);
    return std::string(what) + "s in position " + std::to_string(start) + "-" + std::to_string(end - 1);
}

// A code point as CPython's encode errors quote it: '\xe9', '\u20ac', '\U0001f600'.
std::string escaped_code_point(char32_t c) {
    char buffer[16];
    if (c <= 0xFF) std::snprintf(buffer, sizeof buffer, "\\x%02x", unsigned(c));
    else if (c <= 0xFFFF) std::snprintf(buffer, sizeof buffer, "\\u%04x", unsigned(c));
    else std::snprintf(buffer, sizeof buffer, "\\U%08x", unsigned(c));
    return buffer;
}

bool is_surrogate(char32_t c) { return c >= 0xD800 && c <= 0xDFFF; }

// ---- encoding --------------------------------------------------------------------------

value encode(interpreter& in, const std::string& text, const codec_choice& choice) {
    const std::u32string codes = unicode::decode(text);
    const char32_t limit = choice.which == codec::ascii ? 0x80 : choice.which == codec::latin1 ? 0x100 : 0x110000;
    auto encodable = [&](char32_t c) { return c < limit && !is_surrogate(c); };
    std::string out;
    for (std::size_t i = 0; i < codes.size();) {
        if (encodable(codes[i])) {
            if (choice.which == codec::utf8) unicode::append(out, codes[i]);
            else out += static_cast<char>(codes[i]);
            ++i;
            continue;
        }
        std::size_t end = i + 1;
        while (end < codes.size() && !encodable(codes[end])) ++end;
        handler h = handler::strict;
        LIBRARY_RETURN_IF_RAISED(error_handler(in, choice.errors, h));
        if (h == handler::strict) {
            const std::string reason = choice.which == codec::utf8 ? "surrogates not allowed"
                                       : choice.which == codec::ascii ? "ordinal not in range(128)" : "ordinal not in range(256)";
            const std::string what = end - i == 1 ? "character '" + escaped_code_point(codes[i]) + "'" : "character";
            return in.raise(in.types().unicode_encode_error, "'" + std::string(codec_name(choice.which)) + "' codec can't encode " +
                                                                 position_text(what.c_str(), i, end) + ": " + reason);
        }
        if (h == handler::replace) out.append(end - i, '?');
        i = end;
    }
    return make_bytes(std::move(out));
}

// ---- decoding --------------------------------------------------------------------------

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// One step of the utf-8 decoder at data[at]: a character of `length` bytes, or an error
// over `length` bytes with CPython's reason.
struct utf8_step {
    std::size_t length = 1;
    const char* error = nullptr;
};

utf8_step utf8_step_at(const std::string& data, std::size_t at) {
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(data[at + k]); };
    const std::size_t available = data.size() - at;
    const unsigned char lead = byte(0);
    constexpr const char* invalid_start = "invalid start byte";
    constexpr const char* invalid_continuation = "invalid continuation byte";
    constexpr const char* unexpected_end = "unexpected end of data";
    if (lead < 0x80) return {1, nullptr};
    if (lead < 0xC2 || lead > 0xF4) return {1, invalid_start};
    const std::size_t size = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    // The second byte's range is narrower after E0, ED, F0 and F4 (no overlongs, surrogates
    // or code points past U+10FFFF).
    auto second_ok = [&](unsigned char c) {
        if (!is_continuation(c)) return false;
        if (lead == 0xE0) return c >= 0xA0;
        if (lead == 0xED) return c < 0xA0;
        if (lead == 0xF0) return c >= 0x90;
        if (lead == 0xF4) return c < 0x90;
        return true;
    };
    for (std::size_t k = 1; k < size; ++k) {
        if (k >= available) return {available, unexpected_end};
        if (!(k == 1 ? second_ok(byte(1)) : is_continuation(byte(k)))) return {k, invalid_continuation};
    }
    return {size, nullptr};
}

value decode(interpreter& in, const std::string& data, const codec_choice& choice) {
    std::string out;
    for (std::size_t i = 0; i < data.size();) {
        const auto c = static_cast<unsigned char>(data[i]);
        utf8_step step;
        if (choice.which == codec::latin1 || (choice.which == codec::ascii && c < 0x80)) {
            unicode::append(out, c);
            ++i;
            continue;
        }
        if (choice.which == codec::ascii) step.error = "ordinal not in range(128)";
        else step = utf8_step_at(data, i);
        if (!step.error) {
            out.append(data, i, step.length);
            i += step.length;
            continue;
        }
        handler h = handler::strict;
        LIBRARY_RETURN_IF_RAISED(error_handler(in, choice.errors, h));
        if (h == handler::strict) {
            char first[8];
            std::snprintf(first, sizeof first, "0x%02x", unsigned(c));
            const std::string what = step.length == 1 ? std::string("byte ") + first : "byte";
            return in.raise(in.types().unicode_decode_error, "'" + std::string(codec_name(choice.which)) + "' codec can't decode " +
                                                                 position_text(what.c_str(), i, i + step.length) + ": " + step.error);
        }
        if (h == handler::replace) unicode::append(out, 0xFFFD);
        i += step.length;
    }
    return in.make_str(std::move(out));
}

}  // namespace

value encode_str(interpreter& in, const std::string& text, const value& encoding, const value& errors, const char* function) {
    codec_choice choice;
    LIBRARY_RETURN_IF_RAISED(parse_choice(in, encoding, errors, function, choice));
    return encode(in, text, choice);
}

value decode_bytes(interpreter& in, const std::string& data, const value& encoding, const value& errors, const char* function) {
    codec_choice choice;
    LIBRARY_RETURN_IF_RAISED(parse_choice(in, encoding, errors, function, choice));
    return decode(in, data, choice);
}

value str_encode(interpreter& in, call_arguments& args) {
    std::vector<value> slots;
    LIBRARY_RETURN_IF_RAISED(bind_parameters(in, args, 1, "encode", {{"encoding"}, {"errors"}}, slots));
    return encode_str(in, args.positional[0].as<str_object>()->value, slots[0], slots[1], "encode");
}

}  // namespace loopstep::python

// The tokenizer of the Python subset: CPython 3.11's tokenizer rules and error messages; pairs with lexer.hpp.
#include "lexer.hpp"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace loopstep::python {
namespace {

constexpr int max_bracket_depth = 200;  // CPython's MAXLEVEL
constexpr int max_indent_depth = 100;   // CPython's MAXINDENT

const char* const keywords[] = {
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
    "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
    "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
    "return", "try", "while", "with", "yield",
};

bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_hex_digit(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// Decodes one UTF-8 sequence; invalid bytes decode as themselves (length 1).
char32_t decode_utf8(std::string_view s, std::size_t pos, int& length) {
    auto b = static_cast<unsigned char>(s[pos]);
    int n = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 1;
    if (pos + n > s.size()) n = 1;
    char32_t cp = n == 1 ? b : n == 2 ? (b & 0x1F) : n == 3 ? (b & 0x0F) : (b & 0x07);
    for (int i = 1; i < n; ++i) cp = (cp << 6) | (static_cast<unsigned char>(s[pos + i]) & 0x3F);
    length = n;
    return cp;
}

// Non-ASCII code points accepted in identifiers: letters, roughly (punctuation, symbols
// and emoji are rejected the way CPython rejects them).
bool is_identifier_code_point(char32_t cp) {
    if (cp < 0x80) return false;
    if (cp < 0x100) return cp == 0xAA || cp == 0xB5 || cp == 0xBA || (cp >= 0xC0 && cp != 0xD7 && cp != 0xF7);
    if (cp >= 0x2000 && cp <= 0x2BFF) return false;  // punctuation, currency, arrows, maths, symbols
    if (cp >= 0x3000 && cp <= 0x303F) return false;
    if (cp >= 0xFE30 && cp <= 0xFE4F) return false;
    if ((cp >= 0xFF00 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20)) return false;
    if (cp >= 0x1F000 && cp <= 0x1FAFF) return false;
    return true;
}

std::string hex4(char32_t cp) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04X", static_cast<unsigned>(cp));
    return buffer;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

bool is_string_prefix(std::string_view word) {
    if (word.size() > 2) return false;
    bool r = false, f = false, b = false, u = false;
    for (char c : word) {
        switch (c) {
            case 'r': case 'R': if (r) return false; r = true; break;
            case 'f': case 'F': if (f) return false; f = true; break;
            case 'b': case 'B': if (b) return false; b = true; break;
            case 'u': case 'U': if (u) return false; u = true; break;
            default: return false;
        }
    }
    return !(f && b) && !(u && word.size() > 1);
}

class lexer {
public:
    lexer(std::string_view source, const lex_options& options)
        : src_(source), line_(options.start.line), col_(options.start.column), options_(options) {}

    lex_result run() {
        indents_.push_back(0);
        alt_indents_.push_back(0);
        while (!out_.error) {
            if (at_line_start_ && !options_.expression_only && brackets_.empty()) {
                if (!indentation()) continue;
            }
            at_line_start_ = false;
            skip_blanks();
            if (pos_ >= src_.size()) break;
            char c = src_[pos_];
            if (c == '#') {
                while (pos_ < src_.size() && src_[pos_] != '\n') advance();
            } else if (c == '\n') {
                newline();
            } else if (c == '\\') {
                continuation();
            } else if (is_digit(c) || (c == '.' && pos_ + 1 < src_.size() && is_digit(src_[pos_ + 1]))) {
                number();
            } else if (c == '"' || c == '\'') {
                string(pos_, here(), "");
            } else if (is_ascii_alpha(c) || static_cast<unsigned char>(c) >= 0x80) {
                name();
            } else {
                op();
            }
        }
        finish();
        return std::move(out_);
    }

private:
    std::string_view src_;
    std::size_t pos_ = 0;
    int line_, col_;
    lex_options options_;
    lex_result out_;
    std::vector<int> indents_, alt_indents_;
    std::vector<open_bracket> brackets_;
    bool at_line_start_ = true;
    bool line_has_tokens_ = false;
    source_location last_newline_{};

    source_location here() const { return {line_, col_}; }

    void advance() {
        auto b = static_cast<unsigned char>(src_[pos_++]);
        if (b == '\n') {
            ++line_;
            col_ = 1;
        } else if ((b & 0xC0) != 0x80) {
            ++col_;
        }
    }
    void advance(std::size_t n) { while (n-- > 0 && pos_ < src_.size()) advance(); }
    char peek(std::size_t ahead = 0) const { return pos_ + ahead < src_.size() ? src_[pos_ + ahead] : '\0'; }

    void fail(std::string message, source_location where, source_location end = {}, std::string type = "SyntaxError") {
        if (out_.error) return;
        if (end.line == 0) end = {where.line, where.column + 1};
        out_.error = syntax_error{std::move(type), std::move(message), where, end};
    }

    int depth() const { return static_cast<int>(brackets_.size()) + (options_.expression_only ? 1 : 0); }

    token& emit(token_kind kind, std::string text, source_location where) {
        token t;
        t.kind = kind;
        t.text = std::move(text);
        t.where = where;
        t.end = here();
        t.bracket_depth = depth();
        out_.tokens.push_back(std::move(t));
        if (kind != token_kind::newline && kind != token_kind::indent && kind != token_kind::dedent) line_has_tokens_ = true;
        return out_.tokens.back();
    }

    void skip_blanks() {
        while (pos_ < src_.size() && (src_[pos_] == ' ' || src_[pos_] == '\t' || src_[pos_] == '\f')) advance();
    }

    std::size_t line_length_chars(int) const {
        // the current line's length in characters, for indentation error columns
        std::size_t begin = pos_;
        while (begin > 0 && src_[begin - 1] != '\n') --begin;
        std::size_t n = 0;
        for (std::size_t i = begin; i < src_.size() && src_[i] != '\n'; ++i)
            if ((static_cast<unsigned char>(src_[i]) & 0xC0) != 0x80) ++n;
        return n;
    }

    // Measures a new line's indentation and emits INDENT/DEDENT. Returns false for a blank
    // or comment-only line (already consumed up to its newline, which is skipped).
    bool indentation() {
        int column = 0, alt_column = 0, chars = 0;
        while (pos_ < src_.size()) {
            char c = src_[pos_];
            if (c == ' ') { ++column; ++alt_column; }
            else if (c == '\t') { column = (column / 8 + 1) * 8; ++alt_column; }
            else if (c == '\f') { column = alt_column = 0; }
            else break;
            ++chars;
            advance();
        }
        char c = peek();
        if (c == '#' || c == '\n' || c == '\0' || c == '\\') {
            if (c == '#') while (pos_ < src_.size() && src_[pos_] != '\n') advance();
            if (peek() == '\n') { advance(); return false; }
            if (c == '\\') { at_line_start_ = false; return true; }
            at_line_start_ = false;
            return true;
        }
        at_line_start_ = false;
        source_location where = here();
        if (column > indents_.back()) {
            if (alt_column <= alt_indents_.back()) return tab_error(), true;
            if (static_cast<int>(indents_.size()) >= max_indent_depth) {
                fail("too many levels of indentation", {line_, 1}, {line_, 1}, "IndentationError");
                return true;
            }
            indents_.push_back(column);
            alt_indents_.push_back(alt_column);
            emit(token_kind::indent, "", {line_, chars > 0 ? chars : 1});
            return true;
        }
        while (column < indents_.back()) {
            indents_.pop_back();
            alt_indents_.pop_back();
            emit(token_kind::dedent, "", where);
        }
        if (column != indents_.back()) {
            int width = static_cast<int>(line_length_chars(line_)) + 1;
            fail("unindent does not match any outer indentation level", {line_, width}, {line_, width}, "IndentationError");
        } else if (alt_column != alt_indents_.back()) {
            tab_error();
        }
        return true;
    }

    void tab_error() { fail("inconsistent use of tabs and spaces in indentation", {line_, 1}, {line_, 1}, "TabError"); }

    void newline() {
        source_location where = here();
        advance();
        if (!brackets_.empty() || options_.expression_only) return;
        if (line_has_tokens_) {
            token& t = emit(token_kind::newline, "", where);
            t.end = {where.line, where.column + 1};
            last_newline_ = where;
        }
        line_has_tokens_ = false;
        at_line_start_ = true;
    }

    void continuation() {
        if (peek(1) == '\n') {
            advance(2);
            if (pos_ >= src_.size() && !options_.expression_only) fail("unexpected EOF while parsing", here());
            return;
        }
        advance();
        fail("unexpected character after line continuation character", here());
    }

    void name() {
        source_location where = here();
        std::size_t begin = pos_;
        while (pos_ < src_.size()) {
            char c = src_[pos_];
            if (is_ascii_alpha(c) || is_digit(c)) { advance(); continue; }
            if (static_cast<unsigned char>(c) < 0x80) break;
            int length = 0;
            char32_t cp = decode_utf8(src_, pos_, length);
            if (!is_identifier_code_point(cp)) break;
            advance(length);
        }
        if (pos_ == begin) return invalid_character();
        std::string_view word = src_.substr(begin, pos_ - begin);
        if ((peek() == '"' || peek() == '\'') && is_string_prefix(word)) return string(begin, where, word);
        emit(token_kind::name, std::string(word), where);
    }

    void invalid_character() {
        int length = 0;
        char32_t cp = decode_utf8(src_, pos_, length);
        if (cp == 0xA0 || cp < 0x20 || cp == 0x7F)
            return fail("invalid non-printable character U+" + hex4(cp), here());
        fail("invalid character '" + std::string(src_.substr(pos_, length)) + "' (U+" + hex4(cp) + ")", here());
    }

    // A run of digits with single underscores between them; false (with an error) on a bad underscore.
    bool digits(bool (*valid)(char), const char* kind) {
        while (pos_ < src_.size()) {
            if (valid(src_[pos_])) { advance(); continue; }
            if (src_[pos_] == '_') {
                if (!valid(peek(1))) { fail(std::string("invalid ") + kind + " literal", here()); return false; }
                advance();
                continue;
            }
            break;
        }
        return true;
    }

    // A number may not run into a name: `1abc`. Keywords such as `1if` are allowed, as in 3.11.
    bool check_number_end(const char* kind, source_location last_digit) {
        char c = peek();
        if (!is_ascii_alpha(c) && static_cast<unsigned char>(c) < 0x80) return true;
        std::size_t end = pos_;
        while (end < src_.size() && (is_ascii_alpha(src_[end]) || is_digit(src_[end]))) ++end;
        std::string_view word = src_.substr(pos_, end - pos_);
        for (const char* allowed : {"and", "else", "for", "if", "in", "is", "not", "or"})
            if (word.substr(0, std::strlen(allowed)) == allowed) return true;
        fail(std::string("invalid ") + kind + " literal", last_digit);
        return false;
    }

    source_location previous_column() const { return {line_, col_ - 1}; }

    void number() {
        source_location where = here();
        std::size_t begin = pos_;
        char second = static_cast<char>(peek(1) | 0x20);
        if (peek() == '0' && (second == 'x' || second == 'o' || second == 'b')) return radix_number(where, begin, second);
        bool is_float = false;
        if (peek() != '.') {
            if (!digits(is_digit, "decimal")) return;
        }
        if (peek() == '.') {
            is_float = true;
            advance();
            if (is_digit(peek()) && !digits(is_digit, "decimal")) return;
        }
        if (peek() == 'e' || peek() == 'E') {
            std::size_t sign = (peek(1) == '+' || peek(1) == '-') ? 1 : 0;
            if (is_digit(peek(1 + sign))) {
                is_float = true;
                advance(1 + sign);
                if (!digits(is_digit, "decimal")) return;
            } else {
                return fail("invalid decimal literal", previous_column());
            }
        }
        if (peek() == 'j' || peek() == 'J') {
            advance();
            return fail("complex numbers are not supported in this lesson", where, here(), "NotSupportedError");
        }
        if (!check_number_end("decimal", previous_column())) return;
        std::string text;
        for (char c : src_.substr(begin, pos_ - begin)) if (c != '_') text += c;
        if (is_float) {
            token& t = emit(token_kind::floating, std::string(src_.substr(begin, pos_ - begin)), where);
            t.float_value = std::strtod(text.c_str(), nullptr);
            return;
        }
        if (text.size() > 1 && text[0] == '0' && text.find_first_not_of('0') != std::string::npos) {
            return fail("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                        where, {where.line, where.column + 1});
        }
        integer(text, 10, where, begin);
    }

    void integer(const std::string& digits_only, int base, source_location where, std::size_t begin) {
        errno = 0;
        unsigned long long value = std::strtoull(digits_only.c_str(), nullptr, base);
        if (errno == ERANGE || value > 9223372036854775807ULL) {
            return fail("integer literal too large for this lesson (64-bit)", where, here(), "NotSupportedError");
        }
        token& t = emit(token_kind::integer, std::string(src_.substr(begin, pos_ - begin)), where);
        t.int_value = static_cast<std::int64_t>(value);
    }

    void radix_number(source_location where, std::size_t begin, char radix) {
        advance(2);
        const char* kind = radix == 'x' ? "hexadecimal" : radix == 'o' ? "octal" : "binary";
        bool (*valid)(char) = radix == 'x' ? is_hex_digit
                            : radix == 'o' ? +[](char c) { return c >= '0' && c <= '7'; }
                                           : +[](char c) { return c == '0' || c == '1'; };
        if (peek() == '_') advance();
        if (!valid(peek())) {
            if (is_digit(peek())) return fail(std::string("invalid digit '") + peek() + "' in " + kind + " literal", here());
            return fail(std::string("invalid ") + kind + " literal", previous_column());
        }
        if (!digits(valid, kind)) return;
        if (is_digit(peek())) return fail(std::string("invalid digit '") + peek() + "' in " + kind + " literal", here());
        if (!check_number_end(kind, previous_column())) return;
        std::string text;
        for (char c : src_.substr(begin + 2, pos_ - begin - 2)) if (c != '_') text += c;
        integer(text, radix == 'x' ? 16 : radix == 'o' ? 8 : 2, where, begin);
    }

    void string(std::size_t begin, source_location where, std::string_view prefix) {
        bool raw = false, f = false, bytes = false;
        for (char c : prefix) {
            char lower = static_cast<char>(c | 0x20);
            raw |= lower == 'r';
            f |= lower == 'f';
            bytes |= lower == 'b';
        }
        char quote = peek();
        bool triple = peek(1) == quote && peek(2) == quote;
        advance(triple ? 3 : 1);
        source_location body_start = here();
        std::size_t body_begin = pos_;
        for (;;) {
            if (pos_ >= src_.size()) {
                int line = triple ? out_.last_line : where.line;
                std::string what = triple ? "unterminated triple-quoted string literal" : "unterminated string literal";
                return fail(what + " (detected at line " + std::to_string(line) + ")", where, where);
            }
            char c = src_[pos_];
            if (c == '\\') {
                advance();
                if (pos_ < src_.size()) advance();
                continue;
            }
            if (c == '\n' && !triple) {
                return fail("unterminated string literal (detected at line " + std::to_string(line_) + ")", where, where);
            }
            if (c == quote && (!triple || (peek(1) == quote && peek(2) == quote))) break;
            advance();
        }
        std::string_view body = src_.substr(body_begin, pos_ - body_begin);
        advance(triple ? 3 : 1);
        (void)begin;
        token t;
        t.kind = token_kind::string;
        t.is_fstring = f;
        t.is_raw = raw;
        t.is_bytes = bytes;
        t.where = where;
        t.end = here();
        t.body_start = body_start;
        t.bracket_depth = depth();
        if (bytes) {
            // CPython's parser checks this on the whole literal, quotes and prefix included.
            for (char c : body) {
                if (static_cast<unsigned char>(c) >= 0x80) return fail("bytes can only contain ASCII literal characters", where, t.end);
            }
        }
        if (f || raw) {
            t.text = std::string(body);
        } else if (auto error = bytes ? decode_bytes_escapes(body, t.text) : decode_escapes(body, t.text)) {
            bool unsupported = error->find("not supported") != std::string::npos;
            return fail(*error, t.end, t.end, unsupported ? "NotSupportedError" : "SyntaxError");
        }
        out_.tokens.push_back(std::move(t));
        line_has_tokens_ = true;
    }

    void op() {
        static const char* const three[] = {"**=", "//=", ">>=", "<<=", "..."};
        static const char* const two[] = {"**", "//", ">>", "<<", "<=", ">=", "==", "!=", "->", "+=", "-=",
                                          "*=", "/=", "%=", "&=", "|=", "^=", "@=", ":="};
        source_location where = here();
        std::string_view rest = src_.substr(pos_);
        for (const char* s : three) if (rest.substr(0, 3) == s) { advance(3); emit(token_kind::op, s, where); return; }
        for (const char* s : two) if (rest.substr(0, 2) == s) { advance(2); emit(token_kind::op, s, where); return; }
        char c = rest[0];
        if (std::strchr("+-*/%@&|^~<>,:.;=", c) != nullptr) {
            advance();
            emit(token_kind::op, std::string(1, c), where);
        } else if (c == '(' || c == '[' || c == '{') {
            if (depth() >= max_bracket_depth) return fail("too many nested parentheses", where);
            brackets_.push_back({c, where});
            advance();
            emit(token_kind::op, std::string(1, c), where);
        } else if (c == ')' || c == ']' || c == '}') {
            close_bracket(c, where);
        } else if (c == '$' || c == '?' || c == '`' || c == '!') {
            fail("invalid syntax", where);
        } else {
            invalid_character();
        }
    }

    void close_bracket(char c, source_location where) {
        if (brackets_.empty()) return fail(std::string("unmatched '") + c + "'", where);
        open_bracket open = brackets_.back();
        char expected = open.symbol == '(' ? ')' : open.symbol == '[' ? ']' : '}';
        if (c != expected) {
            std::string message = std::string("closing parenthesis '") + c + "' does not match opening parenthesis '" + open.symbol + "'";
            if (open.where.line != where.line) message += " on line " + std::to_string(open.where.line);
            return fail(message, where);
        }
        brackets_.pop_back();
        advance();
        emit(token_kind::op, std::string(1, c), where);
    }

    void finish() {
        if (!out_.error && !options_.expression_only) {
            if (line_has_tokens_ && brackets_.empty()) {
                token& t = emit(token_kind::newline, "", here());
                t.end = {t.where.line, t.where.column + 1};
                last_newline_ = t.where;
            }
            if (brackets_.empty()) {
                source_location at = last_newline_.line > 0 ? last_newline_ : here();
                while (indents_.size() > 1) {
                    indents_.pop_back();
                    emit(token_kind::dedent, "", at).end = at;
                }
            }
        }
        out_.unclosed = brackets_;
        source_location at = here();
        if (!options_.expression_only && brackets_.empty() && last_newline_.line > 0) at = last_newline_;
        emit(token_kind::end_of_file, "", at).end = at;
    }

public:
    // The one-character escapes str and bytes literals share (\n, \t, \\, ...): their
    // character, or 0 for any other.
    static char simple_escape(char e) {
        switch (e) {
            case 'n': return '\n';
            case 't': return '\t';
            case 'r': return '\r';
            case '\\': return '\\';
            case '\'': return '\'';
            case '"': return '"';
            case 'a': return '\a';
            case 'b': return '\b';
            case 'f': return '\f';
            case 'v': return '\v';
            default: return 0;
        }
    }

    // Processes backslash escapes of a plain string body; returns an error message or nothing.
    static std::optional<std::string> decode_escapes(std::string_view body, std::string& out) {
        out.clear();
        for (std::size_t i = 0; i < body.size(); ++i) {
            char c = body[i];
            if (c != '\\' || i + 1 >= body.size()) { out += c; continue; }
            char e = body[++i];
            if (const char simple = simple_escape(e)) {
                out += simple;
                continue;
            }
            switch (e) {
                case '\n': break;
                case 'x': case 'u': case 'U': {
                    std::size_t count = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                    std::size_t start = i - 1;
                    char32_t cp = 0;
                    std::size_t n = 0;
                    while (n < count && i + 1 < body.size() && is_hex_digit(body[i + 1])) {
                        char h = body[++i];
                        cp = cp * 16 + static_cast<char32_t>(is_digit(h) ? h - '0' : (h | 0x20) - 'a' + 10);
                        ++n;
                    }
                    if (n < count) {
                        const char* what = e == 'x' ? "truncated \\xXX escape" : e == 'u' ? "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape";
                        return "(unicode error) 'unicodeescape' codec can't decode bytes in position " + std::to_string(start) +
                               "-" + std::to_string(i) + ": " + what;
                    }
                    if (cp > 0x10FFFF) return std::string("(unicode error) 'unicodeescape' codec can't decode bytes: illegal Unicode character");
                    append_utf8(out, cp);
                    break;
                }
                case 'N':
                    return std::string("named unicode escapes (\\N{...}) are not supported in this lesson");
                default:
                    if (e >= '0' && e <= '7') {
                        unsigned value = static_cast<unsigned>(e - '0');
                        for (int k = 0; k < 2 && i + 1 < body.size() && body[i + 1] >= '0' && body[i + 1] <= '7'; ++k)
                            value = value * 8 + static_cast<unsigned>(body[++i] - '0');
                        append_utf8(out, value);
                    } else {
                        out += '\\';  // unknown escapes stay as written (CPython warns only)
                        out += e;
                    }
            }
        }
        return std::nullopt;
    }

    // The escapes of a bytes literal body: \x takes exactly two hex digits, an octal escape
    // keeps its low eight bits, and \u, \U, \N and unknown escapes stay as written.
    static std::optional<std::string> decode_bytes_escapes(std::string_view body, std::string& out) {
        out.clear();
        for (std::size_t i = 0; i < body.size(); ++i) {
            char c = body[i];
            if (c != '\\' || i + 1 >= body.size()) { out += c; continue; }
            const std::size_t backslash = i;
            char e = body[++i];
            if (const char simple = simple_escape(e)) {
                out += simple;
                continue;
            }
            switch (e) {
                case '\n': break;
                case 'x':
                    if (i + 2 >= body.size() || !is_hex_digit(body[i + 1]) || !is_hex_digit(body[i + 2])) {
                        return "(value error) invalid \\x escape at position " + std::to_string(backslash);
                    }
                    out += static_cast<char>(std::stoi(std::string(body.substr(i + 1, 2)), nullptr, 16));
                    i += 2;
                    break;
                default:
                    if (e >= '0' && e <= '7') {
                        unsigned value = static_cast<unsigned>(e - '0');
                        for (int k = 0; k < 2 && i + 1 < body.size() && body[i + 1] >= '0' && body[i + 1] <= '7'; ++k)
                            value = value * 8 + static_cast<unsigned>(body[++i] - '0');
                        out += static_cast<char>(value & 0xFF);
                    } else {
                        out += '\\';
                        out += e;
                    }
            }
        }
        return std::nullopt;
    }

    void set_last_line(int line) { out_.last_line = line; }
};

// CPython reports the line of the last character (the final newline counts as on its line).
int last_line_of(std::string_view text, int first_line) {
    int line = first_line;
    for (std::size_t i = 0; i + 1 < text.size(); ++i) if (text[i] == '\n') ++line;
    return line;
}

}  // namespace

bool is_keyword(std::string_view word) {
    for (const char* k : keywords) if (word == k) return true;
    return false;
}

lex_result tokenize(std::string_view source, const lex_options& options) {
    // Line endings are normalised first so that every later stage sees only '\n'.
    std::string text;
    text.reserve(source.size());
    for (std::size_t i = 0; i < source.size(); ++i) {
        if (source[i] == '\r') {
            text += '\n';
            if (i + 1 < source.size() && source[i + 1] == '\n') ++i;
        } else {
            text += source[i];
        }
    }
    lexer l(text, options);
    l.set_last_line(last_line_of(text, options.start.line));
    return l.run();
}

// Exposed for the parser's f-string literal parts.
std::optional<std::string> decode_string_escapes(std::string_view body, std::string& out) {
    return lexer::decode_escapes(body, out);
}

}  // namespace loopstep::python

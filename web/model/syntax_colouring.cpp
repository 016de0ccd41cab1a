// The code panel's colouring scanner (see syntax_colouring.hpp).
#include "model/syntax_colouring.hpp"

#include <algorithm>
#include <array>
#include <string>

namespace loopstep::web {
namespace {

constexpr std::array keywords = {"False", "None", "True", "and", "as", "assert", "async", "await", "break",
                                 "class", "continue", "def", "del", "elif", "else", "except", "finally",
                                 "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
                                 "not", "or", "pass", "raise", "return", "try", "while", "with", "yield"};
constexpr std::array builtins = {"print", "range", "len", "str", "int", "float", "list", "dict", "set",
                                 "tuple", "sum", "min", "max", "abs", "sorted", "enumerate", "zip",
                                 "isinstance", "repr", "round", "any", "all", "map", "filter", "bool",
                                 "Exception", "ValueError", "TypeError", "KeyError", "RuntimeError",
                                 "TimeoutError", "ZeroDivisionError", "asyncio", "time"};

bool is_identifier_start(char c) { return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c & 0x80); }
bool is_identifier_char(char c) { return is_identifier_start(c) || (c >= '0' && c <= '9'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

template <std::size_t N>
bool contains(const std::array<const char*, N>& words, std::string_view word) {
    return std::find(words.begin(), words.end(), word) != words.end();
}

class scanner {
public:
    explicit scanner(std::string_view source) : source_(source) {}

    std::vector<coloured_run> scan() {
        while (at_ < source_.size()) scan_token();
        return std::move(runs_);
    }

private:
    // Adds [begin, end) split at newlines.
    void add(std::size_t begin, std::size_t end, token_colour colour) {
        while (begin < end) {
            const std::size_t newline = std::min(source_.find('\n', begin), end);
            if (newline > begin) runs_.push_back({begin, newline, colour});
            begin = newline + 1;
        }
    }

    void scan_token() {
        const char c = source_[at_];
        if (c == '#') {
            const std::size_t end = std::min(source_.find('\n', at_), source_.size());
            add(at_, end, token_colour::comment);
            at_ = end;
        } else if (c == '"' || c == '\'') {
            scan_string(at_);
        } else if (is_digit(c) || (c == '.' && at_ + 1 < source_.size() && is_digit(source_[at_ + 1]))) {
            const std::size_t begin = at_;
            while (at_ < source_.size() && (is_identifier_char(source_[at_]) || source_[at_] == '.')) ++at_;
            add(begin, at_, token_colour::number);
        } else if (is_identifier_start(c)) {
            scan_word();
        } else {
            ++at_;
        }
    }

    void scan_word() {
        const std::size_t begin = at_;
        while (at_ < source_.size() && is_identifier_char(source_[at_])) ++at_;
        const std::string_view word = source_.substr(begin, at_ - begin);
        // f"...", r'...', b"...": a prefix glued to a string belongs to it.
        if (at_ < source_.size() && (source_[at_] == '"' || source_[at_] == '\'') && word.size() <= 2) {
            scan_string(begin);
            return;
        }
        if (contains(keywords, word)) {
            add(begin, at_, token_colour::keyword);
            after_def_ = word == "def";
            return;
        }
        if (after_def_) {
            add(begin, at_, token_colour::definition);
        } else if (contains(builtins, word)) {
            add(begin, at_, token_colour::builtin);
        }
        after_def_ = false;
    }

    // A string from `begin` (its prefix included) to its closing quote, or the line's end if unclosed.
    void scan_string(std::size_t begin) {
        const char quote = source_[at_];
        const bool triple = source_.substr(at_, 3) == std::string(3, quote);
        const std::string_view closing = triple ? source_.substr(at_, 3) : source_.substr(at_, 1);
        at_ += closing.size();
        while (at_ < source_.size()) {
            if (source_[at_] == '\\') {
                at_ += 2;
            } else if (source_.substr(at_, closing.size()) == closing) {
                at_ += closing.size();
                break;
            } else if (source_[at_] == '\n' && !triple) {
                break;
            } else {
                ++at_;
            }
        }
        at_ = std::min(at_, source_.size());
        add(begin, at_, token_colour::string);
        after_def_ = false;
    }

    std::string_view source_;
    std::size_t at_ = 0;
    bool after_def_ = false;
    std::vector<coloured_run> runs_;
};

}  // namespace

std::vector<coloured_run> colour_source(std::string_view source) { return scanner(source).scan(); }

}  // namespace loopstep::web

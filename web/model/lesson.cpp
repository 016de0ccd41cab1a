// Parses the lesson files' markdown subset (lessons/README.md) into chapters. Pairs with lesson.hpp.
#include "model/lesson.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <utility>

namespace loopstep::web {
namespace {

bool starts_with(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) text.remove_suffix(1);
    return text;
}

std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    while (!text.empty()) {
        const std::size_t end = text.find('\n');
        lines.push_back(text.substr(0, end));
        if (end == std::string_view::npos) break;
        text.remove_prefix(end + 1);
    }
    return lines;
}

void add_span(rich_text& text, span_style style, std::string_view part) {
    if (part.empty()) return;
    if (!text.empty() && text.back().style == style) {
        text.back().text += part;
    } else {
        text.push_back({style, std::string(part)});
    }
}

// Reads the file line by line; each method consumes one construct.
class chapter_parser {
public:
    chapter_parser(std::string_view file, std::string_view text) : lines_(split_lines(text)) { chapter_.file = file; }

    chapter parse() {
        while (at_ < lines_.size()) parse_line();
        flush_paragraph();
        if (chapter_.title.empty()) fail(1, "the first line must be the chapter's title: # Title");
        if (!chapter_.predictions.empty() && chapter_.scenario.empty()) {
            fail(static_cast<std::size_t>(chapter_.predictions.front().line), "@predict needs the chapter's python scenario to stop in");
        }
        if (!chapter_.compare.empty() && (chapter_.scenario.empty() || chapter_.scenario_label.empty())) {
            fail(1, "a python compare block runs beside the scenario: give the chapter a ```python scenario \"Label\"``` block too");
        }
        return std::move(chapter_);
    }

private:
    [[noreturn]] void fail(std::size_t line, const std::string& message) const {
        throw lesson_format_error(chapter_.file, static_cast<int>(line), message);
    }

    void parse_line() {
        const std::string_view line = trim(lines_[at_]);
        if (line.empty()) {
            flush_paragraph();
            ++at_;
        } else if (starts_with(line, "```")) {
            flush_paragraph();
            parse_fence(trim(line.substr(3)));
        } else if (starts_with(line, "@param ")) {
            flush_paragraph();
            parse_param(line.substr(7));
        } else if (starts_with(line, "@formula ")) {
            flush_paragraph();
            parse_formula(line.substr(9));
        } else if (starts_with(line, "@predict ")) {
            flush_paragraph();
            parse_prediction(line.substr(9));
        } else if (line == "@question") {
            flush_paragraph();
            parse_question();
        } else if (starts_with(line, "@time_unit ")) {
            flush_paragraph();
            parse_time_unit(trim(line.substr(11)));
        } else if (line == "@check") {
            flush_paragraph();
            chapter_.is_final_check = true;
            ++at_;
        } else if (starts_with(line, "## ")) {
            flush_paragraph();
            chapter_.blocks.push_back({block_kind::heading, parse_inline(line.substr(3)), {}});
            ++at_;
        } else if (starts_with(line, "# ")) {
            flush_paragraph();
            if (!chapter_.title.empty()) fail(at_ + 1, "a chapter has one title (# ...); use ## for sections");
            chapter_.title = line.substr(2);
            ++at_;
        } else if (starts_with(line, "- ")) {
            flush_paragraph();
            chapter_.blocks.push_back({block_kind::bullet, parse_inline(line.substr(2)), {}});
            ++at_;
        } else {
            if (!paragraph_.empty()) paragraph_ += ' ';
            paragraph_ += line;
            ++at_;
        }
    }

    void flush_paragraph() {
        if (paragraph_.empty()) return;
        chapter_.blocks.push_back({block_kind::paragraph, parse_inline(paragraph_), {}});
        paragraph_.clear();
    }

    void parse_fence(std::string_view info) {
        const std::size_t opened = at_++;
        std::string code;
        while (at_ < lines_.size() && trim(lines_[at_]) != "```") {
            code += lines_[at_++];
            code += '\n';
        }
        if (at_ == lines_.size()) fail(opened + 1, "this code block has no closing ```");
        ++at_;
        if (info == "python scenario" || starts_with(info, "python scenario ")) {
            if (!chapter_.scenario.empty()) fail(opened + 1, "a chapter has at most one python scenario");
            chapter_.scenario = std::move(code);
            chapter_.scenario_line = static_cast<int>(opened) + 2;
            chapter_.scenario_label = quoted_label(info.substr(15), opened, false);
        } else if (starts_with(info, "python compare")) {
            if (!chapter_.compare.empty()) fail(opened + 1, "a chapter has at most one python compare");
            chapter_.compare = std::move(code);
            chapter_.compare_line = static_cast<int>(opened) + 2;
            chapter_.compare_label = quoted_label(info.substr(14), opened, true);
        } else {
            chapter_.blocks.push_back({block_kind::code, {}, std::move(code)});
        }
    }

    // The "Label" after a fence's info words: at most 24 characters (it heads a column of the timeline).
    std::string quoted_label(std::string_view rest, std::size_t fence, bool required) const {
        rest = trim(rest);
        if (rest.empty() && !required) return {};
        if (rest.size() < 2 || rest.front() != '"' || rest.back() != '"' || rest.size() > 26) {
            fail(fence + 1, "write the program's label in quotes, at most 24 characters: ```python compare \"One by one\"");
        }
        return std::string(rest.substr(1, rest.size() - 2));
    }

    int parse_int(std::string_view word, const char* what) const {
        int value = 0;
        const auto [end, error] = std::from_chars(word.data(), word.data() + word.size(), value);
        if (error != std::errc{} || end != word.data() + word.size()) {
            fail(at_ + 1, std::string("@param: the ") + what + " must be a whole number, not '" + std::string(word) + "'");
        }
        return value;
    }

    // @time_unit min: one word, up to 8 letters (it follows every time on screen).
    void parse_time_unit(std::string_view unit) {
        const bool letters = !unit.empty() && unit.size() <= 8 &&
                             std::all_of(unit.begin(), unit.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
        if (!letters) fail(at_ + 1, "@time_unit needs one word of at most 8 letters, e.g. @time_unit min");
        chapter_.time_unit = unit;
        ++at_;
    }

    // @param name default min max Label words
    void parse_param(std::string_view rest) {
        std::vector<std::string_view> words;
        for (int i = 0; i < 4; ++i) {
            rest = trim(rest);
            const std::size_t end = rest.find(' ');
            if (end == std::string_view::npos) fail(at_ + 1, "@param needs: name default min max label");
            words.push_back(rest.substr(0, end));
            rest.remove_prefix(end);
        }
        lesson_param param{std::string(words[0]), std::string(trim(rest)), parse_int(words[1], "default"),
                           parse_int(words[2], "minimum"), parse_int(words[3], "maximum")};
        if (param.min > param.value || param.value > param.max) fail(at_ + 1, "@param: the default must lie in [min, max]");
        chapter_.params.push_back(std::move(param));
        ++at_;
    }

    // @formula Label words | expression over the @param names | unit
    void parse_formula(std::string_view rest) {
        std::vector<std::string_view> fields;
        for (std::size_t bar = rest.find('|'); bar != std::string_view::npos; bar = rest.find('|')) {
            fields.push_back(trim(rest.substr(0, bar)));
            rest.remove_prefix(bar + 1);
        }
        fields.push_back(trim(rest));
        if (fields.size() < 2 || fields.size() > 3 || fields[0].empty() || fields[1].empty()) {
            fail(at_ + 1, "@formula needs: label | expression | unit (the unit may be left out)");
        }
        chapter_.formulas.push_back({std::string(fields[0]), std::string(fields[1]), fields.size() == 3 ? std::string(fields[2]) : ""});
        ++at_;
    }

    // A "quoted" piece of output from the front of `rest`, which then starts after it.
    std::string take_quoted(std::string_view& rest, const char* what) const {
        rest = trim(rest);
        const std::size_t close = rest.size() > 1 && rest.front() == '"' ? rest.find('"', 1) : std::string_view::npos;
        if (close == std::string_view::npos || close == 1) {
            fail(at_ + 1, std::string("@predict: ") + what + " needs a piece of the program's output in double quotes");
        }
        std::string text(rest.substr(1, close - 1));
        rest.remove_prefix(close + 1);
        return text;
    }

    // @predict task|output|clock "line" start|before "line"|after "line", then the prompt's lines
    // and optional "> " feedback lines.
    void parse_prediction(std::string_view rest) {
        const std::size_t opened = at_;
        lesson_prediction prediction;
        prediction.line = static_cast<int>(opened + 1);
        rest = trim(rest);
        const std::string_view asks = rest.substr(0, rest.find(' '));
        rest.remove_prefix(asks.size());
        if (asks == "task") {
            prediction.asks = prediction_asks::next_task;
        } else if (asks == "output") {
            prediction.asks = prediction_asks::next_output;
        } else if (asks == "clock") {
            prediction.asks = prediction_asks::clock;
            prediction.clock_output = take_quoted(rest, "clock");
        } else {
            fail(at_ + 1, "@predict asks task, output or clock \"line\", not '" + std::string(asks) + "'");
        }
        rest = trim(rest);
        const std::string_view stop = rest.substr(0, rest.find(' '));
        rest.remove_prefix(stop.size());
        if (stop == "start") {
            prediction.stop = prediction_stop::start;
        } else if (stop == "before" || stop == "after") {
            prediction.stop = stop == "before" ? prediction_stop::before_output : prediction_stop::after_output;
            prediction.stop_output = take_quoted(rest, stop == "before" ? "before" : "after");
        } else {
            fail(at_ + 1, "@predict stops at start, before \"line\" or after \"line\", not '" + std::string(stop) + "'");
        }
        if (!trim(rest).empty()) fail(at_ + 1, "@predict: unexpected '" + std::string(trim(rest)) + "' at the end");
        std::string prompt, feedback;
        for (++at_; at_ < lines_.size(); ++at_) {
            const std::string_view line = trim(lines_[at_]);
            if (line.empty() || line.front() == '@' || line.front() == '#') break;
            std::string& part = starts_with(line, ">") ? feedback : prompt;
            if (!part.empty()) part += ' ';
            part += trim(starts_with(line, ">") ? line.substr(1) : line);
        }
        if (prompt.empty()) fail(opened + 1, "@predict needs the question on the lines below it");
        prediction.prompt = parse_inline(prompt);
        prediction.feedback = parse_inline(feedback);
        chapter_.predictions.push_back(std::move(prediction));
    }

    // @question, its prompt lines, "- [ ]" / "- [x]" options, "> " feedback lines.
    void parse_question() {
        const std::size_t opened = at_++;
        lesson_question question;
        std::string prompt, feedback;
        for (; at_ < lines_.size(); ++at_) {
            const std::string_view line = trim(lines_[at_]);
            if (line.empty()) {
                if (!feedback.empty()) break;
                continue;
            }
            if (starts_with(line, "- [ ] ") || starts_with(line, "- [x] ")) {
                if (line[3] == 'x') {
                    if (question.correct >= 0) fail(at_ + 1, "a question has exactly one right answer ([x])");
                    question.correct = static_cast<int>(question.options.size());
                }
                question.options.push_back(parse_inline(line.substr(6)));
            } else if (starts_with(line, ">")) {
                if (!feedback.empty()) feedback += ' ';
                feedback += trim(line.substr(1));
            } else if (line.front() == '@' || line.front() == '#') {
                break;
            } else {
                if (!question.options.empty()) fail(at_ + 1, "the question's text must come before its answers");
                if (!prompt.empty()) prompt += ' ';
                prompt += line;
            }
        }
        if (prompt.empty()) fail(opened + 1, "@question has no text");
        if (question.options.size() < 2) fail(opened + 1, "a question needs at least two answers (- [ ] ...)");
        if (question.correct < 0) fail(opened + 1, "a question needs one right answer marked - [x]");
        if (feedback.empty()) fail(opened + 1, "a question needs feedback (> ...) explaining the answer");
        question.prompt = parse_inline(prompt);
        question.feedback = parse_inline(feedback);
        chapter_.questions.push_back(std::move(question));
    }

    std::vector<std::string_view> lines_;
    std::size_t at_ = 0;
    std::string paragraph_;
    chapter chapter_;
};

}  // namespace

lesson_format_error::lesson_format_error(const std::string& file, int line, const std::string& message)
    : std::runtime_error(file + ":" + std::to_string(line) + ": " + message), file(file), line(line), message(message) {}

// `code`, **strong**, *emphasis*; an unmatched marker is plain text.
rich_text parse_inline(std::string_view text) {
    rich_text spans;
    std::size_t plain_from = 0;
    for (std::size_t at = 0; at < text.size();) {
        const std::string_view marker = text[at] == '`'                        ? "`"
                                        : starts_with(text.substr(at), "**") ? "**"
                                        : text[at] == '*'                      ? "*"
                                                                               : "";
        const std::size_t close = marker.empty() ? std::string_view::npos : text.find(marker, at + marker.size());
        // "2 * 3 * 4" is arithmetic, not emphasis: emphasis hugs its words.
        const bool hugs = marker == "`" || (close != std::string_view::npos && text[at + marker.size()] != ' ' &&
                                            text[close - 1] != ' ');
        if (close == std::string_view::npos || close == at + marker.size() || !hugs) {
            ++at;
            continue;
        }
        add_span(spans, span_style::plain, text.substr(plain_from, at - plain_from));
        const span_style style = marker == "`" ? span_style::code : marker == "**" ? span_style::strong : span_style::emphasis;
        add_span(spans, style, text.substr(at + marker.size(), close - at - marker.size()));
        at = plain_from = close + marker.size();
    }
    add_span(spans, span_style::plain, text.substr(plain_from));
    return spans;
}

chapter parse_chapter(std::string_view file, std::string_view text) { return chapter_parser(file, text).parse(); }

std::vector<chapter> parse_lessons(std::span<const lesson_file> files) {
    std::vector<chapter> chapters;
    for (const lesson_file& file : files) chapters.push_back(parse_chapter(file.name, file.text));
    return chapters;
}

namespace {
std::string filled(const chapter& chapter, std::string program, std::span<const int> values) {
    for (std::size_t i = 0; i < chapter.params.size() && i < values.size(); ++i) {
        const std::string placeholder = "{{" + chapter.params[i].name + "}}";
        const std::string value = std::to_string(values[i]);
        for (std::size_t at = program.find(placeholder); at != std::string::npos; at = program.find(placeholder, at + value.size())) {
            program.replace(at, placeholder.size(), value);
        }
    }
    return program;
}
}  // namespace

std::string fill_params(const chapter& chapter, std::span<const int> values) { return filled(chapter, chapter.scenario, values); }
std::string fill_compare_params(const chapter& chapter, std::span<const int> values) { return filled(chapter, chapter.compare, values); }

}  // namespace loopstep::web

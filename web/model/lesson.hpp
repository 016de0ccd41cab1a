// A lesson chapter as the app shows it: text blocks with inline markup, the runnable scenario with
// its parameters, and the questions. Parsed from lessons/NN-slug.md (format: lessons/README.md); pairs with lesson.cpp.
#pragma once

#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "model/embedded_lessons.hpp"

namespace loopstep::web {

enum class span_style { plain, emphasis, strong, code };

struct text_span {
    span_style style = span_style::plain;
    std::string text;
    bool operator==(const text_span&) const = default;
};
using rich_text = std::vector<text_span>;

enum class block_kind { heading, paragraph, bullet, code };

struct lesson_block {
    block_kind kind = block_kind::paragraph;
    rich_text text;    // headings, paragraphs, bullets
    std::string code;  // code blocks
};

// An integer slider: {{name}} in the scenario becomes its value.
struct lesson_param {
    std::string name;
    std::string label;
    int value = 0;  // the default, as written in the file
    int min = 0;
    int max = 0;
};

// A result the text works out from the sliders ("n × (s + w)"), shown beside them as their values
// change: a Python expression over the parameters' names, evaluated by the interpreter itself.
struct lesson_formula {
    std::string label;       // "One by one, n × (s + w)"
    std::string expression;  // "urls * (send + wait)"
    std::string unit;        // "s", or empty
};

struct lesson_question {
    rich_text prompt;
    std::vector<rich_text> options;
    int correct = -1;  // index into options
    rich_text feedback;
};

// A prediction (@predict): the run stops at a point until the learner says what happens next.
// The lesson names what is asked and where; the choices and the right one come from the run
// itself (model/prediction.hpp), so they stay true when the sliders or the learner's code change.
enum class prediction_asks {
    next_task,    // which task the loop runs next
    next_output,  // which line the program prints next
    clock,        // what the clock says when a line containing `clock_output` prints
};
enum class prediction_stop {
    start,         // before the first event
    before_output, // right before the first line containing `stop_output` prints
    after_output,  // right after it printed
};
struct lesson_prediction {
    prediction_asks asks = prediction_asks::next_task;
    std::string clock_output;
    prediction_stop stop = prediction_stop::start;
    std::string stop_output;
    rich_text prompt;
    rich_text feedback;  // optional: why, shown once answered
    int line = 0;        // where the file has it (errors about it name this line)
};

struct chapter {
    std::string file;  // "04-twelve-requests.md"
    std::string title;
    std::vector<lesson_block> blocks;
    std::string scenario;  // the program with {{name}} placeholders; empty if none
    // Two runs side by side: a second program (```python compare "Label"```), run beside the
    // scenario on one time axis, each labelled. Empty compare = one program.
    std::string scenario_label;
    std::string compare;
    std::string compare_label;
    int scenario_line = 0;  // the file's line of each program's first line (errors in a run name it)
    int compare_line = 0;
    std::vector<lesson_param> params;
    std::vector<lesson_formula> formulas;
    std::vector<lesson_question> questions;
    std::vector<lesson_prediction> predictions;
    bool is_final_check = false;  // @check: its questions make the score
    // @time_unit: what one second of the program's virtual clock stands for in the text ("min"
    // when the eggs boil for 3 minutes): the clock, the timeline and the narration use it.
    std::string time_unit = "s";
};

// A problem an author must fix, where it is: the file, its 1-based line (0: the file as a whole).
struct lesson_problem {
    std::string file;
    int line = 0;
    std::string message;
};

// A mistake in a lesson file, with where it is: the lesson tests and the app report it.
struct lesson_format_error : std::runtime_error {
    lesson_format_error(const std::string& file, int line, const std::string& message);
    std::string file;
    int line = 0;
    std::string message;  // what is wrong and how to fix it, without the place
};

rich_text parse_inline(std::string_view text);
chapter parse_chapter(std::string_view file, std::string_view text);
std::vector<chapter> parse_lessons(std::span<const lesson_file> files);

// The scenario with every {{name}} replaced by the value in `values` (same order as chapter.params).
std::string fill_params(const chapter& chapter, std::span<const int> values);
// The same for the compared program.
std::string fill_compare_params(const chapter& chapter, std::span<const int> values);

}  // namespace loopstep::web

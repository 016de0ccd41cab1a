// Evaluates a lesson's @formula with the interpreter, and writes it out with the values put in.
#include "model/formula.hpp"

#include <cctype>

#include "loopstep/python/run_program.hpp"

namespace loopstep::web {
namespace {

bool starts_name(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0 || c == '_'; }
bool continues_name(char c) { return starts_name(c) || std::isdigit(static_cast<unsigned char>(c)) != 0; }

// The expression as the learner reads it: each parameter's name replaced by its value, * as ×.
std::string with_values(std::string_view expression, const chapter& chapter, std::span<const int> values) {
    std::string shown;
    for (std::size_t at = 0; at < expression.size();) {
        if (!starts_name(expression[at])) {
            shown += expression[at] == '*' ? std::string("\xC3\x97") : std::string(1, expression[at]);  // ×
            ++at;
            continue;
        }
        std::size_t end = at;
        while (end < expression.size() && continues_name(expression[end])) ++end;
        const std::string_view name = expression.substr(at, end - at);
        std::string replacement(name);
        for (std::size_t i = 0; i < chapter.params.size() && i < values.size(); ++i) {
            if (chapter.params[i].name == name) replacement = std::to_string(values[i]);
        }
        shown += replacement;
        at = end;
    }
    return shown;
}

}  // namespace

std::string formula_text(const lesson_formula& formula, const chapter& chapter, std::span<const int> values) {
    std::string program;
    for (std::size_t i = 0; i < chapter.params.size() && i < values.size(); ++i) {
        program += chapter.params[i].name + " = " + std::to_string(values[i]) + "\n";
    }
    program += "print(" + formula.expression + ")\n";
    python::program_options options;
    options.step_budget = 100'000;  // arithmetic: a few steps; a lesson's mistake must not hang the page
    const python::program_result result = python::run_program(program, options);
    const std::string head = formula.label + ": " + with_values(formula.expression, chapter, values);
    if (result.error) return head + ": cannot be worked out (" + result.error->type + ": " + result.error->message + ")";
    std::string value = result.output;
    while (!value.empty() && value.back() == '\n') value.pop_back();
    return head + " = " + value + (formula.unit.empty() ? "" : " " + formula.unit);
}

}  // namespace loopstep::web

// The lesson format parser (web/model/lesson.hpp) and every chapter in lessons/: it parses,
// its questions are well formed, its program runs in loopstep's interpreter.
#include <catch2/catch.hpp>

#include "loopstep/python/run_program.hpp"
#include "model/formula.hpp"
#include "model/lesson.hpp"

using namespace loopstep::web;

TEST_CASE("inline markup becomes styled spans, and lone markers stay text", "[lesson]") {
    const rich_text text = parse_inline("A *loop* runs **one** `task` at a time: 2 * 3 * 4");
    REQUIRE(text.size() == 7);
    CHECK(text[1] == text_span{span_style::emphasis, "loop"});
    CHECK(text[3] == text_span{span_style::strong, "one"});
    CHECK(text[5] == text_span{span_style::code, "task"});
    CHECK(text[6] == text_span{span_style::plain, " at a time: 2 * 3 * 4"});
}

TEST_CASE("a chapter file gives its title, blocks, scenario, parameters and questions", "[lesson]") {
    const chapter parsed = parse_chapter("01-x.md", R"(# Twelve requests

## Why
First line of a paragraph
and its second line.

- a bullet with `code`

```python
print("shown, not run")
```

```python scenario
N = {{urls}}
print(N * {{wait}})
```
@param urls 12 1 30 Number of URLs
@param wait 55 1 120 Wait time (s)

@question
How long?
- [ ] 330 s
- [x] 115 s
> The sends cannot overlap.
)");
    CHECK(parsed.title == "Twelve requests");
    REQUIRE(parsed.blocks.size() == 4);
    CHECK(parsed.blocks[0].kind == block_kind::heading);
    CHECK(parsed.blocks[1].kind == block_kind::paragraph);
    CHECK(parsed.blocks[1].text[0].text == "First line of a paragraph and its second line.");
    CHECK(parsed.blocks[2].kind == block_kind::bullet);
    CHECK(parsed.blocks[3].code == "print(\"shown, not run\")\n");
    REQUIRE(parsed.params.size() == 2);
    CHECK(parsed.params[1].label == "Wait time (s)");
    CHECK(fill_params(parsed, std::vector<int>{3, 10}) == "N = 3\nprint(N * 10)\n");
    REQUIRE(parsed.questions.size() == 1);
    CHECK(parsed.questions[0].correct == 1);
    CHECK(parsed.questions[0].feedback[0].text == "The sends cannot overlap.");
    CHECK_FALSE(parsed.is_final_check);
}

TEST_CASE("a malformed lesson names its file and line", "[lesson]") {
    try {
        parse_chapter("02-y.md", "# T\n\n@question\nWhich?\n- [x] a\n- [x] b\n> because\n");
        FAIL("no error");
    } catch (const lesson_format_error& error) {
        CHECK(error.file == "02-y.md");
        CHECK(error.line == 6);
        CHECK(std::string(error.what()).find("exactly one right answer") != std::string::npos);
    }
    CHECK_THROWS_AS(parse_chapter("03.md", "no title\n"), lesson_format_error);
    CHECK_THROWS_AS(parse_chapter("04.md", "# T\n@param n 50 1 10 Too big\n"), lesson_format_error);
    CHECK_THROWS_AS(parse_chapter("05.md", "# T\n```python\nunclosed\n"), lesson_format_error);
    CHECK_THROWS_AS(parse_chapter("06.md", "# T\n@time_unit two words\n"), lesson_format_error);
    CHECK_THROWS_AS(parse_chapter("07.md", "# T\n@time_unit 5min\n"), lesson_format_error);
}

TEST_CASE("@time_unit names what a second of the clock stands for; seconds by default", "[lesson]") {
    CHECK(parse_chapter("01.md", "# T\n").time_unit == "s");
    CHECK(parse_chapter("01.md", "# T\n\n@time_unit min\n\nText.\n").time_unit == "min");
}

TEST_CASE("@formula is worked out by the interpreter at the sliders' values", "[lesson][formula]") {
    const chapter parsed = parse_chapter("04-x.md", R"(# T

@param urls 12 1 30 Number of URLs
@param send 5 1 20 Send time (s)
@formula Sends, n × s | urls * send | s
@formula Per URL|send / 2
@formula Broken | urls / (send - send) | s
)");
    REQUIRE(parsed.formulas.size() == 3);
    CHECK(parsed.formulas[0].label == "Sends, n × s");
    CHECK(parsed.formulas[0].expression == "urls * send");
    CHECK(parsed.formulas[1].unit.empty());
    CHECK(formula_text(parsed.formulas[0], parsed, std::vector<int>{12, 5}) == "Sends, n × s: 12 × 5 = 60 s");
    CHECK(formula_text(parsed.formulas[0], parsed, std::vector<int>{30, 20}) == "Sends, n × s: 30 × 20 = 600 s");
    CHECK(formula_text(parsed.formulas[1], parsed, std::vector<int>{12, 5}) == "Per URL: 5 / 2 = 2.5");
    CHECK(formula_text(parsed.formulas[2], parsed, std::vector<int>{12, 5}) ==
          "Broken: 12 / (5 - 5): cannot be worked out (ZeroDivisionError: division by zero)");
    CHECK_THROWS_AS(parse_chapter("05.md", "# T\n@formula no expression\n"), lesson_format_error);
    CHECK_THROWS_AS(parse_chapter("05.md", "# T\n@formula a | b | c | d\n"), lesson_format_error);
}

TEST_CASE("a chapter's formulas agree with what its program prints, at every slider's ends", "[lesson][content][formula]") {
    int checked = 0;
    for (const chapter& chapter : parse_lessons(embedded_lesson_files())) {
        if (chapter.formulas.empty()) continue;
        INFO(chapter.file);
        for (const bool at_maximum : {false, true}) {
            std::vector<int> values;
            for (const lesson_param& param : chapter.params) values.push_back(at_maximum ? param.max : param.value);
            // Either program may print a formula's result (two runs side by side: one each).
            std::string output = loopstep::python::run_program(fill_params(chapter, values), {}).output;
            if (!chapter.compare.empty()) output += loopstep::python::run_program(fill_compare_params(chapter, values), {}).output;
            for (const lesson_formula& formula : chapter.formulas) {
                const std::string text = formula_text(formula, chapter, values);
                const std::string result = text.substr(text.rfind(" = ") + 3);  // "720 s"
                INFO(text);
                CHECK(output.find(" " + result) != std::string::npos);
                ++checked;
            }
        }
    }
    CHECK(checked >= 4);  // chapter 4's two formulas, twice
}

TEST_CASE("every chapter in lessons/ parses, and its program runs without an error", "[lesson][content]") {
    const std::vector<chapter> chapters = parse_lessons(embedded_lesson_files());
    REQUIRE(chapters.size() >= 6);
    int final_checks = 0;
    for (const chapter& chapter : chapters) {
        INFO(chapter.file);
        CHECK_FALSE(chapter.title.empty());
        CHECK_FALSE(chapter.questions.empty());
        final_checks += chapter.is_final_check ? 1 : 0;
        if (chapter.scenario.empty()) continue;
        std::vector<int> defaults;
        for (const lesson_param& param : chapter.params) defaults.push_back(param.value);
        const std::string program = fill_params(chapter, defaults);
        CHECK(program.find("{{") == std::string::npos);
        const loopstep::python::program_result result = loopstep::python::run_program(program, {});
        INFO(result.error_output);
        CHECK_FALSE(result.error.has_value());
        CHECK_FALSE(result.output.empty());
        if (!chapter.compare.empty()) {  // the program run beside it, too
            const loopstep::python::program_result compared = loopstep::python::run_program(fill_compare_params(chapter, defaults), {});
            INFO(compared.error_output);
            CHECK_FALSE(compared.error.has_value());
            CHECK_FALSE(compared.output.empty());
            CHECK_FALSE(chapter.compare_label.empty());
        }
        // The clock speaks the program's unit: a program that prints minutes has @time_unit min.
        const bool prints_minutes = result.output.find(" min") != std::string::npos;
        CHECK(chapter.time_unit == (prints_minutes ? "min" : "s"));
    }
    CHECK(final_checks == 1);
    CHECK(chapters.back().is_final_check);
}

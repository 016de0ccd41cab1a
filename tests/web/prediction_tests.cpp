// Predictions (@predict): the lesson format, where each stops in a run, the choices and the right
// one read from the run, and the cursor waiting for the learner (model/prediction.hpp, app_state).
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "lesson_app.hpp"
#include "model/app_state.hpp"
#include "model/state_json.hpp"

using namespace loopstep::web;

namespace {

std::size_t chapter_named(const app_state& app, std::string_view file_prefix) {
    for (std::size_t i = 0; i < app.chapters.size(); ++i) {
        if (app.chapters[i].file.starts_with(file_prefix)) return i;
    }
    FAIL("no chapter " << file_prefix);
    return 0;
}

const std::string& right_option(const placed_prediction& placed) { return placed.options[static_cast<std::size_t>(placed.correct)]; }

// The line of `output` that contains `text`.
std::string line_with(const std::string& output, std::string_view text) {
    const std::size_t at = output.find(text);
    REQUIRE(at != std::string::npos);
    const std::size_t start = output.rfind('\n', at) == std::string::npos ? 0 : output.rfind('\n', at) + 1;
    return output.substr(start, output.find('\n', at) - start);
}

// The whole number just before `unit` in a printed line ("... done at 3 min" -> 3).
int number_before(const std::string& line, std::string_view unit) {
    const std::size_t end = line.rfind(unit);
    REQUIRE(end != std::string::npos);
    std::size_t start = end;
    while (start > 0 && (std::isdigit(static_cast<unsigned char>(line[start - 1])) || line[start - 1] == ' ')) --start;
    return std::stoi(line.substr(start, end - start));
}

const char* chapter_text = R"(# T

```python scenario
print("one")
print("two")
```

@predict output after "one"
What prints *next*?
> Lines print in order.

@predict clock "two" start
When?
)";

}  // namespace

TEST_CASE("@predict names what it asks and where the run stops, with its question and feedback", "[prediction][lesson]") {
    const chapter parsed = parse_chapter("01.md", chapter_text);
    REQUIRE(parsed.predictions.size() == 2);
    const lesson_prediction& first = parsed.predictions[0];
    CHECK(first.asks == prediction_asks::next_output);
    CHECK(first.stop == prediction_stop::after_output);
    CHECK(first.stop_output == "one");
    CHECK(first.prompt.size() == 3);  // "What prints ", emphasis "next", "?"
    CHECK(first.feedback[0].text == "Lines print in order.");
    CHECK(first.line == 8);
    const lesson_prediction& second = parsed.predictions[1];
    CHECK(second.asks == prediction_asks::clock);
    CHECK(second.clock_output == "two");
    CHECK(second.stop == prediction_stop::start);
    CHECK(second.feedback.empty());
}

TEST_CASE("a malformed @predict names its line and what to write", "[prediction][lesson]") {
    auto error_of = [](const std::string& text) {
        try {
            parse_chapter("02.md", "# T\n```python scenario\nprint(1)\n```\n" + text);
        } catch (const lesson_format_error& error) {
            return std::to_string(error.line) + ": " + error.what();
        }
        return std::string("no error");
    };
    CHECK_THAT(error_of("@predict weather start\nQ?\n"), Catch::Contains("5: ") && Catch::Contains("task, output or clock"));
    CHECK_THAT(error_of("@predict clock start\nQ?\n"), Catch::Contains("in double quotes"));
    CHECK_THAT(error_of("@predict task during \"x\"\nQ?\n"), Catch::Contains("start, before \"line\" or after \"line\""));
    CHECK_THAT(error_of("@predict task after \"\"\nQ?\n"), Catch::Contains("in double quotes"));
    CHECK_THAT(error_of("@predict task start now\nQ?\n"), Catch::Contains("unexpected 'now'"));
    CHECK_THAT(error_of("@predict task start\n\n"), Catch::Contains("needs the question"));
    try {
        parse_chapter("03.md", "# T\n\n@predict task start\nQ?\n");
        FAIL("no error");
    } catch (const lesson_format_error& error) {
        CHECK(error.line == 3);
        CHECK_THAT(error.what(), Catch::Contains("python scenario"));
    }
}

TEST_CASE("every chapter's predictions stop in its run with two to four choices and one right", "[prediction][content]") {
    app_state app = lesson_app();
    std::size_t placed_count = 0;
    for (std::size_t c = 0; c < app.chapters.size(); ++c) {
        open_chapter(app, c);
        REQUIRE(app.predictions.size() == app.chapters[c].predictions.size());
        for (const std::optional<placed_prediction>& placed : app.predictions) {
            INFO(app.chapters[c].file);
            REQUIRE(placed.has_value());  // a lesson's prediction must apply to its own program
            CHECK(placed->options.size() >= 2);
            CHECK(placed->options.size() <= 4);
            CHECK(std::set<std::string>(placed->options.begin(), placed->options.end()).size() == placed->options.size());
            CHECK(placed->correct >= 0);
            CHECK(placed->stop < event_count(app));
            ++placed_count;
        }
        if (!app.chapters[c].scenario.empty() && !app.chapters[c].is_final_check) CHECK(!app.chapters[c].predictions.empty());
    }
    CHECK(placed_count >= 7);
}

TEST_CASE("the right answers are what the programs print", "[prediction][content]") {
    app_state app = lesson_app();
    SECTION("a clock: the time the program prints on that line") {
        open_chapter(app, chapter_named(app, "01"));
        const std::string done = line_with(app.result.output, "breakfast done");
        CHECK(right_option(*app.predictions[0]) == std::to_string(number_before(done, " min")) + " min");
        // One after the other, the two waits would add up: that is a choice too.
        CHECK(std::find(app.predictions[0]->options.begin(), app.predictions[0]->options.end(), "5 min") != app.predictions[0]->options.end());
    }
    SECTION("beside a compared run: the clock of the chapter's own program, which printed its time") {
        open_chapter(app, chapter_named(app, "04"));
        const int concurrently = number_before(line_with(app.result.output, "concurrently: all replies"), " s");
        CHECK(right_option(*app.predictions[0]) == std::to_string(concurrently) + " s");
    }
    SECTION("the next line: the one the output has after the stop") {
        for (const char* file : {"02", "05"}) {
            open_chapter(app, chapter_named(app, file));
            const placed_prediction& placed = *app.predictions[0];
            const std::string printed_before = app.run.at(placed.stop).output;
            const std::string rest = app.result.output.substr(printed_before.size());
            CHECK(right_option(placed) == rest.substr(0, rest.find('\n')));
        }
    }
    SECTION("the next task: the one whose line prints next") {
        open_chapter(app, chapter_named(app, "06"));
        const placed_prediction& placed = *app.predictions[0];
        const std::string rest = app.result.output.substr(app.run.at(placed.stop).output.size());
        CHECK(rest.starts_with(right_option(placed) + " starts"));  // "A starts at 0 s"
    }
}

TEST_CASE("stepping and playing wait at a prediction until it is made; jumps go past", "[prediction][app]") {
    app_state app = lesson_app();
    open_chapter(app, chapter_named(app, "06"));
    const placed_prediction placed = *app.predictions[0];
    REQUIRE(placed.stop > 0);
    CHECK_FALSE(prediction_here(app));
    set_playing(app, true);
    advance_play(app, 1000);  // far more steps than the stop is away
    CHECK(app.cursor == placed.stop);
    CHECK_FALSE(app.playing);
    CHECK(prediction_waiting(app));
    step_forward(app);
    CHECK(app.cursor == placed.stop);
    set_playing(app, true);
    CHECK_FALSE(app.playing);
    CHECK_THAT(state_json(app), Catch::Contains("\"prediction\":{\"index\":0") && Catch::Contains("\"waiting\":true"));

    predict(app, 99);  // no such choice: nothing happens
    CHECK(prediction_waiting(app));
    const int wrong = placed.correct == 0 ? 1 : 0;
    predict(app, wrong);
    CHECK_FALSE(prediction_waiting(app));
    const prediction_answer& made = app.progress[app.chapter_index].predictions[0];
    CHECK(made.made);
    CHECK_FALSE(made.right);
    CHECK(made.chosen == placed.options[static_cast<std::size_t>(wrong)]);
    CHECK(made.verdict == "Not quite: " + right_option(placed) + " runs next, not " + made.chosen + ". Step on to see why.");
    predict(app, placed.correct);  // the first prediction stands
    CHECK_FALSE(app.progress[app.chapter_index].predictions[0].right);

    step_forward(app);
    CHECK(step_number(app) == step_of_cursor(app, placed.stop) + 1);
    seek(app, 0);  // back before it: made once, it no longer stops the run
    set_playing(app, true);
    advance_play(app, 1000);
    CHECK(app.cursor == event_count(app));
}

TEST_CASE("a jump lands anywhere, and a run without the prediction's line has no prediction", "[prediction][app]") {
    app_state app = lesson_app();
    open_chapter(app, chapter_named(app, "07"));
    const placed_prediction placed = *app.predictions[0];
    seek(app, event_count(app));
    CHECK(app.cursor == event_count(app));
    seek(app, placed.stop);
    CHECK(prediction_waiting(app));
    predict(app, placed.correct);
    CHECK(app.progress[app.chapter_index].predictions[0].verdict == "Right: " + right_option(placed) + " runs next. Step on to see it happen.");

    open_chapter(app, chapter_named(app, "06"));
    run_code(app, "print('no tasks here')\n");
    REQUIRE(app.predictions.size() == 1);
    CHECK_FALSE(app.predictions[0].has_value());
    set_playing(app, true);
    advance_play(app, 1000);
    CHECK(app.cursor == event_count(app));
}

TEST_CASE("the choices come from the run: a slider changes them", "[prediction][app]") {
    app_state app = lesson_app();
    open_chapter(app, chapter_named(app, "04"));
    const std::string before = right_option(*app.predictions[0]);
    set_param(app, 0, 6);  // six URLs instead of twelve
    CHECK(at_end(app));  // a slider still shows the new totals at once
    REQUIRE(app.predictions[0].has_value());
    CHECK(right_option(*app.predictions[0]) != before);
    const int concurrently = number_before(line_with(app.result.output, "concurrently: all replies"), " s");
    CHECK(right_option(*app.predictions[0]) == std::to_string(concurrently) + " s");
}

TEST_CASE("a saved prediction comes back made, with its verdict where the run has that choice", "[prediction][app]") {
    app_state app = lesson_app();
    open_chapter(app, chapter_named(app, "06"));
    const placed_prediction placed = *app.predictions[0];
    restore_prediction(app, 0, right_option(placed));
    const prediction_answer& made = app.progress[app.chapter_index].predictions[0];
    CHECK(made.made);
    CHECK(made.right);
    CHECK(made.verdict.starts_with("Right: "));
    CHECK_THAT(state_json(app), Catch::Contains("\"predictions\":[\"" + right_option(placed) + "\"]"));
    seek(app, placed.stop);
    CHECK_FALSE(prediction_waiting(app));

    restore_prediction(app, 0, "B and C");  // made in a run with other choices: it says so
    CHECK(app.progress[app.chapter_index].predictions[0].made);
    CHECK_FALSE(app.progress[app.chapter_index].predictions[0].right);
    CHECK(app.progress[app.chapter_index].predictions[0].verdict == "You predicted \"B and C\" in an earlier run with other choices.");
    restore_prediction(app, 7, "x");  // no such prediction: nothing happens
    CHECK(app.progress[app.chapter_index].predictions.size() == 1);
}

TEST_CASE("a prediction at the start: the chapter opens waiting, and the narration asks for it first", "[prediction][app]") {
    app_state app = lesson_app();
    open_chapter(app, chapter_named(app, "03"));
    REQUIRE(prediction_waiting(app));
    CHECK(app.cursor == 0);
    CHECK_THAT(narration(app), Catch::StartsWith("Nothing has run yet: make your prediction"));
    predict(app, 0);
    CHECK_THAT(narration(app), Catch::StartsWith("Nothing has run yet: press Step"));
    step_forward(app);
    CHECK(app.cursor == 1);
}

TEST_CASE("the next task among many: the right one is a choice even when created late", "[prediction]") {
    app_state app;
    init_app(app, {parse_chapter("01.md", R"(# Many tasks

```python scenario
import asyncio

async def worker(i):
    print("worker", i)
    await asyncio.sleep(1)

async def main():
    tasks = [asyncio.create_task(worker(i), name=f"w{i}") for i in range(6)]
    await asyncio.gather(*tasks)

asyncio.run(main())
```

@predict task start
Which task runs first?

@predict task after "worker 4"
Which task runs after w4?
)")});
    REQUIRE(app.predictions.size() == 2);
    CHECK_FALSE(app.predictions[0].has_value());  // only main exists: no real choice to make
    // Next after w4 is w5, the seventh task: it takes the fourth choice's place.
    REQUIRE(app.predictions[1].has_value());
    CHECK(app.predictions[1]->options == std::vector<std::string>{"Task-1", "w0", "w1", "w5"});
    CHECK(right_option(*app.predictions[1]) == "w5");
}

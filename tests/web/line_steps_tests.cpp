// Line steps: Step by event passes over the run's line events, Step by line stops at each; the
// numbering, the scrub bar's steps, the narration and the frames panel follow the mode
// (app_state's step_by_line, model/narration.hpp).
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "lesson_app.hpp"
#include "model/app_state.hpp"
#include "model/state_json.hpp"

using namespace loopstep::web;
using loopstep::task_view;
using loopstep::trace_kind;

namespace {

// Chapter 4's own program (the concurrent one) alone, without the run the chapter shows beside
// it: these tests count one run's steps (comparison_tests.cpp steps through both).
void open_twelve_requests(app_state& app) {
    for (const chapter& shown : app.chapters) {
        if (!shown.file.starts_with("04-")) continue;
        std::vector<int> defaults;
        for (const lesson_param& param : shown.params) defaults.push_back(param.value);
        std::string program = fill_params(shown, defaults);
        init_app(app, {});  // (frees `shown`)
        load_program(app, std::move(program));
        return;
    }
    FAIL("no chapter 04-");
}

bool is_line(const app_state& app, std::size_t cursor) {
    return cursor > 0 && app.run.events()[cursor - 1].kind == trace_kind::line_reached;
}

std::size_t line_events(const app_state& app) {
    return static_cast<std::size_t>(std::count_if(app.run.events().begin(), app.run.events().end(),
                                                  [](const auto& e) { return e.kind == trace_kind::line_reached; }));
}

// Makes every prediction of the chapter (the first choice), so that stepping never waits.
void predict_all(app_state& app) {
    for (std::size_t i = 0; i < app.predictions.size(); ++i) {
        if (!app.predictions[i]) continue;
        seek(app, app.predictions[i]->stop);
        predict(app, 0);
    }
    seek(app, 0);
}

}  // namespace

TEST_CASE("Step by event passes over the line events; step by line stops at each, and both count their own steps", "[lines][app]") {
    app_state app = lesson_app();
    open_twelve_requests(app);
    predict_all(app);
    const std::size_t lines = line_events(app);
    REQUIRE(lines > 20);
    CHECK(app.steps.line_steps == lines);
    const std::size_t events = event_count(app) - lines;

    REQUIRE_FALSE(app.step_by_line);  // by event is the default
    CHECK(step_total(app) == events);
    std::size_t steps = 0;
    while (app.cursor < event_count(app)) {
        step_forward(app);
        ++steps;
        CHECK_FALSE(is_line(app, app.cursor));  // an event step never ends on a line event
        CHECK(step_number(app) == steps);
    }
    CHECK(steps == events);

    set_step_by_line(app, true);
    CHECK(app.cursor == event_count(app));  // the mode changes, the cursor stays
    CHECK(step_total(app) == event_count(app));
    seek(app, 0);
    steps = 0;
    std::size_t line_stops = 0;
    while (app.cursor < event_count(app)) {
        step_forward(app);
        ++steps;
        CHECK(app.cursor == steps);
        line_stops += is_line(app, app.cursor);
    }
    CHECK(line_stops == lines);
}

TEST_CASE("Back by event from between two events goes to the event step before; the scrub bar's steps map to cursors", "[lines][app]") {
    app_state app = lesson_app();
    open_twelve_requests(app);
    predict_all(app);
    // A line cursor (reached by line, or by a link) sits between two event steps.
    std::size_t line_cursor = 0;
    for (std::size_t c = 1; c <= event_count(app) && !line_cursor; ++c) {
        if (is_line(app, c) && c > 1 && !is_line(app, c - 1)) line_cursor = c;
    }
    REQUIRE(line_cursor > 0);
    seek(app, line_cursor);
    const std::size_t number = step_number(app);
    CHECK(cursor_of_step(app, number) == line_cursor - 1);  // counts as the event step before it
    step_back(app);
    CHECK(app.cursor == line_cursor - 1);
    seek(app, line_cursor);
    step_forward(app);
    CHECK(app.cursor > line_cursor);
    CHECK_FALSE(is_line(app, app.cursor));
    CHECK(step_number(app) == number + 1);
    for (std::size_t step = 0; step <= step_total(app); ++step) CHECK(step_of_cursor(app, cursor_of_step(app, step)) == step);
}

TEST_CASE("A line step's narration says which line the task came to and what the line before set", "[lines][narration]") {
    app_state app = lesson_app();
    open_twelve_requests(app);
    predict_all(app);
    set_step_by_line(app, true);
    // fetch-3 (the chapter's Task-5: main, then fetch-0 ...) runs `sent = time.monotonic()` and
    // comes to its await: the narration names the value the program computed.
    bool found = false;
    while (app.cursor < event_count(app) && !found) {
        step_forward(app);
        if (!is_line(app, app.cursor)) continue;
        const std::string& said = narration(app);
        if (said.rfind("fetch-3 set sent = ", 0) != 0) continue;
        found = true;
        const task_view* task = app.view.find_task(app.run.events()[app.cursor - 1].task);
        REQUIRE(task);
        REQUIRE_FALSE(task->frames.empty());
        const auto sent = std::find_if(task->frames[0].locals.begin(), task->frames[0].locals.end(),
                                       [](const auto& local) { return local.first == "sent"; });
        REQUIRE(sent != task->frames[0].locals.end());
        CHECK(said == "fetch-3 set sent = " + sent->second + " at line " + std::to_string(task->line - 1) + "; line " +
                          std::to_string(task->line) + " is next.");
        // The frames panel marks what the line set.
        select_task(app, task->id);
        REQUIRE_FALSE(app.selected_frames.frames.empty());
        const auto& locals = app.selected_frames.frames[0].locals;
        const auto shown = std::find_if(locals.begin(), locals.end(), [](const shown_local& l) { return l.name == "sent"; });
        REQUIRE(shown != locals.end());
        CHECK(shown->changed);
        const auto argument = std::find_if(locals.begin(), locals.end(), [](const shown_local& l) { return l.name == "i"; });
        REQUIRE(argument != locals.end());
        CHECK_FALSE(argument->changed);
    }
    CHECK(found);
}

TEST_CASE("A prediction stops the run at the same place by event and by line", "[lines][prediction]") {
    for (const bool by_line : {false, true}) {
        app_state app = lesson_app();
        for (std::size_t chapter = 0; chapter < app.chapters.size(); ++chapter) {
            open_chapter(app, chapter);
            set_step_by_line(app, by_line);
            for (std::size_t i = 0; i < app.predictions.size(); ++i) {
                if (!app.predictions[i]) continue;
                const std::size_t stop = app.predictions[i]->stop;
                CHECK_FALSE(is_line(app, stop));  // before the lines that lead to it
                seek(app, 0);
                while (app.cursor < stop && !prediction_waiting(app)) step_forward(app);
                INFO("chapter " << chapter << " prediction " << i << (by_line ? " by line" : " by event"));
                CHECK(app.cursor == stop);
                CHECK(prediction_waiting(app));
                predict(app, 0);
            }
        }
    }
}

TEST_CASE("The state says the mode and the mode's step numbers", "[lines][json]") {
    app_state app = lesson_app();
    open_twelve_requests(app);
    const std::string by_event = state_json(app);
    CHECK(by_event.find("\"stepBy\":\"event\"") != std::string::npos);
    CHECK(by_event.find("\"steps\":" + std::to_string(step_total(app))) != std::string::npos);
    set_step_by_line(app, true);
    const std::string by_line = state_json(app);
    CHECK(by_line.find("\"stepBy\":\"line\"") != std::string::npos);
    CHECK(by_line.find("\"steps\":" + std::to_string(event_count(app))) != std::string::npos);
    CHECK(by_line.find("\"lineSteps\":" + std::to_string(app.steps.line_steps)) != std::string::npos);
}

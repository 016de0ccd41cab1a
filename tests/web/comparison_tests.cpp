// Two runs side by side (a chapter's ```python compare``` block): chapter 4 runs its concurrent
// program and the one-by-one program on one clock; one cursor steps through both in time order.
// The expected times and locals are worked out from the chapter's parameters, not written in.
#include <algorithm>
#include <catch2/catch.hpp>
#include <string>

#include "lesson_app.hpp"
#include "model/state_json.hpp"

using namespace loopstep::web;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

struct twelve_requests {
    int urls = 0, send = 0, wait = 0;  // the sliders' values
};

twelve_requests open_twelve_requests(app_state& app) {
    const auto chapter = std::find_if(app.chapters.begin(), app.chapters.end(), [](const auto& c) { return c.file.starts_with("04-"); });
    REQUIRE(chapter != app.chapters.end());
    open_chapter(app, static_cast<std::size_t>(chapter - app.chapters.begin()));
    for (std::size_t i = 0; i < app.predictions.size(); ++i) {  // made, so that stepping never waits
        if (!app.predictions[i]) continue;
        seek(app, app.predictions[i]->stop);
        predict(app, 0);
    }
    seek(app, 0);
    const std::vector<int>& values = app.progress[app.chapter_index].params;
    REQUIRE(values.size() == 3);
    return {values[0], values[1], values[2]};
}

const loopstep::frame_view& innermost_frame(const loopstep::snapshot& view, std::size_t task) {
    REQUIRE(task < view.tasks.size());
    REQUIRE_FALSE(view.tasks[task].frames.empty());
    return view.tasks[task].frames.front();
}

std::string local(const loopstep::frame_view& frame, const std::string& name) {
    for (const auto& [key, value] : frame.locals) {
        if (key == name) return value;
    }
    FAIL("no local " << name << " in " << frame.function);
    return {};
}

}  // namespace

TEST_CASE("chapter 4 runs its two programs on one clock: each step moves one of them, in time order", "[compare][app]") {
    app_state app = lesson_app();
    open_twelve_requests(app);
    REQUIRE(app.companion);
    CHECK(app.companion->main_label == "Concurrently");
    CHECK(app.companion->label == "One by one");
    CHECK_FALSE(app.companion->result.error);

    const auto& pairs = app.pairs;
    REQUIRE(pairs.size() > 2);
    CHECK(pairs.front().main == 0);
    CHECK(pairs.front().companion == 0);
    CHECK(pairs.back().main == event_count(app));
    CHECK(pairs.back().companion == app.companion->run.events().size());
    for (std::size_t i = 1; i < pairs.size(); ++i) {
        INFO("step " << i);
        CHECK(pairs[i].time >= pairs[i - 1].time);
        const bool main_moved = pairs[i].main != pairs[i - 1].main, companion_moved = pairs[i].companion != pairs[i - 1].companion;
        CHECK(main_moved != companion_moved);  // exactly one of them
        CHECK(pairs[i].main >= pairs[i - 1].main);
        CHECK(pairs[i].companion >= pairs[i - 1].companion);
    }
    // By event: every event step of either run, once.
    CHECK(step_total(app) == (app.steps.event_steps.size() - 1) + (app.companion->steps.event_steps.size() - 1));

    std::size_t steps = 0;
    while (!at_end(app)) {
        step_forward(app);
        ++steps;
        CHECK(step_number(app) == steps);
        // The shared clock is the later of the two runs' own clocks.
        CHECK(shared_time(app) == std::max(app.view.time, app.companion->view.time));
    }
    CHECK(steps == step_total(app));
}

TEST_CASE("side by side, the concurrent run is done at n × s + w while the one-by-one run waits for a reply", "[compare][app]") {
    app_state app = lesson_app();
    const twelve_requests sliders = open_twelve_requests(app);
    const int concurrent_total = sliders.urls * sliders.send + sliders.wait;      // 115 s at 12, 5, 55
    const int one_by_one_total = sliders.urls * (sliders.send + sliders.wait);    // 720 s

    while (!at_end(app) && app.view.output.find("concurrently: all replies") == std::string::npos) step_forward(app);
    REQUIRE_FALSE(at_end(app));
    CHECK(shared_time(app) == concurrent_total);
    CHECK_THAT(app.view.output, Contains("after " + std::to_string(concurrent_total) + " s"));
    CHECK_THAT(narration(app), StartsWith("Concurrently: "));
    // The one-by-one run at the same moment: nothing printed, its main task inside fetch(i) for
    // the request under way, which was sent at i × (s + w) + s.
    const companion_run& other = *app.companion;
    CHECK(other.view.output.empty());
    const int request = concurrent_total / (sliders.send + sliders.wait);
    const loopstep::frame_view& fetch = innermost_frame(other.view, 0);
    CHECK(fetch.function == "fetch");
    CHECK(local(fetch, "i") == std::to_string(request));
    CHECK(local(fetch, "sent") == std::to_string(request * (sliders.send + sliders.wait) + sliders.send) + ".0");
    // Its wait, in the text version's words, goes on up to the shared clock, not its own.
    const std::string waited = "waiting on asyncio.sleep(" + std::to_string(sliders.wait) + "): " +
                               std::to_string(request * (sliders.send + sliders.wait) + sliders.send) + " s \xE2\x80\x93 now (" +
                               std::to_string(concurrent_total) + " s)";
    CHECK_THAT(state_json(app), Contains(waited));

    seek_end(app);
    CHECK(shared_time(app) == one_by_one_total);
    CHECK_THAT(other.view.output, Contains("after " + std::to_string(one_by_one_total) + " s"));
    CHECK_THAT(app.view.output, Contains("after " + std::to_string(concurrent_total) + " s"));
    CHECK_THAT(narration(app), StartsWith("One by one: ") && Contains(std::to_string(one_by_one_total)));
}

TEST_CASE("side by side, the frames panel shows a task of either run", "[compare][frames]") {
    app_state app = lesson_app();
    const twelve_requests sliders = open_twelve_requests(app);
    const int concurrent_total = sliders.urls * sliders.send + sliders.wait;
    seek_time(app, concurrent_total);
    const int request = concurrent_total / (sliders.send + sliders.wait);
    const std::string sent = std::to_string(request * (sliders.send + sliders.wait) + sliders.send) + ".0";

    select_companion_task(app, app.companion->view.tasks.at(0).id);  // the one-by-one run's main task
    CHECK(app.selected_beside);
    REQUIRE(app.selected_frames.frames.size() == 2);
    CHECK(app.selected_frames.frames[0].call == "fetch(i=" + std::to_string(request) + ")");
    CHECK(app.selected_frames.frames[1].function == "main");
    const auto& locals = app.selected_frames.frames[0].locals;
    const auto sent_local = std::find_if(locals.begin(), locals.end(), [](const shown_local& l) { return l.name == "sent"; });
    REQUIRE(sent_local != locals.end());
    CHECK(sent_local->value == sent);
    const std::string state = state_json(app);
    CHECK_THAT(state, Contains("\"selectedTask\":0,\"timeline\"") && Contains("\"selectedTask\":-1"));
    CHECK_THAT(state, Contains("\"call\":\"fetch(i=" + std::to_string(request) + ")\""));

    // Stepping keeps it; Down stays within its run (it has one task); a main task takes over.
    step_forward(app);
    CHECK(app.selected_beside);
    CHECK(app.selected_frames.task == app.companion->view.tasks.at(0).id);
    select_next_task(app, +1);
    CHECK(app.selected_beside);
    select_task(app, app.view.tasks.at(1).id);  // fetch-0 of the concurrent run
    CHECK_FALSE(app.selected_beside);
    CHECK(app.selected_frames.name == "fetch-0");
}

TEST_CASE("side by side, Back, a time, either run's cursor and a step number all land on the pair's steps", "[compare][app]") {
    app_state app = lesson_app();
    open_twelve_requests(app);
    const auto& pairs = app.pairs;
    seek_end(app);
    for (std::size_t expected = pairs.size() - 1; expected > 0; --expected) {
        CHECK(app.pair_index == expected);
        step_back(app);
    }
    CHECK(app.pair_index == 0);

    for (const double t : {0.0, 7.5, 60.0, 100.0, 115.0, 400.0, 10'000.0}) {
        seek_time(app, t);
        INFO("t = " << t);
        CHECK(pairs[app.pair_index].time <= t);
        if (app.pair_index + 1 < pairs.size()) CHECK(pairs[app.pair_index + 1].time > t);
    }
    const std::size_t middle = event_count(app) / 2;
    seek(app, middle);
    CHECK(app.cursor >= middle);
    CHECK((app.pair_index == 0 || pairs[app.pair_index - 1].main < middle));
    seek_companion(app, 5);
    CHECK(app.companion->cursor >= 5);
    CHECK(pairs[app.pair_index - 1].companion < 5);
    seek_step(app, 42);
    CHECK(app.pair_index == 42);
    CHECK(app.cursor == pairs[42].main);
    CHECK(app.companion->cursor == pairs[42].companion);
    CHECK(step_of_cursor(app, app.cursor) <= 42);
}

TEST_CASE("side by side, line by line steps through both runs' lines, and the mode change keeps both where they were", "[compare][lines]") {
    app_state app = lesson_app();
    open_twelve_requests(app);
    seek_step(app, 100);
    const paired_step before = app.pairs[app.pair_index];
    set_step_by_line(app, true);
    CHECK(app.cursor >= before.main);
    CHECK(app.companion->cursor >= before.companion);
    CHECK(step_total(app) == event_count(app) + app.companion->run.events().size());
    const std::size_t number = step_number(app);
    step_forward(app);
    CHECK(step_number(app) == number + 1);
    set_step_by_line(app, false);
    CHECK(step_total(app) == (app.steps.event_steps.size() - 1) + (app.companion->steps.event_steps.size() - 1));
}

TEST_CASE("a slider reruns both programs, and the state names the run beside the chapter's", "[compare][app][json]") {
    app_state app = lesson_app();
    const twelve_requests sliders = open_twelve_requests(app);
    set_param(app, 0, 6);  // six URLs
    CHECK(at_end(app));
    CHECK_THAT(app.view.output, Contains("after " + std::to_string(6 * sliders.send + sliders.wait) + " s"));
    CHECK_THAT(app.companion->view.output, Contains("after " + std::to_string(6 * (sliders.send + sliders.wait)) + " s"));
    const std::string state = state_json(app);
    CHECK_THAT(state, Contains("\"compare\":{\"label\":\"One by one\",\"mainLabel\":\"Concurrently\""));
    CHECK_THAT(state, Contains("\"output\":\"one by one:   all replies after 360 s\\n\""));
    CHECK_THAT(state, Contains("\"clock\":360"));

    open_chapter(app, 0);  // a chapter with one program
    CHECK_FALSE(app.companion);
    CHECK_THAT(state_json(app), Contains("\"compare\":null"));
}

TEST_CASE("a compare block needs a labelled scenario, and one label each", "[compare][lesson]") {
    const chapter parsed = parse_chapter("09.md", "# T\n```python scenario \"Mine\"\nprint(1)\n```\n```python compare \"Theirs\"\nprint(2)\n```\n");
    CHECK(parsed.scenario_label == "Mine");
    CHECK(parsed.compare_label == "Theirs");
    CHECK(parsed.compare == "print(2)\n");
    CHECK_THROWS_WITH(parse_chapter("09.md", "# T\n```python scenario\nprint(1)\n```\n```python compare \"Theirs\"\nprint(2)\n```\n"),
                      Contains("```python scenario \\\"Label\\\"```") || Contains("python scenario"));
    CHECK_THROWS_WITH(parse_chapter("09.md", "# T\n```python scenario \"Mine\"\nprint(1)\n```\n```python compare\nprint(2)\n```\n"),
                      Contains("label in quotes"));
    CHECK_THROWS_WITH(parse_chapter("09.md", "# T\n```python scenario \"A label far longer than the column\"\nprint(1)\n```\n"),
                      Contains("at most 24 characters"));
}

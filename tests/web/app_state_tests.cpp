// The app's model (web/model/app_state.hpp) over the real lessons: chapters, sliders, edits,
// answers and the final score, the cursor, and the narration of a run that ends in an error.
#include <catch2/catch.hpp>

#include "lesson_app.hpp"
#include "model/app_state.hpp"
#include "model/state_json.hpp"

using namespace loopstep::web;

namespace {

std::size_t chapter_with_params(const app_state& app) {
    for (std::size_t i = 0; i < app.chapters.size(); ++i) {
        if (!app.chapters[i].params.empty()) return i;
    }
    FAIL("no chapter has sliders");
    return 0;
}
}  // namespace

TEST_CASE("opening a chapter runs its program and puts the cursor at the start", "[app]") {
    app_state app = lesson_app();
    open_chapter(app, 1);
    CHECK(app.chapter_index == 1);
    CHECK(app.cursor == 0);
    CHECK(event_count(app) > 0);
    CHECK(app.editor == chapter_program(app));
    open_chapter(app, 1000);
    CHECK(app.chapter_index == app.chapters.size() - 1);
}

TEST_CASE("a slider rewrites and reruns the program, within its range", "[app]") {
    app_state app = lesson_app();
    open_chapter(app, chapter_with_params(app));
    const std::size_t events_before = event_count(app);
    const lesson_param& first = app.chapters[app.chapter_index].params[0];
    set_param(app, 0, first.max + 100);
    CHECK(app.progress[app.chapter_index].params[0] == first.max);
    CHECK(app.editor.find(std::to_string(first.max)) != std::string::npos);
    CHECK(event_count(app) != events_before);
    CHECK(app.cursor == event_count(app));  // the new totals are on screen at once
    CHECK_FALSE(app.result.output.empty());
}

TEST_CASE("the learner's code is kept per chapter, and Reset brings the chapter's back", "[app]") {
    app_state app = lesson_app();
    run_code(app, "print('mine')\n");
    CHECK(code_edited(app));
    CHECK(app.view.output.empty());  // the cursor is at the start
    seek(app, event_count(app));
    CHECK(app.view.output == "mine\n");
    open_chapter(app, 2);
    open_chapter(app, 0);
    CHECK(app.editor == "print('mine')\n");
    reset_code(app);
    CHECK_FALSE(code_edited(app));
    CHECK(app.editor == chapter_program(app));
}

TEST_CASE("Reset code can be undone, until newer code runs or the chapter changes", "[app]") {
    app_state app = lesson_app();
    run_code(app, "print('mine')\n");
    reset_code(app);
    CHECK(app.code_before_reset == "print('mine')\n");
    undo_reset(app);
    CHECK(app.editor == "print('mine')\n");
    CHECK(app.source == "print('mine')\n");  // and it ran
    CHECK(code_edited(app));
    CHECK(app.code_before_reset.empty());

    reset_code(app);
    run_code(app, "print('newer')\n");
    CHECK(app.code_before_reset.empty());  // the undo would lose 'newer'
    reset_code(app);
    reset_code(app);  // nothing changed: the first undo stays
    CHECK(app.code_before_reset == "print('newer')\n");
    open_chapter(app, 1);
    CHECK(app.code_before_reset.empty());
}

TEST_CASE("a run that ends in an error is narrated with its line at the end", "[app]") {
    app_state app = lesson_app();
    run_code(app, "import asyncio\n\nasync def main():\n    await asyncio.sleep(1)\n    print(total)\n\nasyncio.run(main())\n");
    REQUIRE(app.result.error);
    seek(app, event_count(app));
    CHECK(narration(app) == "The program stopped at line 5 with NameError: name 'total' is not defined.");
    seek(app, 0);
    CHECK(narration(app).find("Nothing has run yet") != std::string::npos);
    CHECK(state_json(app).find("\"error\":{\"kind\":\"NameError\"") != std::string::npos);
}

TEST_CASE("the final check's score counts first answers over its questions", "[app]") {
    app_state app = lesson_app();
    const std::size_t check = app.chapters.size() - 1;
    REQUIRE(app.chapters[check].is_final_check);
    open_chapter(app, check);
    const auto& questions = app.chapters[check].questions;
    const int total = static_cast<int>(questions.size());
    CHECK(final_check_score(app).answered == 0);
    answer(app, 0, 99);  // not an option: ignored, and locks nothing
    CHECK_FALSE(answer_locked(app, 0));
    const int wrong = (questions[0].correct + 1) % static_cast<int>(questions[0].options.size());
    answer(app, 0, wrong);
    CHECK(answer_locked(app, 0));
    answer(app, 0, questions[0].correct);  // a second try after the feedback does not count
    CHECK(app.progress[check].answers[0] == wrong);
    for (std::size_t q = 1; q < questions.size(); ++q) answer(app, q, questions[q].correct);
    CHECK(final_check_score(app).right == total - 1);
    CHECK(final_check_score(app).answered == total);
}

TEST_CASE("outside the final check answers can change; a chapter is done when all its questions are answered", "[app]") {
    app_state app = lesson_app();
    CHECK(chapters_done(app) == 0);
    const auto& questions = app.chapters[0].questions;
    for (std::size_t q = 0; q < questions.size(); ++q) answer(app, q, 0);
    answer(app, 0, questions[0].correct);
    CHECK(app.progress[0].answers[0] == questions[0].correct);
    CHECK_FALSE(answer_locked(app, 0));
    CHECK(chapters_done(app) == 1);
    open_chapter(app, 2);  // opening a later chapter is not finishing the ones before it
    CHECK(chapters_done(app) == 1);
}

TEST_CASE("the cursor stays within the recording and playing stops at its end", "[app]") {
    app_state app = lesson_app();
    for (prediction_answer& made : app.progress[0].predictions) made.made = true;  // they would stop the play (prediction_tests)
    step_back(app);
    CHECK(app.cursor == 0);
    seek(app, event_count(app) + 50);
    CHECK(app.cursor == event_count(app));
    set_playing(app, true);  // from the end: plays again from the start
    CHECK(app.cursor == 0);
    advance_play(app, 1e9);
    CHECK(app.cursor == event_count(app));
    CHECK_FALSE(app.playing);
}

TEST_CASE("a run that draws from an unseeded random shows its seed; New seed reruns with another", "[app]") {
    app_state app = lesson_app();
    const std::string program = "import random\nprint(random.randint(1, 10**6))\n";
    run_code(app, program);
    const std::optional<std::uint64_t> first = run_seed(app);
    REQUIRE(first);
    CHECK(*first < 1'000'000'000);
    CHECK(state_json(app).find("\"randomSeed\":" + std::to_string(*first) + ",") != std::string::npos);
    run_editor(app);
    CHECK(run_seed(app) == first);  // the program's text seeds it: the same every run
    seek(app, event_count(app));
    const std::string first_output = app.view.output;

    run_with_new_seed(app);
    const std::optional<std::uint64_t> second = run_seed(app);
    REQUIRE(second);
    CHECK(*second != *first);
    CHECK(*second < 1'000'000'000);
    CHECK(app.cursor == 0);  // as Run leaves it
    CHECK(app.editor == program);
    seek(app, event_count(app));
    const std::string second_output = app.view.output;
    run_editor(app);
    CHECK(run_seed(app) == second);  // kept for the chapter's runs
    seek(app, event_count(app));
    CHECK(app.view.output == second_output);
    // What the seed line promises: random.seed(N) repeats the run.
    run_code(app, "import random\nrandom.seed(" + std::to_string(*second) + ")\nprint(random.randint(1, 10**6))\n");
    seek(app, event_count(app));
    CHECK(app.view.output == second_output);
    CHECK_FALSE(run_seed(app));  // it seeds random itself
    CHECK(state_json(app).find("\"randomSeed\":null") != std::string::npos);

    open_chapter(app, 1);
    open_chapter(app, 0);
    run_code(app, program);
    CHECK(run_seed(app) == first);  // another chapter opened: the program's own seed again
}

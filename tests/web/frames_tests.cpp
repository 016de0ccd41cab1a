// The frames panel's model (web/model/frames.hpp, app_state's selection): a selected task's
// await chain at a step, its locals with what the step changed, what a frame is paused on,
// how a done task ended; values folded to a width. Expected values come from the programs.
#include <catch2/catch.hpp>

#include <string>

#include "lesson_app.hpp"
#include "model/app_state.hpp"
#include "model/frames.hpp"
#include "model/state_json.hpp"

using namespace loopstep;
using namespace loopstep::web;

namespace {

// fetch-3 sleeps twice inside a helper coroutine; main awaits it through a chain of two.
const char* const program = R"(import asyncio

async def wait_twice(i):
    sent = i * 10.0
    await asyncio.sleep(i)
    label = f"fetch {i}"
    await asyncio.sleep(1)
    return label

async def fetch(i):
    reply = await wait_twice(i)
    return reply.upper()

async def gather_one():
    items = list(range(30))
    t = asyncio.create_task(fetch(3), name="fetch-3")
    return await t

async def main():
    result = await gather_one()
    print(result)

asyncio.run(main())
)";

// The cursor just after the `nth` (from 1) event of `kind` about `task`.
std::size_t after_event(const app_state& app, trace_kind kind, task_id task, int nth = 1) {
    const auto& events = app.run.events();
    for (std::size_t i = 0; i < events.size(); ++i) {
        if (events[i].kind == kind && events[i].task == task && --nth == 0) return i + 1;
    }
    FAIL("no such event");
    return 0;
}

const shown_local* local(const shown_frame& frame, const std::string& name) {
    for (const shown_local& each : frame.locals) {
        if (each.name == name) return &each;
    }
    return nullptr;
}

}  // namespace

TEST_CASE("a task paused in a chain shows its frames innermost first, each with its locals and line", "[frames]") {
    app_state app = program_app(program);
    const task_id fetch = id_of(app, "fetch-3");
    select_task(app, fetch);
    seek(app, after_event(app, trace_kind::task_suspended, fetch));  // the first await asyncio.sleep(i)
    const task_frames& shown = app.selected_frames;
    CHECK(shown.name == "fetch-3");
    CHECK(shown.state == task_state::waiting);
    REQUIRE(shown.frames.size() == 2);
    const shown_frame& inner = shown.frames[0];
    CHECK(inner.function == "wait_twice");
    CHECK(inner.call == "wait_twice(i=3)");
    CHECK(inner.line == 5);
    REQUIRE(inner.locals.size() == 2);
    // The step before (the timer its await set) already showed this frame: nothing changed since.
    CHECK(inner.locals[0] == shown_local{"i", "3", true, false});
    CHECK(inner.locals[1] == shown_local{"sent", "30.0", false, false});
    CHECK(inner.paused == app.view.find_task(fetch)->waiting_on);
    CHECK(inner.paused.find("sleep(3)") != std::string::npos);
    const shown_frame& outer = shown.frames[1];
    CHECK(outer.call == "fetch(i=3)");
    CHECK(outer.line == 11);
    CHECK(outer.paused == "wait_twice(i=3)");
    REQUIRE(outer.locals.size() == 1);  // reply is not bound yet
    CHECK(outer.locals[0].name == "i");
    CHECK_FALSE(outer.locals[0].changed);  // fetch(i=3) was the task's frame since its creation
    // At that step the frame was new: the lines fetch-3 ran since it resumed made it.
    step_back(app);
    REQUIRE(app.selected_frames.frames.size() == 2);
    CHECK(app.selected_frames.frames[0].locals[0] == shown_local{"i", "3", true, true});
    CHECK(app.selected_frames.frames[0].locals[1] == shown_local{"sent", "30.0", false, true});
    CHECK_FALSE(app.selected_frames.frames[1].locals[0].changed);
}

TEST_CASE("only what the step changed is marked, and a later step of another task changes nothing", "[frames]") {
    app_state app = program_app(program);
    const task_id fetch = id_of(app, "fetch-3");
    select_task(app, fetch);
    seek(app, after_event(app, trace_kind::task_suspended, fetch, 2));  // the second sleep...
    step_back(app);  // ... and the step before it, its timer: the first to show the lines since the first sleep
    const shown_frame& inner = app.selected_frames.frames.at(0);
    CHECK(inner.line == 7);
    CHECK_FALSE(local(inner, "i")->changed);
    CHECK_FALSE(local(inner, "sent")->changed);
    REQUIRE(local(inner, "label") != nullptr);
    CHECK(local(inner, "label")->value == "'fetch 3'");
    CHECK(local(inner, "label")->changed);
    // The pause and the next event (the loop's: a timer, another task) change nothing.
    step_forward(app);
    for (const shown_local& each : app.selected_frames.frames.at(0).locals) CHECK_FALSE(each.changed);
    step_forward(app);
    REQUIRE(app.selected_frames.frames.size() == 2);
    for (const shown_frame& frame : app.selected_frames.frames) {
        for (const shown_local& each : frame.locals) CHECK_FALSE(each.changed);
    }
}

TEST_CASE("a task awaiting another task says so, with its own locals", "[frames]") {
    app_state app = program_app(program);
    const task_id main_task = id_of(app, "Task-1");
    const task_id fetch = id_of(app, "fetch-3");
    select_task(app, main_task);
    seek(app, after_event(app, trace_kind::task_suspended, main_task));
    const task_frames& shown = app.selected_frames;
    REQUIRE(shown.frames.size() == 2);
    CHECK(shown.frames[0].call == "gather_one()");
    CHECK(shown.frames[0].line == 17);
    CHECK(local(shown.frames[0], "items")->value == "[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29]");
    CHECK(local(shown.frames[0], "t")->value.find("fetch-3") != std::string::npos);
    CHECK(shown.frames[0].paused == app.view.find_task(main_task)->waiting_on);
    CHECK(app.view.find_task(main_task)->waiting_on.find("fetch-3") != std::string::npos);
    CHECK(shown.frames[1].call == "main()");
    CHECK(shown.frames[1].paused == "gather_one()");
    (void)fetch;
}

TEST_CASE("a done task shows its result and no frames", "[frames]") {
    app_state app = program_app(program);
    const task_id fetch = id_of(app, "fetch-3");
    select_task(app, fetch);
    seek(app, after_event(app, trace_kind::task_completed, fetch));
    CHECK(app.selected_frames.state == task_state::finished);
    CHECK(app.selected_frames.frames.empty());
    CHECK(app.selected_frames.outcome.find("'FETCH 3'") != std::string::npos);
}

TEST_CASE("the selection is kept while stepping, is empty where the task does not exist, and moves with the keys", "[frames]") {
    app_state app = program_app(program);
    const task_id fetch = id_of(app, "fetch-3");
    select_task(app, fetch);
    seek(app, 0);
    CHECK(app.selected_task == fetch);
    CHECK(app.selected_frames.task == 0);  // not created yet
    seek(app, event_count(app));
    CHECK(app.selected_frames.task == fetch);
    select_next_task(app, -1);
    CHECK(app.selected_task == id_of(app, "Task-1"));
    select_next_task(app, -1);  // stays on the first
    CHECK(app.selected_task == id_of(app, "Task-1"));
    select_next_task(app, +1);
    CHECK(app.selected_task == fetch);
    select_task(app, 0);
    select_next_task(app, -1);  // none selected: the last
    CHECK(app.selected_task == fetch);
}

TEST_CASE("the state's JSON has the selected task and its frames", "[frames]") {
    app_state app = program_app(program);
    CHECK(state_json(app).find("\"selectedTask\":-1,\"frames\":null") != std::string::npos);
    const task_id fetch = id_of(app, "fetch-3");
    select_task(app, fetch);
    seek(app, after_event(app, trace_kind::task_suspended, fetch));
    step_back(app);  // the step that showed the frame first
    const std::string json = state_json(app);
    CHECK(json.find("\"selectedTask\":1,") != std::string::npos);
    CHECK(json.find("{\"name\":\"sent\",\"value\":\"30.0\",\"argument\":false,\"changed\":true}") != std::string::npos);
    CHECK(json.find("\"call\":\"fetch(i=3)\",\"line\":11,\"paused\":\"wait_twice(i=3)\"") != std::string::npos);
}

TEST_CASE("values are folded to a width: containers keep whole items and say how many", "[frames]") {
    CHECK(fold_value("[1, 2, 3]", 20) == "[1, 2, 3]");
    CHECK(fold_value("[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]", 28) == "[0, 1, 2, 3, 4, 5, 6, ...] (12 items)");
    CHECK(fold_value("('a, b', 'c', 'd')", 16) == "('a, b', ...) (3 items)");
    CHECK(fold_value("{'k': [1, 2], 'j': 3}", 18) == "{'k': [1, 2], ...} (2 items)");
    CHECK(fold_value("[[1, 2, 3, 4, 5, 6], 7]", 8) == "[[1, ... (2 items)");
    CHECK(fold_value("[<Task pending name='fetch-0' coro=<fetch() running at main.py:9>>, <Task...", 20) == "[<Task pending na...");
    CHECK(fold_value("[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12...", 16) == "[1, 2, 3, ...]");
    CHECK(fold_value("'a long string of text'", 12) == "'a long s...");
    CHECK(item_count("[]") == 0);
    CHECK(item_count("(1,)") == 1);
    CHECK(item_count("[(1, 2), [3, ']'], \"x,\"]") == 3);
    CHECK(item_count("'not, a container'") == -1);
    CHECK(item_count("[1, 2, 3...") == -1);
}

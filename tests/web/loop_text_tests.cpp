// The loop's queues and the timeline in words (model/loop_text.hpp, model/timeline_text.hpp) and
// state().loop / state().timeline (state_json.cpp), from real runs: the 12-request program's
// concurrent half (from 720 s: Task-4 gathers Task-5 .. Task-16, each blocks 5 s then sleeps 55 s)
// and a ticker whose timer comes late because another task blocks the loop.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "model/app_state.hpp"
#include "model/loop_text.hpp"
#include "model/state_json.hpp"
#include "model/timeline_text.hpp"
#include "twelve_requests_program.hpp"

using namespace loopstep;
using namespace loopstep::web;

namespace {

app_state app_running(const char* program) {
    app_state app;
    init_app(app, {});
    run_code(app, program);
    REQUIRE_FALSE(app.result.error);
    return app;
}

// The cursor just after the n-th (0-based) event of `kind` at or after virtual time `from`.
std::size_t after_nth(const app_state& app, trace_kind kind, std::size_t n, double from = 0) {
    const auto& events = app.run.events();
    for (std::size_t i = 0; i < events.size(); ++i) {
        if (events[i].kind == kind && events[i].time >= from && n-- == 0) return i + 1;
    }
    FAIL("no such event");
    return 0;
}

std::string fetch_name(int k) { return "Task-" + std::to_string(5 + k); }  // the k-th concurrent fetch

const timeline_task& task_named(const std::vector<timeline_task>& tasks, const std::string& name) {
    for (const timeline_task& task : tasks) {
        if (task.task == name) return task;
    }
    FAIL("no task " + name);
    return tasks.front();
}

std::vector<std::string> texts(const std::vector<timeline_part>& parts) {
    std::vector<std::string> out;
    for (const timeline_part& part : parts) out.push_back(part.text);
    return out;
}

// Chapter 2's point: a tick due at 2 s can only come at 4.5 s, when the blocking job lets go.
constexpr const char* late_tick_program = R"(import asyncio, time

async def ticker():
    for i in range(3):
        await asyncio.sleep(1)

async def slow_job():
    await asyncio.sleep(1.5)
    time.sleep(3)

async def main():
    t = asyncio.create_task(ticker(), name="ticker")
    j = asyncio.create_task(slow_job(), name="slow-job")
    await t
    await j

asyncio.run(main())
)";

}  // namespace

TEST_CASE("the ready queue in order: gather's twelve fetches, in creation order", "[loop_text]") {
    app_state app = app_running(twelve_requests_program);
    seek(app, after_nth(app, trace_kind::task_suspended, 0, 720));  // Task-4 awaits the gather
    const loop_lines lines = describe_loop(app.view, "s");
    REQUIRE(lines.ready.size() == 12);
    for (int k = 0; k < 12; ++k) {
        CHECK(lines.ready[k].task == fetch_name(k));
        CHECK(lines.ready[k].text == fetch_name(k) + " runs its next step");
    }
    CHECK(lines.timers.empty());
    REQUIRE(lines.futures.size() == 1);
    CHECK(lines.futures[0].label == "gather()");
    CHECK(lines.futures[0].waiters == std::vector<std::string>{"Task-4"});
    CHECK(lines.futures[0].text == "gather(), awaited by Task-4");
}

TEST_CASE("timers by when they fire, 5 s apart as the blocking sends spaced them", "[loop_text]") {
    app_state app = app_running(twelve_requests_program);
    seek(app, after_nth(app, trace_kind::task_suspended, 12, 720));  // the last fetch sleeps, at 780 s
    REQUIRE(app.view.time == 780);
    const loop_lines lines = describe_loop(app.view, "s");
    REQUIRE(lines.timers.size() == 12);
    for (int k = 0; k < 12; ++k) {
        CHECK(lines.timers[k].task == fetch_name(k));
        CHECK(lines.timers[k].at == 780 + 5 * k);
        CHECK_FALSE(lines.timers[k].late);
    }
    CHECK(lines.timers.front().text == "at 780.0 s (in 0.0 s): Task-5 wakes");
    CHECK(lines.timers.back().text == "at 835.0 s (in 55.0 s): Task-16 wakes");
    CHECK(describe_loop(app.view, "min").timers.back().text == "at 835.0 min (in 55.0 min): Task-16 wakes");
    REQUIRE(lines.futures.size() == 13);  // the gather, then each fetch's sleep
    CHECK(lines.futures[1].text == "sleep(55), awaited by Task-5");
    CHECK(lines.futures[12].text == "sleep(55), awaited by Task-16");
    CHECK(lines.ready.empty());
}

TEST_CASE("a timer held up by a blocked loop says how late it is", "[loop_text]") {
    app_state app = app_running(late_tick_program);
    seek(app, after_nth(app, trace_kind::blocked, 0));  // slow-job's time.sleep(3) ends at 4.5 s
    REQUIRE(app.view.time == 4.5);
    const loop_lines lines = describe_loop(app.view, "s");
    REQUIRE_FALSE(lines.timers.empty());
    CHECK(lines.timers[0].task == "ticker");
    CHECK(lines.timers[0].at == 2);
    CHECK(lines.timers[0].late);
    CHECK(lines.timers[0].text == "at 2.0 s (2.5 s late): ticker wakes");
}

TEST_CASE("the timeline in words: each task's parts up to the cursor, the last one going on", "[timeline_text]") {
    app_state app = app_running(twelve_requests_program);
    CHECK(describe_timeline(app.run_timeline, app.run, 0, "s").empty());  // nothing created yet

    seek(app, after_nth(app, trace_kind::blocked, 1, 720));  // Task-6's block, 725 s to 730 s: Task-5 sleeps since 725 s
    REQUIRE(app.view.time == 730);
    const auto mid = describe_timeline(app.run_timeline, app.run, app.cursor, "s");
    const timeline_task& first = task_named(mid, "Task-5");
    REQUIRE(first.parts.size() == 6);
    CHECK(first.parts.back().kind == "waiting");
    CHECK(first.parts.back().going_on);
    CHECK(first.parts.back().to == app.view.time);
    CHECK(first.parts.back().text == "waiting on asyncio.sleep(55): 725 s \xE2\x80\x93 now (730 s)");
    CHECK(task_named(mid, "Task-16").parts.back().text == "ready, in the queue for its turn: 720 s \xE2\x80\x93 now (730 s)");
    CHECK(mid.size() == app.view.tasks.size());  // the tasks created so far, as the tasks table lists them

    seek(app, event_count(app));
    const auto end = describe_timeline(app.run_timeline, app.run, app.cursor, "s");
    const timeline_task& done = task_named(end, "Task-5");
    CHECK(done.omitted == 0);
    CHECK(texts(done.parts) == std::vector<std::string>{
        "created at 720 s",
        "ready, in the queue for its turn: 720 s \xE2\x80\x93 720 s",
        "ran a step at 720 s (no time passes)",
        "blocking the loop (time.sleep): 720 s \xE2\x80\x93 725 s",
        "ran a step at 725 s (no time passes)",
        "waiting on asyncio.sleep(55): 725 s \xE2\x80\x93 780 s",
        "ready, in the queue for its turn: 780 s \xE2\x80\x93 780 s",
        "ran a step at 780 s (no time passes)",
        "done at 780 s, returned 0",
    });
    CHECK(done.parts[3].kind == "blocking");
    CHECK(done.parts[3].from == 720);
    CHECK(done.parts[3].to == 725);
    // The last fetch waited in the ready queue while the eleven before it each blocked 5 s.
    CHECK(task_named(end, "Task-16").parts[1].text == "ready, in the queue for its turn: 720 s \xE2\x80\x93 775 s");
}

TEST_CASE("a late sleep says when it was due; a long history keeps its last parts", "[timeline_text]") {
    app_state app = app_running(late_tick_program);
    seek(app, event_count(app));
    const auto tasks = describe_timeline(app.run_timeline, app.run, app.cursor, "s");
    const timeline_task& ticker = task_named(tasks, "ticker");
    std::vector<std::string> waits;
    for (const timeline_part& part : ticker.parts) {
        if (part.kind == "waiting") waits.push_back(part.text);
    }
    REQUIRE(waits.size() == 3);
    CHECK(waits[1] == "waiting on asyncio.sleep(1): 1 s \xE2\x80\x93 4.5 s; due at 2 s, 2.5 s late: the loop was busy");
    CHECK(waits[2] == "waiting on asyncio.sleep(1): 4.5 s \xE2\x80\x93 5.5 s");

    app_state twelve = app_running(twelve_requests_program);
    seek(twelve, event_count(twelve));
    const auto kept = describe_timeline(twelve.run_timeline, twelve.run, twelve.cursor, "s", 5);
    const timeline_task& cut = task_named(kept, "Task-5");
    CHECK(cut.omitted == 4);
    REQUIRE(cut.parts.size() == 5);
    CHECK(cut.parts.front().text == "ran a step at 725 s (no time passes)");
    CHECK(cut.parts.back().kind == "done");
}

TEST_CASE("state() has the loop's lists and the timeline", "[loop_text][timeline_text]") {
    app_state app = app_running(twelve_requests_program);
    seek(app, after_nth(app, trace_kind::task_suspended, 12, 720));
    const std::string json = state_json(app);
    CHECK(json.find("\"loop\":{\"ready\":[],\"timers\":[{\"task\":\"Task-5\",\"at\":780,\"late\":false,"
                    "\"text\":\"at 780.0 s (in 0.0 s): Task-5 wakes\"},") != std::string::npos);
    CHECK(json.find("\"futures\":[{\"label\":\"gather()\",\"waiters\":[\"Task-4\"],\"text\":\"gather(), awaited by Task-4\"},")
          != std::string::npos);
    CHECK(json.find("{\"task\":\"Task-5\",\"omitted\":0,\"parts\":[{\"kind\":\"created\",\"from\":720,\"to\":720,"
                    "\"goingOn\":false,\"text\":\"created at 720 s\"},") != std::string::npos);
    CHECK(json.find("{\"kind\":\"waiting\",\"from\":780,\"to\":780,\"goingOn\":true,"
                    "\"text\":\"waiting on asyncio.sleep(55): 780 s \xE2\x80\x93 now (780 s)\"}]}") != std::string::npos);
}

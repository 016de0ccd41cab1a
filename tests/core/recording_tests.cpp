// Recordings: the folded trace equals the live loop at every step, and runs are deterministic.
#include <catch2/catch.hpp>

#include "loopstep/loopstep.hpp"
#include "recorder.hpp"
#include "scenarios.hpp"

using namespace loopstep;
using loopstep::testing::run_all;

namespace {
// Only tasks the loop still holds can be compared with its live view.
std::vector<task_view> live_subset(const snapshot& folded, const snapshot& live) {
    std::vector<task_view> subset;
    for (const auto& task : live.tasks) {
        if (const task_view* found = folded.find_task(task.id)) subset.push_back(*found);
    }
    return subset;
}
}  // namespace

TEST_CASE("the recording's snapshot equals the live loop after every step", "[recording]") {
    recording record;
    event_loop loop({.trace = record.sink()});
    auto main = create_task(loop, loopstep::testing::busy_scenario(loop), "main");
    std::size_t steps = 0;
    while (loop.step().kind != step_kind::idle) {
        ++steps;
        const snapshot live = live_snapshot(loop);
        const snapshot& folded = record.latest();
        INFO("after step " << steps << ", event " << folded.event_count);
        REQUIRE(folded.time == live.time);
        REQUIRE(folded.running == 0);
        REQUIRE(folded.ready == live.ready);
        REQUIRE(folded.timers == live.timers);
        REQUIRE(folded.futures == live.futures);
        REQUIRE(live_subset(folded, live) == live.tasks);
    }
    CHECK(main->done());
    CHECK(steps > 50);
    CHECK(loop.time() == 5 * 12 + 55);
}

TEST_CASE("a snapshot can be taken at any event, and keyframes do not change it", "[recording]") {
    recording record;
    event_loop loop({.trace = record.sink()});
    run(loop, loopstep::testing::busy_scenario(loop));
    const auto& events = record.events();
    REQUIRE(events.size() > 2 * 128);  // past the first keyframe
    snapshot by_hand;
    for (std::size_t i = 0; i < events.size(); ++i) {
        if (i % 37 == 0 || i == 255 || i == 256 || i == 257) {
            snapshot scrubbed = record.at(i);
            CHECK(scrubbed.event_count == by_hand.event_count);
            CHECK(scrubbed.tasks == by_hand.tasks);
            CHECK(scrubbed.ready == by_hand.ready);
            CHECK(scrubbed.timers == by_hand.timers);
        }
        apply(by_hand, events[i]);
    }
    const snapshot end = record.at(events.size());
    CHECK(end.tasks.size() == by_hand.tasks.size());
    const task_view* doomed = nullptr;
    for (const auto& task : end.tasks) {
        if (task.name == "doomed") doomed = &task;
    }
    REQUIRE(doomed);
    CHECK(doomed->state == task_state::cancelled);
    CHECK(doomed->outcome == "not needed");
}

TEST_CASE("a waiting task's snapshot says what it waits on", "[recording]") {
    recording record;
    event_loop loop({.trace = record.sink()});
    auto sleeper = [&]() -> coro<void> { co_await sleep(55); };
    auto task = create_task(loop, sleeper(), "fetch-3");
    loop.step();
    const snapshot now = record.latest();
    REQUIRE(now.tasks.size() == 1);
    CHECK(now.tasks[0].state == task_state::waiting);
    CHECK(now.tasks[0].waiting_on == "sleep(55)");
    REQUIRE(now.timers.size() == 1);
    CHECK(now.timers[0].when == 55);
    CHECK(now.timers[0].task == task->id());
    while (loop.step().kind != step_kind::idle) {
    }
    CHECK(record.latest().tasks[0].state == task_state::finished);
    CHECK(record.latest().tasks[0].outcome == "None");
}

TEST_CASE("a future awaited by several tasks is listed once, its waiters in wake order", "[recording][futures]") {
    recording record;
    event_loop loop({.trace = record.sink()});
    auto shared = create_future<int>(loop, "reply");
    auto await_reply = [&]() -> coro<int> { co_return co_await shared; };
    auto second = create_task(loop, await_reply(), "second");
    auto first = create_task(loop, await_reply(), "first");
    auto joiner = [&]() -> coro<int> { co_return co_await first; };
    auto join = create_task(loop, joiner(), "join");
    auto same_as_live = [&] {
        const snapshot live = live_snapshot(loop);
        REQUIRE(record.latest().futures == live.futures);
        REQUIRE(live_subset(record.latest(), live) == live.tasks);  // `first` changes while `join` waits
    };
    for (int i = 0; i < 3; ++i) {
        loop.step();
        same_as_live();
    }
    const snapshot waiting = record.latest();
    REQUIRE(waiting.futures.size() == 2);
    const future_view& reply = waiting.futures[0];
    CHECK(reply.id == shared->id());
    CHECK(reply.label == "reply");
    CHECK(reply.waiters == std::vector<task_id>{second->id(), first->id()});
    CHECK(reply.task == 0);
    const future_view& of_first = waiting.futures[1];  // a task's own future is made after `shared`
    CHECK(of_first.id == first->as_future().id());
    CHECK(of_first.task == first->id());
    CHECK(of_first.waiters == std::vector<task_id>{join->id()});

    shared->set_result(7);
    CHECK(record.latest().find_future(shared->id()) == nullptr);  // resolved: no longer pending
    CHECK(record.latest().futures.size() == 1);
    while (loop.step().kind != step_kind::idle) same_as_live();
    CHECK(join->result() == 7);
    CHECK(record.latest().futures.empty());
}

TEST_CASE("a task's source line goes into its events and its snapshot", "[recording][lines]") {
    recording record;
    event_loop loop({.trace = record.sink()});
    // What the interpreter does: say where the task is before it waits, blocks or returns.
    auto body = [&]() -> coro<void> {
        task_base& self = co_await this_task();
        self.set_source_line(13);
        co_await sleep(55);
        loop.block_for(5, 14);
        self.set_source_line(15);
    };
    auto task = create_task(loop, body(), "fetch-3");
    loop.step();
    const trace_event& suspended = record.events().back();
    CHECK(suspended.kind == trace_kind::task_suspended);
    CHECK(suspended.line == 13);
    CHECK(to_string(suspended).ends_with("\"sleep(55)\" @L13"));
    CHECK(record.latest().tasks[0].line == 13);
    CHECK(live_snapshot(loop).tasks[0].line == 13);
    run_all(loop);
    std::vector<std::pair<trace_kind, int>> lines;
    for (const auto& event : record.events()) {
        if (event.line) lines.emplace_back(event.kind, event.line);
    }
    CHECK(lines == std::vector<std::pair<trace_kind, int>>{{trace_kind::task_suspended, 13},
                                                            {trace_kind::task_resumed, 13},
                                                            {trace_kind::blocked, 14},
                                                            {trace_kind::task_completed, 15}});
    CHECK(record.latest().tasks[0].line == 15);
    CHECK(record.at(record.events().size() - 1).tasks[0].line == 14);  // before it returned
}

TEST_CASE("events without a source line print as they always did", "[recording][lines]") {
    trace_event event{.seq = 4, .time = 5, .kind = trace_kind::task_suspended, .task = 2, .future = 3, .detail = "sleep(55)"};
    CHECK(to_string(event) == "4 t=5 task_suspended task=2 future=3 \"sleep(55)\"");
    event.line = 5;
    CHECK(to_string(event) == "4 t=5 task_suspended task=2 future=3 \"sleep(55)\" @L5");
}

TEST_CASE("the same program yields the same trace twice", "[recording][determinism]") {
    auto trace_of = [] {
        recording record;
        event_loop loop({.trace = record.sink()});
        run(loop, loopstep::testing::busy_scenario(loop));
        std::vector<std::string> lines;
        for (const auto& event : record.events()) lines.push_back(to_string(event));
        return lines;
    };
    const auto first = trace_of();
    const auto second = trace_of();
    REQUIRE(first.size() > 250);
    CHECK(first == second);
}

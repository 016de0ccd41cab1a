// Recordings: the folded trace equals the live loop at every step, and runs are deterministic.
#include <catch2/catch.hpp>

#include "loopstep/loopstep.hpp"
#include "scenarios.hpp"

using namespace loopstep;

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

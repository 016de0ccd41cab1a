// The timeline (web/model/timeline.hpp) built from real runs: segments per task, and seeking by time.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <string_view>

#include "recorded_program.hpp"
#include "twelve_requests_program.hpp"
#include "model/timeline.hpp"

using namespace loopstep;
using namespace loopstep::web;

namespace {

using loopstep::testing::record;

std::vector<segment> of_kind(const task_row& row, segment_kind kind) {
    std::vector<segment> found;
    std::copy_if(row.segments.begin(), row.segments.end(), std::back_inserter(found),
                 [&](const segment& part) { return part.kind == kind; });
    return found;
}

// The fetch tasks of the 12-URL program's concurrent half: created at 720 s, each with one block.
std::vector<const task_row*> concurrent_fetches(const timeline& line) {
    std::vector<const task_row*> rows;
    for (const task_row& row : line.rows) {
        if (row.created == 720 && !of_kind(row, segment_kind::blocking).empty()) rows.push_back(&row);
    }
    return rows;
}

constexpr const char* cancel_and_yield_program = R"(import asyncio

async def slow():
    await asyncio.sleep(0)
    await asyncio.sleep(10)

async def main():
    t = asyncio.create_task(slow(), name="slow")
    await asyncio.sleep(1)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled")

asyncio.run(main())
)";

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

const task_row& row_named(const timeline& line, const std::string& name) {
    const auto found = std::find_if(line.rows.begin(), line.rows.end(), [&](const task_row& row) { return row.name == name; });
    REQUIRE(found != line.rows.end());
    return *found;
}

}  // namespace

TEST_CASE("a sleep kept waiting by a blocked loop ends late, after its timer was due", "[timeline]") {
    const auto run = record(late_tick_program);
    const timeline line = build_timeline(run->run);
    const auto blocks = of_kind(row_named(line, "slow-job"), segment_kind::blocking);
    REQUIRE(blocks.size() == 1);
    CHECK(blocks[0].start == 1.5);
    CHECK(blocks[0].end == 4.5);

    const auto waits = of_kind(row_named(line, "ticker"), segment_kind::waiting);
    REQUIRE(waits.size() == 3);
    CHECK(waits[0].due == 1);
    CHECK_FALSE(waits[0].late());
    CHECK(waits[1].start == 1);
    CHECK(waits[1].due == 2);
    CHECK(waits[1].end == 4.5);
    CHECK(waits[1].late());
    CHECK(waits[2].due == 5.5);
    CHECK_FALSE(waits[2].late());

    // Waiting on a task is not a sleep: no timer, never late.
    for (const segment& wait : of_kind(row_named(line, "Task-1"), segment_kind::waiting)) CHECK(wait.due == -1);
}

TEST_CASE("the 12 concurrent fetches block 5 s each, back to back, then wait 55 s", "[timeline]") {
    const auto twelve = record(twelve_requests_program);
    const timeline line = build_timeline(twelve->run);
    const auto fetches = concurrent_fetches(line);
    REQUIRE(fetches.size() == 12);
    double previous_end = 720;
    for (const task_row* row : fetches) {
        const auto blocks = of_kind(*row, segment_kind::blocking);
        REQUIRE(blocks.size() == 1);
        CHECK(blocks[0].start == previous_end);  // no gap, no overlap: one task holds the loop at a time
        CHECK(blocks[0].end - blocks[0].start == 5);
        previous_end = blocks[0].end;
        const auto waits = of_kind(*row, segment_kind::waiting);
        REQUIRE(waits.size() == 1);
        CHECK(waits[0].start == blocks[0].end);
        CHECK(waits[0].end - waits[0].start == 55);
        CHECK_FALSE(waits[0].late());  // nothing blocks when the replies come in
    }
    CHECK(previous_end == 780);
}

TEST_CASE("a task is ready from its creation until its turn, also while another task blocks", "[timeline]") {
    const auto twelve = record(twelve_requests_program);
    const timeline line = build_timeline(twelve->run);
    const auto fetches = concurrent_fetches(line);
    REQUIRE(fetches.size() == 12);
    for (std::size_t k = 0; k < fetches.size(); ++k) {
        const auto ready = of_kind(*fetches[k], segment_kind::ready);
        REQUIRE(!ready.empty());
        CHECK(ready[0].start == 720);
        CHECK(ready[0].end == 720 + 5.0 * static_cast<double>(k));  // its turn comes after k blocks of 5 s
    }
}

TEST_CASE("the one-by-one half: one task blocks 12 times, 60 s apart", "[timeline]") {
    const auto twelve = record(twelve_requests_program);
    const timeline line = build_timeline(twelve->run);
    REQUIRE(!line.rows.empty());
    const auto blocks = of_kind(line.rows.front(), segment_kind::blocking);
    REQUIRE(blocks.size() == 12);
    for (std::size_t k = 0; k < blocks.size(); ++k) CHECK(blocks[k].start == 60.0 * static_cast<double>(k));
    CHECK(line.rows.front().end.time == 720);
}

TEST_CASE("the last task ends at the run's total time", "[timeline]") {
    const auto twelve = record(twelve_requests_program);
    const timeline line = build_timeline(twelve->run);
    REQUIRE(!line.rows.empty());
    CHECK(line.duration == 835);
    CHECK(twelve->result.virtual_time == 835);
    double last_end = 0;
    for (const task_row& row : line.rows) {
        REQUIRE(row.ended);
        CHECK(row.end.state == task_state::finished);
        last_end = std::max(last_end, row.end.time);
    }
    CHECK(last_end == line.duration);
}

TEST_CASE("a task's segments follow each other without gaps, and its steps take no time", "[timeline]") {
    for (const char* program : {twelve_requests_program, cancel_and_yield_program}) {
        const auto run = record(program);
        const timeline line = build_timeline(run->run);
        for (const task_row& row : line.rows) {
            REQUIRE(!row.segments.empty());
            CHECK(row.segments.front().start == row.created);
            for (std::size_t k = 0; k + 1 < row.segments.size(); ++k) {
                CHECK(row.segments[k].end == row.segments[k + 1].start);
                CHECK(row.segments[k].finish <= row.segments[k + 1].begin);
            }
            for (const segment& part : of_kind(row, segment_kind::running)) CHECK(part.start == part.end);
            REQUIRE(row.ended);
            CHECK(row.segments.back().end == row.end.time);
        }
    }
}

TEST_CASE("a cancelled task ends cancelled, and a yield puts it back in the ready queue", "[timeline]") {
    const auto run = record(cancel_and_yield_program);
    const timeline line = build_timeline(run->run);
    const task_row* slow = nullptr;
    for (const task_row& row : line.rows) {
        if (row.name == "slow") slow = &row;
    }
    REQUIRE(slow != nullptr);
    REQUIRE(slow->ended);
    CHECK(slow->end.state == task_state::cancelled);
    CHECK(slow->end.time == 1);
    // ready, run, (yield) ready, run, wait on sleep(10) until cancelled at 1 s, ready, run
    REQUIRE(slow->segments.size() >= 5);
    CHECK(slow->segments[0].kind == segment_kind::ready);
    CHECK(slow->segments[1].kind == segment_kind::running);
    CHECK(slow->segments[2].kind == segment_kind::ready);
    CHECK(slow->segments[3].kind == segment_kind::running);
    CHECK(slow->segments[4].kind == segment_kind::waiting);
    CHECK(slow->segments[4].end == 1);
}

TEST_CASE("seeking by time: a wait shows its start, a block shows whole, and the ends clamp", "[timeline][seek]") {
    const auto twelve = record(twelve_requests_program);
    const timeline line = build_timeline(twelve->run);
    const auto& events = twelve->run.events();

    const std::size_t in_wait = cursor_at(line, 30);  // the first request waits 5..60 s
    REQUIRE(in_wait > 0);
    CHECK(events[in_wait - 1].kind == trace_kind::task_suspended);
    CHECK(time_at(line, in_wait) == 5);

    const std::size_t in_block = cursor_at(line, 722);  // the first concurrent fetch blocks 720..725 s
    REQUIRE(in_block > 0);
    CHECK(events[in_block - 1].kind == trace_kind::blocked);
    CHECK(time_at(line, in_block) == 725);

    CHECK(cursor_at(line, -1) == 0);
    CHECK(time_at(line, 0) == 0);
    CHECK(cursor_at(line, line.duration) == events.size());
    CHECK(cursor_at(line, 1e9) == events.size());
}

TEST_CASE("seeking by time round-trips with the time at a cursor", "[timeline][seek]") {
    const auto twelve = record(twelve_requests_program);
    const timeline line = build_timeline(twelve->run);
    const std::size_t count = twelve->run.events().size();
    REQUIRE(count > 0);
    for (std::size_t cursor = 0; cursor <= count; ++cursor) {
        const double time = time_at(line, cursor);
        CHECK(time == twelve->run.at(cursor).time);
        const std::size_t back = cursor_at(line, time);
        CHECK(back >= cursor);                   // everything at that instant has happened
        CHECK(time_at(line, back) == time);      // and nothing later
    }
    std::size_t previous = 0;
    for (double t = -1; t <= line.duration + 1; t += 0.5) {
        const std::size_t cursor = cursor_at(line, t);
        CHECK(cursor >= previous);  // dragging right never moves the cursor back
        previous = cursor;
    }
}

TEST_CASE("a segment is drawn only once begun, and up to the cursor while it goes on", "[timeline]") {
    const auto twelve = record(twelve_requests_program);
    const timeline line = build_timeline(twelve->run);
    const auto fetches = concurrent_fetches(line);
    REQUIRE(fetches.size() == 12);
    const segment wait = of_kind(*fetches[0], segment_kind::waiting).at(0);  // 725..780 s

    const std::size_t before = cursor_at(line, 722);
    CHECK_FALSE(end_at(wait, before, time_at(line, before)).has_value());

    const std::size_t during = cursor_at(line, 750);
    const double now = time_at(line, during);
    REQUIRE(now > wait.start);
    REQUIRE(now < wait.end);
    CHECK(end_at(wait, during, now) == now);

    const std::size_t after = cursor_at(line, 800);
    CHECK(end_at(wait, after, time_at(line, after)) == wait.end);
}

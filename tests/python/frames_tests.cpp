// Each task's frames in the trace and the recording (trace.hpp's frame_view, recording.hpp's
// task_view::frames): the await chain innermost first, with every bound local's repr.
#include <catch2/catch.hpp>

#include <string>

#include "loopstep/python/run_program.hpp"
#include "loopstep/recording.hpp"
#include "recorded_program.hpp"

using loopstep::frame_view;
using loopstep::snapshot;
using loopstep::task_view;
using loopstep::trace_event;
using loopstep::trace_kind;
using loopstep::testing::record;

namespace {

constexpr const char* fetches = R"(import asyncio

async def fetch(i):
    sent = i * 10.0
    await asyncio.sleep(5)
    data = [sent] * 3
    await asyncio.sleep(55)
    return data

async def concurrently(n):
    label = "batch"
    return await asyncio.gather(*(fetch(i) for i in range(n)))

async def main():
    results = await concurrently(2)
    print(len(results))

asyncio.run(main())
)";

const task_view& task_named(const snapshot& state, const std::string& name) {
    for (const auto& task : state.tasks) {
        if (task.name == name) return task;
    }
    FAIL("no task named " << name);
    return state.tasks.front();
}

// The snapshot just after the n-th (0-based) event of `kind` for task `name`.
snapshot after(const loopstep::recording& run, trace_kind kind, const std::string& name, int n) {
    const snapshot latest = run.latest();
    const auto id = task_named(latest, name).id;
    for (std::size_t i = 0; i < run.events().size(); ++i) {
        const trace_event& e = run.events()[i];
        if (e.kind == kind && e.task == id && n-- == 0) return run.at(i + 1);
    }
    FAIL("no such event");
    return latest;
}

std::string local(const frame_view& frame, const std::string& name) {
    for (const auto& [local_name, text] : frame.locals) {
        if (local_name == name) return text;
    }
    return "<absent>";
}

}  // namespace

TEST_CASE("a paused task shows its await chain innermost first, with each frame's line", "[frames]") {
    const auto run = record(fetches);
    REQUIRE(run->result.exit_code == 0);
    const snapshot paused = after(run->run, trace_kind::task_suspended, "Task-1", 0);
    const auto& frames = task_named(paused, "Task-1").frames;
    REQUIRE(frames.size() == 2);
    CHECK(frames[0].function == "concurrently");
    CHECK(frames[0].line == 12);
    CHECK(local(frames[0], "n") == "2");
    CHECK(local(frames[0], "label") == "'batch'");
    CHECK(frames[1].function == "main");
    CHECK(frames[1].line == 15);
    CHECK(frames[1].locals.empty());  // results is not bound yet
}

TEST_CASE("a task's locals are kept while it waits and change as it runs on", "[frames]") {
    const auto run = record(fetches);
    const snapshot first = after(run->run, trace_kind::task_suspended, "Task-3", 0);
    const auto& at_first = task_named(first, "Task-3").frames;
    REQUIRE(at_first.size() == 1);
    CHECK(at_first[0].function == "fetch");
    CHECK(at_first[0].line == 5);
    CHECK(local(at_first[0], "i") == "1");
    CHECK(local(at_first[0], "sent") == "10.0");
    CHECK(local(at_first[0], "data") == "<absent>");
    const snapshot second = after(run->run, trace_kind::task_suspended, "Task-3", 1);
    const auto& at_second = task_named(second, "Task-3").frames;
    REQUIRE(at_second.size() == 1);
    CHECK(at_second[0].line == 7);
    CHECK(local(at_second[0], "data") == "[10.0, 10.0, 10.0]");
}

TEST_CASE("a task not started yet shows its coroutine with its arguments; a done task has no frames", "[frames]") {
    const auto run = record(fetches);
    const snapshot created = after(run->run, trace_kind::task_created, "Task-2", 0);
    const auto& frames = task_named(created, "Task-2").frames;
    REQUIRE(frames.size() == 1);
    CHECK(frames[0].function == "fetch");
    CHECK(frames[0].line == 3);  // the def line, as CPython's cr_frame says before the first step
    CHECK(local(frames[0], "i") == "0");
    const snapshot done = after(run->run, trace_kind::task_completed, "Task-2", 0);
    CHECK(task_named(done, "Task-2").frames.empty());
}

TEST_CASE("captured variables, long values and printing show in the frames", "[frames]") {
    const auto run = record(R"(import asyncio

async def worker():
    count = 0
    big = list(range(1000))
    def bump():
        nonlocal count
        count += 1
    bump()
    print("count", count)
    await asyncio.sleep(1)

asyncio.run(worker())
)");
    REQUIRE(run->result.output == "count 1\n");
    const snapshot printed = after(run->run, trace_kind::output, "Task-1", 0);
    const auto& frames = task_named(printed, "Task-1").frames;
    REQUIRE(frames.size() == 1);
    CHECK(frames[0].line == 10);
    CHECK(local(frames[0], "count") == "1");
    CHECK(local(frames[0], "bump") == "<function worker.<locals>.bump>");  // CPython's repr names the __qualname__
    const std::string big = local(frames[0], "big");
    CHECK(big.size() <= 120);
    CHECK(big.rfind("[0, 1, 2, ", 0) == 0);
    CHECK(big.find("...") != std::string::npos);  // cut short, not a thousand numbers
}

TEST_CASE("the trace's text carries the frames, so both targets are compared on them", "[frames]") {
    const auto run = record(fetches);
    bool seen = false;
    for (const auto& event : run->run.events()) {
        if (event.kind == trace_kind::task_suspended && !event.frames.empty() && event.frames[0].function == "fetch") {
            CHECK_THAT(loopstep::to_string(event), Catch::Matchers::Contains("frames=fetch@L5(i="));
            seen = true;
            break;
        }
    }
    CHECK(seen);
}

TEST_CASE("a frame says how many of its first locals are the call's arguments", "[frames]") {
    const auto run = record(R"(import asyncio

async def work(a, b=2, *more, flag=True):
    total = a + b
    await asyncio.sleep(1)

async def main():
    await asyncio.gather(work(1, 5, 6, flag=False))

asyncio.run(main())
)");
    REQUIRE(run->result.exit_code == 0);
    const frame_view work = task_named(after(run->run, trace_kind::task_suspended, "Task-2", 0), "Task-2").frames.at(0);
    REQUIRE(work.locals.size() == 5);
    CHECK(work.locals[0] == std::pair<std::string, std::string>{"a", "1"});
    CHECK(work.locals[4] == std::pair<std::string, std::string>{"total", "6"});
    CHECK(work.arguments == 4);  // a, b, more and flag (in the frame's order), then total
}

// Generators and async generators (generators.hpp): what the conformance corpus cannot show,
// the frames of a task that awaits inside an async generator, and the limits of a run.
#include <catch2/catch.hpp>

#include <string>

#include "loopstep/python/run_program.hpp"
#include "loopstep/recording.hpp"
#include "recorded_program.hpp"

using namespace loopstep::python;
using loopstep::snapshot;
using loopstep::trace_kind;
using loopstep::testing::record;

TEST_CASE("a task awaiting inside an async generator shows the generator's frame above its own", "[generators][frames]") {
    const auto run = record(R"(import asyncio

async def ticks():
    n = 0
    while True:
        n += 1
        await asyncio.sleep(1)
        yield n

async def main():
    async for t in ticks():
        print(t)
        if t == 2:
            break

asyncio.run(main())
)");
    REQUIRE(run->result.output == "1\n2\n");
    int suspended = 0;
    for (std::size_t i = 0; i < run->run.events().size(); ++i) {
        if (run->run.events()[i].kind != trace_kind::task_suspended || suspended++ != 1) continue;
        const snapshot paused = run->run.at(i + 1);
        REQUIRE(paused.tasks.size() == 1);
        const auto& frames = paused.tasks.front().frames;
        REQUIRE(frames.size() == 2);  // the generator is a frame of the task, not a task
        CHECK(frames[0].function == "ticks");
        CHECK(frames[0].line == 7);
        REQUIRE(frames[0].locals.size() == 1);
        CHECK(frames[0].locals[0].second == "2");
        CHECK(frames[1].function == "main");
        CHECK(frames[1].line == 11);
    }
    CHECK(suspended == 2);
}

TEST_CASE("yield from chains run on the frame stack: 900 deep works, past the limit is RecursionError", "[generators][recursion]") {
    const auto result = run_program(
        "def deep(n):\n"
        "    if n == 0:\n"
        "        yield 'bottom'\n"
        "        return 0\n"
        "    return 1 + (yield from deep(n - 1))\n"
        "for item in deep(900):\n"
        "    print(item)\n"
        "print(sum(1 for _ in deep(900)))\n"
        "print(list(deep(5000)))\n");
    CHECK(result.output == "bottom\n1\n");
    REQUIRE(result.error);
    CHECK(result.error->type == "RecursionError");
}

TEST_CASE("a generator that never ends is stopped by the step budget, in a for loop and in a builtin", "[generators][limits]") {
    program_options options;
    options.step_budget = 100'000;
    for (const char* consumer : {"for x in forever():\n    pass\n", "sum(forever())\n", "list(x for x in forever())\n"}) {
        const auto result = run_program(std::string("def forever():\n    while True:\n        yield 1\n") + consumer, options);
        INFO(consumer);
        REQUIRE(result.error);
        CHECK(result.error->type == "loopstep.LoopBlockedError");
    }
}

TEST_CASE("generator misuse raises CPython's errors", "[generators]") {
    const auto result = run_program(
        "def g():\n"
        "    yield next(me)\n"
        "me = g()\n"
        "try:\n"
        "    next(me)\n"
        "except ValueError as e:\n"
        "    print(e)\n"
        "async def a():\n"
        "    yield 1\n"
        "try:\n"
        "    for x in a():\n"
        "        pass\n"
        "except TypeError as e:\n"
        "    print(e)\n"
        "async def main():\n"
        "    async for x in [1, 2]:\n"
        "        pass\n"
        "import asyncio\n"
        "asyncio.run(main())\n");
    CHECK(result.output == "generator already executing\n'async_generator' object is not iterable\n");
    REQUIRE(result.error);
    CHECK(result.error->message == "'async for' requires an object with __aiter__ method, got list");
}

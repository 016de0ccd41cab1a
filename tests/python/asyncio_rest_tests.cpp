// The rest of asyncio beyond CPython's output: a name CPython has and the lesson lacks says
// so; worker threads appear in the trace as task rows.
#include <catch2/catch.hpp>

#include <string>

#include "loopstep/python/run_program.hpp"
#include "loopstep/recording.hpp"

using loopstep::python::program_options;
using loopstep::python::run_program;

TEST_CASE("an asyncio name the lesson lacks is named as not supported, not an AttributeError", "[interpreter][asyncio]") {
    const auto result = run_program("import asyncio\nx = 1\nasyncio.start_server\n");
    REQUIRE(result.error);
    CHECK(result.error->type == "NotSupportedError");
    CHECK(result.error->message == "asyncio.start_server is not supported in this lesson");
    CHECK(result.error->line == 3);
    const auto typo = run_program("import asyncio\nasyncio.sleeep\n");
    REQUIRE(typo.error);
    CHECK(typo.error->type == "AttributeError");
}

TEST_CASE("a worker thread of to_thread is a task row in the recording, named as CPython names it", "[interpreter][asyncio][thread]") {
    loopstep::recording record;
    program_options options;
    options.trace = record.sink();
    const auto result = run_program(
        "import asyncio\nimport time\n\ndef work():\n    time.sleep(2)\n    return 7\n\n"
        "async def main():\n    print(await asyncio.to_thread(work))\n\nasyncio.run(main())\n",
        options);
    CHECK(result.output == "7\n");
    const auto& tasks = record.latest().tasks;
    REQUIRE(tasks.size() >= 2);
    CHECK(tasks[1].name == "asyncio_0");
    CHECK(tasks[1].thread);
    CHECK(tasks[1].state == loopstep::task_state::finished);
    bool slept_on_line_5 = false;
    for (const auto& event : record.events()) {
        if (event.kind == loopstep::trace_kind::task_suspended && event.task == tasks[1].id) {
            slept_on_line_5 = event.line == 5 && event.detail == "time.sleep(2)";
        }
    }
    CHECK(slept_on_line_5);
    CHECK(result.virtual_time == 2);
}

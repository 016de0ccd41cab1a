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

// The class statement takes number 1, so the lock is 2 (0x...20).
TEST_CASE("asyncio's primitives show made-up addresses numbered with the instances, traced or not", "[interpreter][asyncio][repr]") {
    const char* program =
        "import asyncio\nclass Job:\n    pass\n\nasync def main():\n    lock = asyncio.Lock()\n    job = Job()\n"
        "    queue = asyncio.Queue()\n    queue.put_nowait(lock)\n    print(repr(lock))\n    print(job)\n    print(repr(queue))\n    print(queue)\n\n"
        "asyncio.run(main())\n";
    const std::string expected =
        "<asyncio.locks.Lock object at 0x7f0000000020 [unlocked]>\n<__main__.Job object at 0x7f0000000030>\n"
        "<Queue at 0x7f0000000040 maxsize=0 _queue=[<asyncio.locks.Lock object at 0x7f0000000020 [unlocked]>] tasks=1>\n"
        "<Queue maxsize=0 _queue=[<asyncio.locks.Lock object at 0x7f0000000020 [unlocked]>] tasks=1>\n";
    CHECK(run_program(program).output == expected);
    loopstep::recording record;
    program_options traced;
    traced.trace = record.sink();
    CHECK(run_program(program, traced).output == expected);  // the trace's reprs take no numbers
}

TEST_CASE("a str method CPython has and the lesson lacks is named as not supported", "[interpreter][str]") {
    const auto result = run_program("print('a')\ntable = 'Hello'.maketrans('l', 'L')\n");
    CHECK(result.output == "a\n");
    REQUIRE(result.error);
    CHECK(result.error->type == "NotSupportedError");
    CHECK(result.error->message == "str.maketrans is not supported in this lesson");
    const auto typo = run_program("'x'.maketranss()\n");
    REQUIRE(typo.error);
    CHECK(typo.error->type == "AttributeError");
}

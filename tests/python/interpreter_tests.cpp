// The interpreter's promises beyond CPython's output: clear errors with line and column, no
// crash or hang on bad programs, and a trace that says where each task paused.
#include <catch2/catch.hpp>

#include <string>

#include "loopstep/python/run_program.hpp"
#include "loopstep/recording.hpp"

using loopstep::python::program_options;
using loopstep::python::run_program;

TEST_CASE("a syntax error reports its line and column with a caret", "[interpreter][errors]") {
    const auto result = run_program("import asyncio\n\nasync def main()\n    pass\n");
    CHECK(result.exit_code == 1);
    REQUIRE(result.error);
    CHECK(result.error->type == "SyntaxError");
    CHECK(result.error->message == "expected ':'");
    CHECK(result.error->line == 3);
    CHECK(result.error->column == 17);
    CHECK(result.error_output ==
          "  File \"main.py\", line 3\n"
          "    async def main()\n"
          "                    ^\n"
          "SyntaxError: expected ':'\n");
    CHECK(result.output.empty());
}

TEST_CASE("a construct outside the lesson's subset is named, with its line", "[interpreter][errors]") {
    const auto result = run_program("x = 1\ndel x\n");
    REQUIRE(result.error);
    CHECK(result.error->type == "NotSupportedError");
    CHECK(result.error->message.find("'del' is not supported") != std::string::npos);
    CHECK(result.error->line == 2);
}

TEST_CASE("an endless loop without an await is stopped with a message", "[interpreter][errors]") {
    program_options options;
    options.step_budget = 100'000;
    const auto result = run_program(
        "import asyncio\n"
        "async def spin():\n"
        "    n = 0\n"
        "    while True:\n"
        "        n += 1\n"
        "asyncio.run(spin())\n",
        options);
    CHECK(result.exit_code == 1);
    REQUIRE(result.error);
    CHECK(result.error->type == "loopstep.LoopBlockedError");
    CHECK(result.error->message.find("without reaching an await") != std::string::npos);
    CHECK(result.error_output.find("line 5, in spin") != std::string::npos);
}

TEST_CASE("a program whose tasks never finish is stopped after the loop's step limit", "[interpreter][errors]") {
    program_options options;
    options.loop_step_limit = 10'000;
    const auto result = run_program(
        "import asyncio\n"
        "async def tick():\n"
        "    while True:\n"
        "        await asyncio.sleep(1)\n"
        "asyncio.run(tick())\n",
        options);
    CHECK(result.exit_code == 1);
    REQUIRE(result.error);
    CHECK(result.error->message.find("has not finished") != std::string::npos);
    CHECK(result.virtual_time > 1000);
}

TEST_CASE("a program waiting for a future nobody resolves reports the deadlock", "[interpreter][errors]") {
    const auto result = run_program(
        "import asyncio\n"
        "async def main():\n"
        "    await asyncio.get_running_loop().create_future()\n"
        "asyncio.run(main())\n");
    CHECK(result.exit_code == 1);
    REQUIRE(result.error);
    CHECK(result.error->message.find("can never finish") != std::string::npos);
}

TEST_CASE("a deadlock after a forgotten await names the call that was never awaited", "[interpreter][errors]") {
    const auto result = run_program(
        "import asyncio\n"
        "async def producer(q):\n"
        "    for i in range(3):\n"
        "        q.put(i)\n"
        "async def consumer(q):\n"
        "    while True:\n"
        "        print('got', await q.get())\n"
        "async def main():\n"
        "    q = asyncio.Queue()\n"
        "    await asyncio.gather(producer(q), consumer(q))\n"
        "asyncio.run(main())\n");
    CHECK(result.exit_code == 1);
    CHECK(result.error_output.find("main.py:4: RuntimeWarning: coroutine 'Queue.put' was never awaited\n  q.put(i)\n") != std::string::npos);
    REQUIRE(result.error);
    CHECK(result.error->message ==
          "the program can never finish: every task is waiting and nothing will wake them; Queue.put() at line 4 was never awaited (a missing await?)");
}

TEST_CASE("deep recursion raises RecursionError, in sync and async functions", "[interpreter][errors]") {
    const auto sync_result = run_program("def f(n):\n    return f(n + 1)\nf(0)\n");
    REQUIRE(sync_result.error);
    CHECK(sync_result.error->type == "RecursionError");
    const auto async_result = run_program(
        "import asyncio\n"
        "async def f(n):\n"
        "    return await f(n + 1)\n"
        "asyncio.run(f(0))\n");
    REQUIRE(async_result.error);
    CHECK(async_result.error->type == "RecursionError");
}

TEST_CASE("building a huge list or string raises MemoryError instead of exhausting memory", "[interpreter][errors]") {
    const auto list_result = run_program("big = [0] * 1000000000\n");
    REQUIRE(list_result.error);
    CHECK(list_result.error->type == "MemoryError");
    const auto str_result = run_program("s = 'x'\nwhile True:\n    s += s\n");
    REQUIRE(str_result.error);
    CHECK(str_result.error->type == "MemoryError");
    CHECK(str_result.error->line == 3);
    const auto append_result = run_program("items = [0]\nwhile True:\n    items.extend(items)\n");
    REQUIRE(append_result.error);
    CHECK(append_result.error->type == "MemoryError");
}

TEST_CASE("an uncaught exception prints a Python-style traceback", "[interpreter][errors]") {
    const auto result = run_program(
        "def divide(a, b):\n"
        "    return a / b\n"
        "print('before')\n"
        "divide(1, 0)\n");
    CHECK(result.output == "before\n");
    CHECK(result.exit_code == 1);
    CHECK(result.error_output ==
          "Traceback (most recent call last):\n"
          "  File \"main.py\", line 4, in <module>\n"
          "    divide(1, 0)\n"
          "  File \"main.py\", line 2, in divide\n"
          "    return a / b\n"
          "ZeroDivisionError: division by zero\n");
}

TEST_CASE("the 12-request example takes 720 s one by one and 115 s concurrently", "[interpreter]") {
    const char* program =
        "import asyncio, time\n"
        "async def fetch(i):\n"
        "    time.sleep(5)\n"
        "    await asyncio.sleep(55)\n"
        "async def one_by_one():\n"
        "    for i in range(12):\n"
        "        await fetch(i)\n"
        "async def concurrently():\n"
        "    await asyncio.gather(*(fetch(i) for i in range(12)))\n"
        "start = time.monotonic()\n"
        "asyncio.run(one_by_one())\n"
        "middle = time.monotonic()\n"
        "asyncio.run(concurrently())\n"
        "print(middle - start, time.monotonic() - middle)\n";
    const auto result = run_program(program);
    CHECK(result.output == "720.0 115.0\n");
}

TEST_CASE("the trace says which task paused on what", "[interpreter][trace]") {
    loopstep::recording record;
    program_options options;
    options.trace = record.sink();
    const auto result = run_program(
        "import asyncio\n"
        "async def fetch(n):\n"
        "    await asyncio.sleep(55)\n"
        "    return f'page {n}'\n"
        "async def main():\n"
        "    await asyncio.gather(fetch(1), fetch(2))\n"
        "asyncio.run(main())\n",
        options);
    REQUIRE(result.exit_code == 0);
    bool saw_sleep = false;
    for (const auto& event : record.events()) {
        if (event.kind == loopstep::trace_kind::task_suspended && event.detail == "sleep(55)") saw_sleep = true;
    }
    CHECK(saw_sleep);
    const auto end = record.at(record.events().size());
    REQUIRE(end.tasks.size() >= 3);
    bool saw_result = false;
    for (const auto& task : end.tasks) {
        CHECK(task.state == loopstep::task_state::finished);
        saw_result = saw_result || task.outcome == "'page 2'";
    }
    CHECK(saw_result);  // the viewer shows what each task returned
}

TEST_CASE("the same program gives the same output and trace every time", "[interpreter][determinism]") {
    auto trace_of = [] {
        loopstep::recording record;
        program_options options;
        options.trace = record.sink();
        run_program(
            "import asyncio\n"
            "async def worker(q, name):\n"
            "    while True:\n"
            "        item = await q.get()\n"
            "        await asyncio.sleep(item)\n"
            "        print(name, item)\n"
            "        q.task_done()\n"
            "async def main():\n"
            "    q = asyncio.Queue()\n"
            "    for i in [3, 1, 2, 1, 2]:\n"
            "        q.put_nowait(i)\n"
            "    workers = [asyncio.create_task(worker(q, f'w{n}')) for n in range(2)]\n"
            "    await q.join()\n"
            "    for w in workers:\n"
            "        w.cancel()\n"
            "asyncio.run(main())\n",
            options);
        std::string text;
        for (const auto& event : record.events()) text += loopstep::to_string(event) + "\n";
        return text;
    };
    const std::string first = trace_of();
    CHECK(first.size() > 1000);
    CHECK(first == trace_of());
}

TEST_CASE("a runaway program stopped by the step limit leaves nothing behind", "[interpreter][errors]") {
    // Found by the fuzzer: tasks spawning tasks through gather until the loop's step limit;
    // the abandoned tasks and gathers referenced each other (LeakSanitizer checks this).
    program_options options;
    options.loop_step_limit = 2'000;
    const auto result = run_program(
        "import asyncio\n"
        "async def hog():\n"
        "    await asyncio.gather(asyncio.sleep(1), hog())\n"
        "asyncio.run(hog())\n",
        options);
    CHECK(result.exit_code == 1);
    REQUIRE(result.error);
    CHECK(result.error->type == "loopstep.LoopBlockedError");
}

TEST_CASE("printing a hugely shared structure is cut short instead of hanging", "[interpreter][errors]") {
    // Found by the fuzzer: each level holds the one below twice, so its text doubles per level.
    const auto result = run_program(
        "pair = (1, 2)\n"
        "for _ in range(80):\n"
        "    pair = (pair, pair)\n"
        "text = repr(pair)\n"
        "print(len(text) < 200_000_000, '...' in text)\n");
    CHECK(result.exit_code == 0);
    CHECK(result.output == "True True\n");
}

// What one run may spend (run_limits): past any limit the run ends with RunLimitError at the
// line where it stopped, even when the program catches it, and what ran before is kept.
#include <catch2/catch.hpp>

#include "loopstep/python/run_program.hpp"
#include "loopstep/recording.hpp"

using namespace loopstep;
using namespace loopstep::python;

namespace {
bool mentions(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }
}  // namespace

TEST_CASE("a run past its step limit stops, even inside a try that catches everything", "[interpreter][limits]") {
    program_options options;
    options.limits.steps = 50'000;
    const auto result = run_program(
        "import asyncio\n"
        "async def main():\n"
        "    print('started')\n"
        "    while True:\n"
        "        try:\n"
        "            await asyncio.sleep(0)\n"
        "        except BaseException:\n"
        "            print('caught it')\n"
        "asyncio.run(main())\n",
        options);
    CHECK(result.exit_code == 1);
    REQUIRE(result.error);
    CHECK(result.error->type == "loopstep.RunLimitError");
    CHECK(mentions(result.error->message, "50,000 steps"));
    CHECK(result.output.rfind("started\n", 0) == 0);  // what ran before is kept
    CHECK(result.error->line >= 4);
}

TEST_CASE("calls count as steps: deep call trees without loops are limited too", "[interpreter][limits]") {
    program_options options;
    options.limits.steps = 10'000;
    const auto result = run_program("def fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\nprint(fib(30))\n", options);
    REQUIRE(result.error);
    CHECK(result.error->type == "loopstep.RunLimitError");
    CHECK(result.error->line == 2);
}

TEST_CASE("a run past its event limit stops and its recording keeps the events before", "[interpreter][limits]") {
    recording run;
    program_options options;
    options.trace = run.sink();
    options.limits.events = 5'000;
    const auto result = run_program(
        "import asyncio\n"
        "async def main():\n"
        "    while True:\n"
        "        await asyncio.sleep(0)\n"
        "asyncio.run(main())\n",
        options);
    REQUIRE(result.error);
    CHECK(result.error->type == "loopstep.RunLimitError");
    CHECK(mentions(result.error->message, "5,000 scheduler events"));
    CHECK(run.events().size() == 5'000);
}

TEST_CASE("printing past the output limit stops the run at the print", "[interpreter][limits]") {
    program_options options;
    options.limits.output_bytes = 1'000;
    const auto result = run_program("for i in range(10**9):\n    print('line', i)\n", options);
    REQUIRE(result.error);
    CHECK(result.error->type == "loopstep.RunLimitError");
    CHECK(result.error->line == 2);
    CHECK(result.output.size() <= 1'000);
    CHECK(result.output.rfind("line 0\nline 1\n", 0) == 0);
}

TEST_CASE("memory past the embedder's limit stops the run before the allocation", "[interpreter][limits]") {
    // A stand-in measure: a fixed base plus nothing, so only the requested size decides.
    program_options options;
    options.limits.memory_in_use = [] { return std::size_t(10'000'000); };
    options.limits.memory_bytes = 50'000'000;
    const auto result = run_program("rows = []\nfor i in range(40):\n    rows.append([0] * 10**7)\n", options);
    REQUIRE(result.error);
    CHECK(result.error->type == "loopstep.RunLimitError");
    CHECK(mentions(result.error->message, "50 MB of memory"));
    CHECK(result.error->line == 3);
}

TEST_CASE("a program longer than the source limit is refused before it is parsed", "[interpreter][limits]") {
    program_options options;
    options.limits.source_bytes = 100;
    const auto result = run_program(std::string(200, '#'), options);
    REQUIRE(result.error);
    CHECK(result.error->type == "loopstep.RunLimitError");
    CHECK(mentions(result.error->message, "200 bytes long"));
}

TEST_CASE("non-finite sleeps behave as CPython's", "[interpreter][limits]") {
    const auto result = run_program(
        "import asyncio, time\n"
        "async def main():\n"
        "    await asyncio.sleep(float('nan'))\n"
        "    print(asyncio.get_running_loop().time())\n"
        "    for length in (float('nan'), float('inf')):\n"
        "        try:\n"
        "            time.sleep(length)\n"
        "        except (ValueError, OverflowError) as e:\n"
        "            print(type(e).__name__)\n"
        "    await asyncio.sleep(float('inf'))\n"
        "asyncio.run(main())\n");
    CHECK(result.output == "0.0\nValueError\nOverflowError\n");
    REQUIRE(result.error);
    CHECK(mentions(result.error->message, "infinitely far away"));
}

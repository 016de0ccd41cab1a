// The narration (web/model/narration.hpp) of real runs: the sentence for the event before a cursor.
#include <catch2/catch.hpp>

#include <cctype>
#include <string_view>

#include "recorded_program.hpp"
#include "model/embedded_lessons.hpp"
#include "model/lesson.hpp"
#include "model/narration.hpp"
#include "twelve_requests_program.hpp"

using namespace loopstep;
using namespace loopstep::web;
using Catch::Matchers::Contains;
using Catch::Matchers::EndsWith;
using Catch::Matchers::StartsWith;

namespace {

using loopstep::testing::record;

// The cursor just after the n-th (0-based) event of `kind` at or after virtual time `from`.
std::size_t after_nth(const recording& run, trace_kind kind, std::size_t n, double from = 0) {
    const auto& events = run.events();
    for (std::size_t i = 0; i < events.size(); ++i) {
        if (events[i].kind == kind && events[i].time >= from && n-- == 0) return i + 1;
    }
    FAIL("no such event");
    return 0;
}

std::string name_of(const recording& run, std::size_t cursor) {
    const snapshot state = run.at(cursor);
    const task_view* task = state.find_task(run.events()[cursor - 1].task);
    REQUIRE(task != nullptr);
    return task->name;
}

constexpr const char* named_program = R"(import asyncio

async def worker(n):
    print("worker", n, "starts")
    await asyncio.sleep(0)
    await asyncio.sleep(n)
    if n == 2:
        raise ValueError("bad input")
    return n * 10

async def main():
    a = asyncio.create_task(worker(1), name="fetch-1")
    b = asyncio.create_task(worker(2), name="fetch-2")
    print(await a)
    try:
        await b
    except ValueError as e:
        print("caught", e)
    c = asyncio.create_task(asyncio.sleep(5), name="sleeper")
    await asyncio.sleep(0)
    c.cancel()

asyncio.run(main())
)";

}  // namespace

TEST_CASE("before the first event the narration invites to step; at the end it gives the total time", "[narration]") {
    const auto twelve = record(twelve_requests_program);
    CHECK_THAT(narrate(twelve->run, 0), StartsWith("Nothing has run yet") && Contains("Step"));
    const std::size_t end = twelve->run.events().size();
    CHECK(narrate(twelve->run, end) == "The program finished after 835 s of virtual time.");
    CHECK(narrate(twelve->run, end + 10) == narrate(twelve->run, end));
    CHECK(narrate(twelve->run, end, "min") == "The program finished after 835 min of virtual time.");
}

TEST_CASE("a block names the blocking task, its 5 s and time.sleep", "[narration]") {
    const auto twelve = record(twelve_requests_program);
    const std::size_t cursor = after_nth(twelve->run, trace_kind::blocked, 3, 720);  // the 4th concurrent fetch
    const std::string name = name_of(twelve->run, cursor);
    CHECK(name == "Task-8");
    CHECK(narrate(twelve->run, cursor) ==
          name + " blocks the whole loop for 5 s at line 4 (time.sleep): nothing else can run.");
}

TEST_CASE("a pause names the task, what it awaits, and the task the loop runs next", "[narration]") {
    const auto twelve = record(twelve_requests_program);
    const std::size_t first = after_nth(twelve->run, trace_kind::task_suspended, 1, 720);  // Task-5, after gather's
    const std::string sentence = narrate(twelve->run, first);
    CHECK_THAT(sentence, StartsWith("Task-5 paused") && Contains("asyncio.sleep(55)") &&
                             EndsWith("the loop runs Task-6 next."));

    // The last fetch pauses at 780 s, just when the first fetch's timer is due: no clock jump.
    const std::size_t last = after_nth(twelve->run, trace_kind::task_suspended, 12, 720);
    CHECK_THAT(narrate(twelve->run, last),
               StartsWith("Task-16 paused") && EndsWith("Task-5's asyncio.sleep(55) is due now."));
    // The one-by-one half: each pause leaves the loop with nothing but a timer 55 s away.
    CHECK(narrate(twelve->run, after_nth(twelve->run, trace_kind::task_suspended, 0)) ==
          "Task-1 paused at line 5 on asyncio.sleep(55); nothing is ready, so the clock will jump to 60 s.");

    const std::size_t gather = after_nth(twelve->run, trace_kind::task_suspended, 0, 720);
    CHECK_THAT(narrate(twelve->run, gather), StartsWith("Task-4 paused") && Contains("on asyncio.gather()"));
}

TEST_CASE("the clock jump, a resume, a result and printed text read as sentences", "[narration]") {
    const auto twelve = record(twelve_requests_program);
    const auto& run = twelve->run;
    CHECK(narrate(run, after_nth(run, trace_kind::clock_advanced, 0)) ==
          "Nothing is ready, so the clock jumps to 60 s, when Task-1's asyncio.sleep(55) is due.");
    CHECK(narrate(run, after_nth(run, trace_kind::clock_advanced, 0), "min") ==
          "Nothing is ready, so the clock jumps to 60 min, when Task-1's asyncio.sleep(55) is due.");
    CHECK(narrate(run, after_nth(run, trace_kind::task_resumed, 0)) == "Task-1 starts running.");
    CHECK(narrate(run, after_nth(run, trace_kind::task_resumed, 1)) == "The loop resumes Task-1 (line 5).");
    CHECK(narrate(run, after_nth(run, trace_kind::task_completed, 0, 780)) == "Task-5 finished and returned 0.");
    CHECK(narrate(run, after_nth(run, trace_kind::output, 0)) == "The program printed 'one by one: 720.0 s'.");
    CHECK(narrate(run, after_nth(run, trace_kind::task_scheduled, 1)) ==
          "Task-1 stops waiting on asyncio.sleep(55) and joins the ready queue.");
    // Code keeps its case at the start of a sentence (not "Asyncio.sleep(55) is done").
    CHECK(narrate(run, after_nth(run, trace_kind::future_resolved, 0)) ==
          "The awaited asyncio.sleep(55) is done: Task-1 will be woken up.");
}

TEST_CASE("named tasks: waiting for a task, yields, failures and cancellation", "[narration]") {
    const auto named = record(named_program);
    const auto& run = named->run;
    CHECK(narrate(run, after_nth(run, trace_kind::task_created, 1)) ==
          "Task-1 created the task fetch-1 at line 12; it starts when the loop gets to it.");
    CHECK_THAT(narrate(run, after_nth(run, trace_kind::task_suspended, 0)),
               StartsWith("Task-1 paused") && Contains("waiting for fetch-1") && EndsWith("the loop runs fetch-1 next."));
    CHECK_THAT(narrate(run, after_nth(run, trace_kind::task_yielded, 0)), StartsWith("fetch-1 yields"));
    CHECK(narrate(run, after_nth(run, trace_kind::output, 0)) == "fetch-1 printed 'worker 1 starts'.");
    CHECK(narrate(run, after_nth(run, trace_kind::task_failed, 0)) ==
          "fetch-2 failed at line 8 with ValueError: bad input.");
    CHECK(narrate(run, after_nth(run, trace_kind::task_cancelled, 0)) == "sleeper was cancelled.");
}

TEST_CASE("every event of a run gets one short sentence without trace jargon", "[narration]") {
    for (const char* program : {twelve_requests_program, named_program}) {
        const auto run = record(program);
        const std::size_t count = run->run.events().size();
        for (std::size_t cursor = 0; cursor <= count; ++cursor) {
            const std::string sentence = narrate(run->run, cursor);
            INFO("cursor " << cursor << ": " << sentence);
            CHECK(sentence.size() <= 110);
            CHECK_THAT(sentence, EndsWith("."));
            CHECK_THAT(sentence, !Contains("_") && !Contains("task #") && !Contains("handle"));
        }
    }
}

TEST_CASE("seconds read as a learner writes them", "[narration]") {
    CHECK(format_seconds(5) == "5");
    CHECK(format_seconds(835) == "835");
    CHECK(format_seconds(0.5) == "0.5");
    CHECK(format_seconds(1.25) == "1.25");
    CHECK(format_seconds(0.1 + 0.2) == "0.3");
    CHECK(format_seconds(0) == "0");
}

namespace {

// The first word that follows itself in `sentence` ("waiting waiting"), or "" if none.
std::string doubled_word(const std::string& sentence) {
    std::string previous, word;
    auto letter = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '\''; };
    for (std::size_t i = 0; i <= sentence.size(); ++i) {
        if (i < sentence.size() && letter(sentence[i])) {
            word += sentence[i];
            continue;
        }
        if (word.empty()) continue;
        const bool number = std::isdigit(static_cast<unsigned char>(word[0]));
        if (!number && word == previous) return word;
        previous = word;
        word.clear();
    }
    return "";
}

}  // namespace

TEST_CASE("no step of any chapter repeats a word twice in a row or the step before it", "[narration][content]") {
    CHECK(doubled_word("stops waiting waiting for eggs") == "waiting");
    CHECK(doubled_word("fetch-1 waits 1 1 s") == "");
    for (const chapter& chapter : parse_lessons(embedded_lesson_files())) {
        if (chapter.scenario.empty()) continue;
        std::vector<int> defaults;
        for (const lesson_param& param : chapter.params) defaults.push_back(param.value);
        const auto run = record(fill_params(chapter, defaults));
        std::string before;
        for (std::size_t cursor = 1; cursor <= run->run.events().size(); ++cursor) {
            const std::string sentence = narrate(run->run, cursor);
            INFO(chapter.file << " step " << cursor << ": " << sentence);
            CHECK(doubled_word(sentence) == "");
            CHECK(sentence != before);
            before = sentence;
        }
    }
}

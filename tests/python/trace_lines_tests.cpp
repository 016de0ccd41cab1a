// Source lines and pending futures in the trace of Python programs (trace.hpp's line,
// recording.hpp's task_view::line and snapshot::futures): what the viewer narrates from.
#include <catch2/catch.hpp>

#include <functional>
#include <vector>
#include <string>

#include "loopstep/python/run_program.hpp"
#include "loopstep/recording.hpp"

using loopstep::recording;
using loopstep::snapshot;
using loopstep::task_id;
using loopstep::trace_event;
using loopstep::trace_kind;

namespace {

recording traced(const char* source, std::string expected_output) {
    recording record;
    loopstep::python::program_options options;
    options.trace = record.sink();
    const auto result = loopstep::python::run_program(source, options);
    INFO(result.error_output);
    REQUIRE(result.exit_code == 0);
    REQUIRE(result.output == expected_output);
    return record;
}

task_id task_named(const recording& record, const std::string& name) {
    for (const auto& task : record.latest().tasks) {
        if (task.name == name) return task.id;
    }
    FAIL("no task named " << name);
    return 0;
}

// The number of events up to and including the first one that matches (a cursor for at()).
std::size_t cursor_after(const recording& record, const std::function<bool(const trace_event&)>& matches) {
    const auto& events = record.events();
    for (std::size_t i = 0; i < events.size(); ++i) {
        if (matches(events[i])) return i + 1;
    }
    FAIL("no such event");
    return 0;
}

const trace_event& event_at(const recording& record, std::size_t cursor) { return record.events().at(cursor - 1); }

std::size_t after_event(const recording& record, trace_kind kind, task_id task, std::size_t from = 0) {
    return cursor_after(record, [&](const trace_event& e) { return e.seq > from && e.kind == kind && e.task == task; });
}

const char* twelve_urls =
    "import asyncio, time\n"
    "\n"
    "async def fetch(i):\n"
    "    time.sleep(5)              # line 4\n"
    "    await asyncio.sleep(55)    # line 5\n"
    "    return i\n"
    "\n"
    "async def concurrently():\n"
    "    await asyncio.gather(*(fetch(i) for i in range(12)))\n"
    "    print('done in', asyncio.get_running_loop().time())\n"
    "\n"
    "asyncio.run(concurrently())\n";

}  // namespace

TEST_CASE("a fetch task's events carry the lines of time.sleep, the await and the return", "[trace][lines]") {
    const recording record = traced(twelve_urls, "done in 115.0\n");
    const task_id fetch = task_named(record, "Task-5");  // Task-1 is concurrently(), then fetch(0..11)
    const task_id main = task_named(record, "Task-1");

    const trace_event& blocked = event_at(record, after_event(record, trace_kind::blocked, fetch));
    CHECK(blocked.line == 4);
    CHECK(blocked.time_value == 5);
    const std::size_t suspended_at = after_event(record, trace_kind::task_suspended, fetch);
    const trace_event& suspended = event_at(record, suspended_at);
    CHECK(suspended.detail == "sleep(55)");
    CHECK(suspended.line == 5);
    CHECK_THAT(loopstep::to_string(suspended), Catch::Matchers::Contains("\"sleep(55)\" @L5 frames=fetch@L5("));
    // It continues where it paused, then returns on line 6.
    CHECK(event_at(record, after_event(record, trace_kind::task_resumed, fetch, suspended.seq)).line == 5);
    CHECK(event_at(record, after_event(record, trace_kind::task_completed, fetch)).line == 6);

    const trace_event& main_waits = event_at(record, after_event(record, trace_kind::task_suspended, main));
    CHECK(main_waits.line == 9);
    CHECK(event_at(record, after_event(record, trace_kind::output, main)).line == 10);
    CHECK(event_at(record, after_event(record, trace_kind::task_completed, main)).line == 10);
}

TEST_CASE("a task paused inside an awaited coroutine is at the innermost await", "[trace][lines]") {
    const recording record = traced(
        "import asyncio\n"
        "async def fetch(i):\n"
        "    await asyncio.sleep(55)\n"
        "    return i\n"
        "async def main():\n"
        "    for i in range(2):\n"
        "        await fetch(i)\n"
        "    await asyncio.sleep(1)\n"
        "asyncio.run(main())\n",
        "");
    const task_id main = task_named(record, "Task-1");
    std::vector<int> lines;
    for (const auto& event : record.events()) {
        if (event.kind == trace_kind::task_suspended && event.task == main) lines.push_back(event.line);
    }
    CHECK(lines == std::vector<int>{3, 3, 8});
}

TEST_CASE("task_view.line follows the task from cursor to cursor", "[trace][lines][recording]") {
    const recording record = traced(twelve_urls, "done in 115.0\n");
    const task_id fetch = task_named(record, "Task-5");
    auto line_at = [&](std::size_t cursor) {
        const snapshot state = record.at(cursor);
        const loopstep::task_view* task = state.find_task(fetch);
        REQUIRE(task);
        return task->line;
    };
    const std::size_t created = after_event(record, trace_kind::task_created, fetch);
    const std::size_t blocked = after_event(record, trace_kind::blocked, fetch);
    const std::size_t suspended = after_event(record, trace_kind::task_suspended, fetch);
    const std::size_t resumed = after_event(record, trace_kind::task_resumed, fetch, event_at(record, suspended).seq);
    const std::size_t completed = after_event(record, trace_kind::task_completed, fetch);
    CHECK(line_at(created) == 0);  // not started: nowhere yet
    CHECK(line_at(blocked) == 4);
    CHECK(line_at(suspended - 1) == 5);  // its sleep timer is set by line 5's call, before the await pauses it
    CHECK(line_at(suspended) == 5);
    CHECK(line_at(resumed - 1) == 5);  // woken, waiting in the ready queue
    CHECK(line_at(resumed) == 5);
    CHECK(line_at(completed) == 6);
    CHECK(record.at(suspended).find_task(fetch)->state == loopstep::task_state::waiting);
}

TEST_CASE("what a running task's code causes moves its marker: the line of create_task, of set_result", "[trace][lines][recording]") {
    const recording record = traced(
        "import asyncio\n"
        "async def courier(box):\n"
        "    await asyncio.sleep(2)\n"
        "    print('handing over')\n"
        "    box.set_result('book')\n"
        "    await asyncio.sleep(1)\n"
        "async def main():\n"
        "    box = asyncio.get_running_loop().create_future()\n"
        "    runner = asyncio.create_task(courier(box))\n"
        "    print(await box)\n"
        "    await runner\n"
        "asyncio.run(main())\n",
        "handing over\nbook\n");
    const task_id main = task_named(record, "Task-1");
    const task_id courier = task_named(record, "Task-2");
    const std::size_t created = after_event(record, trace_kind::task_created, courier);
    CHECK(event_at(record, created).line == 9);
    CHECK(record.at(created).find_task(main)->line == 9);  // main is at its create_task call
    CHECK(record.at(created).find_task(courier)->line == 0);  // the new task has not started
    const std::size_t settled = cursor_after(record, [](const trace_event& e) {
        return e.kind == trace_kind::future_resolved && e.detail == "result 'book'";
    });
    CHECK(event_at(record, settled).line == 5);
    CHECK(record.at(settled).find_task(courier)->line == 5);  // not still on line 4's print
    CHECK(record.at(settled).find_task(main)->line == 10);    // the waiter stays at its await
}

TEST_CASE("print's output event has the line of the print call, in a task or not", "[trace][lines]") {
    const recording record = traced(
        "import asyncio\n"
        "def shout(text):\n"
        "    print(text.upper())\n"
        "print('start')\n"
        "async def main():\n"
        "    shout('hi')\n"
        "    await asyncio.sleep(0)\n"
        "    print('bye')\n"
        "asyncio.run(main())\n",
        "start\nHI\nbye\n");
    std::vector<std::pair<std::string, int>> outputs;
    for (const auto& event : record.events()) {
        if (event.kind == trace_kind::output) outputs.emplace_back(event.detail, event.line);
    }
    using output = std::pair<std::string, int>;
    CHECK(outputs == std::vector<output>{{"start\n", 4}, {"HI\n", 3}, {"bye\n", 8}});
    // A bare yield (sleep(0)) says where the task yielded, and it continues from there.
    const task_id main = task_named(record, "Task-1");
    const std::size_t yielded = after_event(record, trace_kind::task_yielded, main);
    CHECK(event_at(record, yielded).line == 7);
    CHECK(event_at(record, after_event(record, trace_kind::task_resumed, main, event_at(record, yielded).seq)).line == 7);
}

TEST_CASE("two tasks awaiting one loop.create_future() future are listed under it, in wake order", "[trace][futures]") {
    const recording record = traced(
        "import asyncio\n"
        "async def waiter(fut):\n"
        "    return await fut\n"
        "async def main():\n"
        "    fut = asyncio.get_running_loop().create_future()\n"
        "    b = asyncio.create_task(waiter(fut), name='b')\n"
        "    a = asyncio.create_task(waiter(fut), name='a')\n"
        "    await asyncio.sleep(1)\n"
        "    fut.set_result(42)\n"
        "    print(await a, await b)\n"
        "asyncio.run(main())\n",
        "42 42\n");
    const task_id a = task_named(record, "a"), b = task_named(record, "b"), main = task_named(record, "Task-1");
    const std::size_t both_wait = after_event(record, trace_kind::task_suspended, a);
    const trace_event& a_waits = event_at(record, both_wait);
    CHECK(a_waits.line == 3);
    const snapshot waiting = record.at(both_wait);
    const loopstep::future_view* shared = waiting.find_future(a_waits.future);
    REQUIRE(shared);
    CHECK(shared->waiters == std::vector<task_id>{b, a});  // b awaited first, so it is woken first
    CHECK(shared->task == 0);
    CHECK(shared->label == a_waits.detail);
    REQUIRE(waiting.futures.size() == 2);  // and main's sleep(1), a younger future
    CHECK(waiting.futures.front().id == a_waits.future);
    CHECK(waiting.futures.back().waiters == std::vector<task_id>{main});
    CHECK(waiting.futures.back().label == "sleep(1)");

    const std::size_t resolved = cursor_after(record, [&](const trace_event& e) {
        return e.kind == trace_kind::future_resolved && e.future == a_waits.future;
    });
    CHECK(record.at(resolved - 1).find_future(a_waits.future));
    CHECK_FALSE(record.at(resolved).find_future(a_waits.future));

    // Awaiting a task waits on the task's own future: the list says whose it is.
    const std::size_t main_awaits_a = after_event(record, trace_kind::task_suspended, main, event_at(record, resolved).seq);
    const snapshot joining = record.at(main_awaits_a);
    REQUIRE(joining.futures.size() == 1);
    CHECK(joining.futures[0].task == a);
    CHECK(joining.futures[0].waiters == std::vector<task_id>{main});
    CHECK(joining.find_task(a)->future == joining.futures[0].id);
    CHECK(record.latest().futures.empty());
}

TEST_CASE("two tasks waiting on one asyncio.Event each wait on a future of their own", "[trace][futures]") {
    const recording record = traced(
        "import asyncio\n"
        "async def guest(name, door):\n"
        "    await door.wait()\n"
        "    print(name, 'in')\n"
        "async def main():\n"
        "    door = asyncio.Event()\n"
        "    guests = [asyncio.create_task(guest(n, door), name=n) for n in ('ann', 'bob')]\n"
        "    await asyncio.sleep(5)\n"
        "    door.set()\n"
        "    await asyncio.gather(*guests)\n"
        "asyncio.run(main())\n",
        "ann in\nbob in\n");
    const task_id ann = task_named(record, "ann"), bob = task_named(record, "bob");
    const std::size_t both_wait = after_event(record, trace_kind::task_suspended, bob);
    const snapshot waiting = record.at(both_wait);
    // asyncio's Event.wait() makes a future per waiter; set() resolves them all.
    REQUIRE(waiting.futures.size() == 3);
    CHECK(waiting.futures[0].label == "sleep(5)");  // main's, made before the guests ran
    CHECK(waiting.futures[1].label == "Event.wait()");
    CHECK(waiting.futures[1].waiters == std::vector<task_id>{ann});
    CHECK(waiting.futures[2].label == "Event.wait()");
    CHECK(waiting.futures[2].waiters == std::vector<task_id>{bob});
    CHECK(waiting.find_task(ann)->line == 3);
    CHECK(waiting.find_task(bob)->line == 3);

    const std::size_t set_done = after_event(record, trace_kind::task_resumed, ann, event_at(record, both_wait).seq);
    const snapshot opened = record.at(set_done);
    CHECK(opened.futures.size() == 1);  // only main, now waiting for the guests
    for (const auto& future : opened.futures) CHECK(future.label != "Event.wait()");
}

TEST_CASE("a coroutine kept or dropped instead of awaited is a step of its own; awaited or wrapped, it is not", "[trace][lines]") {
    const auto record = traced(
        "import asyncio\n"
        "async def boil(what, minutes):\n"
        "    await asyncio.sleep(minutes)\n"
        "async def main():\n"
        "    coro = boil('water', 3)   # line 5: kept\n"
        "    await coro\n"
        "    await boil('milk', 2)\n"
        "    await asyncio.gather(boil('tea', 1), asyncio.create_task(boil('soup', 1)))\n"
        "    boil('lost', 9)           # line 9: dropped\n"
        "asyncio.run(main())\n",
        "");
    std::vector<std::pair<int, std::string>> made;
    for (const trace_event& event : record.events()) {
        if (event.kind == trace_kind::coroutine_created) made.emplace_back(event.line, event.detail);
    }
    CHECK(made == std::vector<std::pair<int, std::string>>{{5, "boil('water', 3)"}, {9, "boil('lost', 9)"}});
    const std::size_t kept = cursor_after(record, [](const trace_event& e) { return e.kind == trace_kind::coroutine_created; });
    CHECK(event_at(record, kept).task == task_named(record, "Task-1"));
    CHECK(record.at(kept).time == 0);
}

// ---- line events (program_options::line_events): the lesson's line steps ----------------------

namespace {

const char* fetch_twice =
    "import asyncio\n"
    "\n"
    "async def fetch(i):\n"
    "    sent = i * 10.0\n"           // 4
    "    await asyncio.sleep(1)\n"   // 5
    "    total = 0\n"                // 6
    "    for k in range(3):\n"       // 7
    "        total += k\n"           // 8
    "    return sent + total\n"      // 9
    "\n"
    "async def main():\n"
    "    a = await fetch(1)\n"                                  // 12
    "    results = await asyncio.gather(fetch(2), fetch(3))\n"  // 13
    "    print(a, results)\n"                                   // 14
    "\n"
    "asyncio.run(main())\n";

recording traced_lines(const char* source, std::size_t line_events) {
    recording record;
    loopstep::python::program_options options;
    options.trace = record.sink();
    options.line_events = line_events;
    const auto result = loopstep::python::run_program(source, options);
    INFO(result.error_output);
    REQUIRE(result.exit_code == 0);
    return record;
}

std::vector<const trace_event*> line_events_of(const recording& record, task_id task) {
    std::vector<const trace_event*> lines;
    for (const auto& event : record.events()) {
        if (event.kind == trace_kind::line_reached && event.task == task) lines.push_back(&event);
    }
    return lines;
}

std::vector<int> line_numbers(const std::vector<const trace_event*>& events) {
    std::vector<int> lines;
    for (const trace_event* event : events) lines.push_back(event->line);
    return lines;
}

std::string local_of(const loopstep::frame_view& frame, const std::string& name) {
    for (const auto& [local, value] : frame.locals) {
        if (local == name) return value;
    }
    return "(unbound)";
}

}  // namespace

TEST_CASE("Line events: every line a task starts, in order, with the task's frames and locals", "[trace][lines]") {
    const recording record = traced_lines(fetch_twice, 1000);
    // main awaits fetch(1) in its own task: its lines, a loop's turns and all, then main's own;
    // the await that suspends and resumes at line 5 is one line, as sys.settrace sees it.
    const auto main_lines = line_events_of(record, task_named(record, "Task-1"));
    CHECK(line_numbers(main_lines) == std::vector<int>{12, 4, 5, 6, 7, 8, 7, 8, 7, 8, 7, 9, 13, 14});
    const auto fetch3 = line_events_of(record, task_named(record, "Task-3"));
    CHECK(line_numbers(fetch3) == std::vector<int>{4, 5, 6, 7, 8, 7, 8, 7, 8, 7, 9});

    // At the return, the innermost frame holds what the lines before it made: sent = 3 * 10.0,
    // total = 0 + 1 + 2, k the last turn's; the caller's frame is gathering.
    const trace_event& returning = *fetch3.back();
    REQUIRE(returning.frames.size() == 1);
    CHECK(returning.frames[0].function == "fetch");
    CHECK(local_of(returning.frames[0], "sent") == "30.0");
    CHECK(local_of(returning.frames[0], "total") == "3");
    CHECK(local_of(returning.frames[0], "k") == "2");
    // Inside fetch(1), main's frame is the outer one, and `a` is not bound yet.
    const trace_event& in_fetch1 = *main_lines[1];
    REQUIRE(in_fetch1.frames.size() == 2);
    CHECK(in_fetch1.frames[0].function == "fetch");
    CHECK(in_fetch1.frames[1].function == "main");
    CHECK(local_of(in_fetch1.frames[1], "a") == "(unbound)");
    // The recording folds a line event into the task's line and frames.
    const std::size_t cursor = static_cast<std::size_t>(&returning - record.events().data()) + 1;
    const snapshot then = record.at(cursor);
    const auto* task = then.find_task(task_named(record, "Task-3"));
    REQUIRE(task);
    CHECK(task->line == 9);
    CHECK(task->frames == returning.frames);
}

TEST_CASE("Line events are off unless asked for, stop at their budget, and leave the scheduler events as they were", "[trace][lines]") {
    const auto scheduler_events = [](const recording& record) {
        std::vector<std::string> events;
        for (const auto& event : record.events()) {
            if (event.kind == trace_kind::line_reached) continue;
            std::string text = loopstep::to_string(event);
            events.push_back(text.substr(text.find(' ')));  // without the sequence number
        }
        return events;
    };
    const recording without = traced_lines(fetch_twice, 0);
    const recording with_budget = traced_lines(fetch_twice, 10);
    std::size_t lines = 0;
    for (const auto& event : without.events()) lines += event.kind == trace_kind::line_reached;
    CHECK(lines == 0);
    lines = 0;
    for (const auto& event : with_budget.events()) lines += event.kind == trace_kind::line_reached;
    CHECK(lines == 10);
    CHECK(scheduler_events(with_budget) == scheduler_events(without));
}

TEST_CASE("Line events count a one-line loop once and skip the end of a function, as sys.settrace's lines", "[trace][lines]") {
    const recording record = traced_lines(
        "import asyncio\n"
        "async def main():\n"
        "    total = 0\n"                                   // 3
        "    for k in range(4): total += k\n"              // 4
        "    squares = [k * k\n"                            // 5
        "               for k in range(2)]\n"               // 6
        "    try:\n"                                        // 7
        "        pass\n"                                    // 8
        "    finally:\n"
        "        total += 1\n"                              // 10
        "    if total > 100:\n"                             // 11
        "        print('never')\n"                          // 12
        "asyncio.run(main())\n",
        1000);
    CHECK(line_numbers(line_events_of(record, task_named(record, "Task-1"))) == std::vector<int>{3, 4, 5, 6, 5, 6, 5, 6, 5, 7, 8, 10, 11});  // CPython 3.11 sys.settrace's
}

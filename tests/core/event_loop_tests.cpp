// Event loop behaviour: ready queue order, iterations, timers and the virtual clock.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>

#include "loopstep/loopstep.hpp"
#include "loopstep/recording.hpp"
#include "recorder.hpp"

using namespace loopstep;
using loopstep::testing::recorder;

TEST_CASE("call_soon callbacks run in FIFO order", "[event_loop]") {
    event_loop loop;
    recorder log;
    for (int i = 0; i < 5; ++i) loop.call_soon([&log, i] { log(std::to_string(i)); });
    while (loop.step().kind != step_kind::idle) {
    }
    CHECK(log.lines == std::vector<std::string>{"0", "1", "2", "3", "4"});
}

TEST_CASE("callbacks added during an iteration run in the next one, after due timers", "[event_loop]") {
    event_loop loop;
    recorder log;
    loop.call_at(0, [&] { log("timer"); });
    loop.call_soon([&] {
        log("a");
        loop.call_soon([&] { log("a2"); });
    });
    loop.call_soon([&] { log("b"); });
    while (loop.step().kind != step_kind::idle) {
    }
    // Iteration 1 starts with [a, b] plus the due timer appended: [a, b, timer].
    // "a2" was added during iteration 1, so it runs in iteration 2.
    CHECK(log.lines == std::vector<std::string>{"a", "b", "timer", "a2"});
}

TEST_CASE("a timer due at the start of an iteration joins the queue after callbacks queued before it", "[event_loop]") {
    event_loop loop;
    recorder log;
    loop.call_soon([&] {
        log("first");
        loop.call_soon([&] { log("soon"); });
        loop.call_later(0, [&] { log("later(0)"); });
    });
    while (loop.step().kind != step_kind::idle) {
    }
    CHECK(log.lines == std::vector<std::string>{"first", "soon", "later(0)"});
}

TEST_CASE("equal-deadline timers fire in scheduling order", "[event_loop]") {
    event_loop loop;
    recorder log;
    for (int i = 0; i < 20; ++i) loop.call_at(5, [&log, i] { log(std::to_string(i)); });
    loop.call_at(1, [&] { log("early"); });
    while (loop.step().kind != step_kind::idle) {
    }
    REQUIRE(log.lines.size() == 21);
    CHECK(log.lines[0] == "early");
    for (int i = 0; i < 20; ++i) CHECK(log.lines[i + 1] == std::to_string(i));
    CHECK(loop.time() == 5);
}

TEST_CASE("the clock jumps to the next timer when nothing is ready", "[event_loop]") {
    event_loop loop;
    std::vector<double> fired_at;
    loop.call_later(55, [&] { fired_at.push_back(loop.time()); });
    loop.call_later(5, [&] { fired_at.push_back(loop.time()); });
    while (loop.step().kind != step_kind::idle) {
    }
    CHECK(fired_at == std::vector<double>{5, 55});
}

TEST_CASE("a cancelled callback or timer never runs", "[event_loop]") {
    event_loop loop;
    recorder log;
    auto soon = loop.call_soon([&] { log("soon"); });
    auto timer = loop.call_later(10, [&] { log("timer"); });
    loop.call_later(20, [&] { log("kept"); });
    soon.cancel();
    timer.cancel();
    CHECK(timer.cancelled());
    while (loop.step().kind != step_kind::idle) {
    }
    CHECK(log.lines == std::vector<std::string>{"kept"});
    CHECK(loop.time() == 20);
}

TEST_CASE("step runs exactly one callback and reports it", "[event_loop]") {
    event_loop loop;
    int runs = 0;
    loop.call_soon([&] { ++runs; });
    loop.call_soon([&] { ++runs; });
    CHECK(loop.step().kind == step_kind::callback);
    CHECK(runs == 1);
    CHECK(loop.step().kind == step_kind::callback);
    CHECK(runs == 2);
    CHECK(loop.step().kind == step_kind::idle);
}

TEST_CASE("run_forever returns after the iteration in which stop was called", "[event_loop]") {
    event_loop loop;
    recorder log;
    loop.call_soon([&] {
        log("stopper");
        loop.stop();
        loop.call_soon([&] { log("next iteration"); });
    });
    loop.call_soon([&] { log("same iteration"); });
    loop.run_forever();
    CHECK(log.lines == std::vector<std::string>{"stopper", "same iteration"});
    CHECK_FALSE(loop.is_running());
    // With nothing left to stop it, the next run reports the deadlock instead of hanging.
    CHECK_THROWS_AS(loop.run_forever(), deadlock_error);
    CHECK(log.lines.back() == "next iteration");
}

TEST_CASE("a far timer is reached in one clock jump, one event however far", "[event_loop]") {
    recording run;
    event_loop loop({.trace = run.sink()});
    double fired = -1;
    loop.call_later(1e12, [&] { fired = loop.time(); });
    while (loop.step().kind != step_kind::idle) {
    }
    // Past about 97 days now + 1 ns rounds to now: the clock lands one representable step later.
    CHECK(fired == std::nextafter(1e12, INFINITY));
    CHECK(std::count_if(run.events().begin(), run.events().end(),
                        [](const trace_event& e) { return e.kind == trace_kind::clock_advanced; }) == 1);
}

TEST_CASE("a NaN deadline fires when the timer heap brings it to the front, as heapq does", "[event_loop]") {
    // Alone, a NaN timer is due at once (asyncio.sleep(nan) returns at once).
    event_loop alone;
    double fired = -1;
    alone.call_later(std::nan(""), [&] { fired = alone.time(); });
    while (alone.step().kind != step_kind::idle) {
    }
    CHECK(fired == 0);
    // Behind an earlier timer it compares false both ways and stays a child in the heap: it
    // fires with that timer, at 2 s (CPython: wait_for(sleep(nan), 2) times out).
    event_loop behind;
    std::vector<std::string> order;
    behind.call_later(2, [&] { order.push_back("two at " + std::to_string(int(behind.time()))); });
    behind.call_later(std::nan(""), [&] { order.push_back("nan at " + std::to_string(int(behind.time()))); });
    while (behind.step().kind != step_kind::idle) {
    }
    CHECK(order == std::vector<std::string>{"two at 2", "nan at 2"});
}

TEST_CASE("a timer at infinity never fires: with only it left the loop reports a deadlock", "[event_loop]") {
    event_loop loop;
    std::vector<std::string> fired;
    loop.call_later(INFINITY, [&] { fired.push_back("infinity"); });
    loop.call_later(2, [&] { fired.push_back("two"); });
    CHECK_THROWS_AS(loop.run_forever(), deadlock_error);
    CHECK(fired == std::vector<std::string>{"two"});
    CHECK(loop.time() == 2);
}

TEST_CASE("block_for advances the clock while nothing else runs", "[event_loop]") {
    event_loop loop;
    std::vector<double> times;
    loop.call_soon([&] {
        loop.block_for(5);
        times.push_back(loop.time());
    });
    loop.call_later(1, [&] { times.push_back(loop.time()); });
    while (loop.step().kind != step_kind::idle) {
    }
    // The 1 s timer could not fire during the block; it fires late, at 5 s.
    CHECK(times == std::vector<double>{5, 5});
}

TEST_CASE("event loops are independent values", "[event_loop]") {
    event_loop a;
    event_loop b;
    a.call_later(10, [] {});
    while (a.step().kind != step_kind::idle) {
    }
    CHECK(a.time() == 10);
    CHECK(b.time() == 0);
}

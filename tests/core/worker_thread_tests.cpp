// Worker threads (asyncio.to_thread) on the virtual clock: a sleep in a thread lets the
// loop run on; the thread's end reaches the loop as a callback. Expectations from the
// conformance oracle's model of CPython's threads running instantly in virtual time.
#include <catch2/catch.hpp>

#include "loopstep/loopstep.hpp"
#include "loopstep/worker_thread.hpp"
#include "recorder.hpp"

using namespace loopstep;
using loopstep::testing::recorder;
using loopstep::testing::run_all;

TEST_CASE("a thread's sleep takes virtual time while a task keeps ticking", "[thread]") {
    event_loop loop;
    recorder log;
    thread_pool pool;
    auto ticker = [&]() -> coro<void> {
        for (int i = 0; i < 3; ++i) {
            log("tick " + std::to_string(int(loop.time())));
            co_await sleep(1);
        }
    };
    auto main_body = [&]() -> coro<int> {
        auto done = create_future<int>(loop);
        int segment = 0;
        worker_thread::start(loop, pool, [&]() -> thread_step {
            log("thread runs at " + std::to_string(int(loop.time())));
            if (segment++ == 0) return {2.5, 0, "time.sleep(2.5)"};
            return {};
        }, [&, done] { done->set_result(42); });
        log("submitted");
        co_return co_await done;
    };
    auto tick = create_task(loop, ticker());
    auto main_task = create_task(loop, main_body());
    run_all(loop);
    CHECK(log.lines == std::vector<std::string>{"tick 0", "thread runs at 0", "submitted", "tick 1", "tick 2",
                                                "thread runs at 2"});
    CHECK(main_task->result() == 42);
    CHECK(pool.threads_started() == 1);
}

TEST_CASE("threads are named as the default executor names them, idle ones reused", "[thread]") {
    event_loop loop;
    thread_pool pool;
    std::vector<std::string> names;
    auto sleeper = [](double seconds) {
        auto slept = std::make_shared<bool>(false);
        return [slept, seconds]() -> thread_step {
            if (*slept) return {};
            *slept = true;
            return {seconds, 0, "time.sleep"};
        };
    };
    names.push_back(worker_thread::start(loop, pool, sleeper(1), [] {})->name());
    names.push_back(worker_thread::start(loop, pool, sleeper(2), [] {})->name());
    run_all(loop);
    names.push_back(worker_thread::start(loop, pool, sleeper(1), [] {})->name());
    CHECK(names == std::vector<std::string>{"asyncio_0", "asyncio_1", "asyncio_0"});
}

TEST_CASE("a thread is a task row in the recording, waiting while it sleeps", "[thread][recording]") {
    recording record;
    event_loop loop({.trace = record.sink()});
    thread_pool pool;
    bool slept = false;
    auto thread = worker_thread::start(loop, pool, [&]() -> thread_step {
        if (slept) return {std::nullopt, 7, "None"};
        slept = true;
        return {3, 6, "time.sleep(3)"};
    }, [] {});
    const snapshot sleeping = record.latest();
    REQUIRE(sleeping.tasks.size() == 1);
    CHECK(sleeping.tasks[0].name == "asyncio_0");
    CHECK(sleeping.tasks[0].thread);
    CHECK(sleeping.tasks[0].state == task_state::waiting);
    CHECK(sleeping.tasks[0].waiting_on == "time.sleep(3)");
    CHECK(sleeping.tasks[0].line == 6);
    REQUIRE(sleeping.timers.size() == 1);
    CHECK(sleeping.timers[0].task == thread->id());
    run_all(loop);
    CHECK(record.latest().tasks[0].state == task_state::finished);
    CHECK(record.latest().tasks[0].line == 7);
    CHECK(thread->finished());
}

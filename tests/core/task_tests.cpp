// Tasks and coroutines: start order, inline awaits, results, errors and cancellation.
#include <catch2/catch.hpp>

#include <stdexcept>

#include "loopstep/loopstep.hpp"
#include "recorder.hpp"

using namespace loopstep;
using loopstep::testing::recorder;
using loopstep::testing::run_all;

namespace {

coro<int> answer() { co_return 42; }

coro<int> add_one(int value) { co_return value + 1; }
}  // namespace

TEST_CASE("a coroutine does not start until awaited or wrapped in a task", "[task]") {
    event_loop loop;
    bool started = false;
    auto body = [&]() -> coro<void> {
        started = true;
        co_return;
    };
    auto pending = body();
    run_all(loop);
    CHECK_FALSE(started);
    auto task = create_task(loop, std::move(pending));
    CHECK_FALSE(started);
    run_all(loop);
    CHECK(started);
    CHECK(task->done());
}

TEST_CASE("a new task runs only after its creator yields", "[task]") {
    event_loop loop;
    recorder log;
    auto child = [&]() -> coro<void> {
        log("child runs");
        co_return;
    };
    auto parent = [&]() -> coro<void> {
        auto t = create_task(loop, child());
        log("parent created child");
        log("parent still running");
        co_await yield_now();
        log("parent resumed");
        co_await t;
    };
    auto main = create_task(loop, parent());
    run_all(loop);
    CHECK(log.lines == std::vector<std::string>{"parent created child", "parent still running", "child runs",
                                                "parent resumed"});
}

TEST_CASE("awaiting a coroutine runs it inline, without a trip through the loop", "[task]") {
    event_loop loop;
    auto outer = [&]() -> coro<int> {
        int value = co_await answer();
        value = co_await add_one(value);
        co_return value;
    };
    auto task = create_task(loop, outer());
    // One step of the loop: the task's first step runs both inline awaits to completion.
    CHECK(loop.step().kind == step_kind::task_step);
    CHECK(task->done());
    CHECK(task->result() == 43);
}

TEST_CASE("sleep(0) round-robins ready tasks in FIFO order", "[task][sleep]") {
    event_loop loop;
    recorder log;
    auto worker = [&](std::string name) -> coro<void> {
        for (int i = 0; i < 3; ++i) {
            log(name + std::to_string(i));
            co_await sleep(0);
        }
    };
    auto a = create_task(loop, worker("a"));
    auto b = create_task(loop, worker("b"));
    auto c = create_task(loop, worker("c"));
    run_all(loop);
    CHECK(log.lines == std::vector<std::string>{"a0", "b0", "c0", "a1", "b1", "c1", "a2", "b2", "c2"});
    CHECK(loop.time() == 0);
}

TEST_CASE("sleep(3600) completes instantly on the virtual clock", "[task][sleep]") {
    event_loop loop;
    double woke_at = -1;
    auto sleeper = [&]() -> coro<void> {
        co_await sleep(3600);
        woke_at = loop.time();
    };
    auto task = create_task(loop, sleeper());
    run_all(loop);
    CHECK(woke_at == 3600);
    CHECK(loop.time() == 3600);
}

TEST_CASE("sleeping tasks wake in deadline order, equal deadlines in sleep order", "[task][sleep]") {
    event_loop loop;
    recorder log;
    auto sleeper = [&](std::string name, double seconds) -> coro<void> {
        co_await sleep(seconds);
        log(name);
    };
    auto a = create_task(loop, sleeper("a", 2));
    auto b = create_task(loop, sleeper("b", 1));
    auto c = create_task(loop, sleeper("c", 2));
    auto d = create_task(loop, sleeper("d", 1));
    run_all(loop);
    CHECK(log.lines == std::vector<std::string>{"b", "d", "a", "c"});
}

TEST_CASE("a task's result and exception are stored and rethrown at the awaiter", "[task]") {
    event_loop loop;
    auto failing = []() -> coro<int> {
        co_await sleep(1);
        throw std::runtime_error("boom");
    };
    std::string caught;
    auto waiter = [&]() -> coro<void> {
        auto t = create_task(loop, failing());
        try {
            co_await t;
        } catch (const std::runtime_error& error) {
            caught = error.what();
        }
    };
    auto task = create_task(loop, waiter());
    run_all(loop);
    CHECK(caught == "boom");
    CHECK(task->done());
    CHECK_FALSE(task->cancelled());
}

TEST_CASE("a task's default name is Task-N, and named tasks take a number too (as in CPython)", "[task]") {
    event_loop loop;
    auto body = []() -> coro<void> { co_return; };
    auto first = create_task(loop, body());
    auto named = create_task(loop, body(), "fetch-1");
    auto second = create_task(loop, body());
    CHECK(first->name() == "Task-1");
    CHECK(named->name() == "fetch-1");
    CHECK(second->name() == "Task-3");
    run_all(loop);
}

TEST_CASE("current_task is the running task, and none between steps", "[task]") {
    event_loop loop;
    std::string seen;
    auto body = [&]() -> coro<void> {
        seen = current_task(loop)->name();
        task_base& me = co_await this_task();
        CHECK(&me == current_task(loop));
        event_loop& running = co_await get_running_loop();
        CHECK(&running == &loop);
    };
    auto t = create_task(loop, body(), "worker");
    CHECK(current_task(loop) == nullptr);
    run_all(loop);
    CHECK(seen == "worker");
    CHECK(current_task(loop) == nullptr);
}

TEST_CASE("a future resolved by someone else wakes its awaiter with the value", "[future]") {
    event_loop loop;
    auto fut = create_future<std::string>(loop);
    std::string got;
    auto waiter = [&]() -> coro<void> { got = co_await fut; };
    auto resolver = [&]() -> coro<void> {
        co_await sleep(3);
        fut->set_result("hello");
    };
    auto w = create_task(loop, waiter());
    auto r = create_task(loop, resolver());
    run_all(loop);
    CHECK(got == "hello");
    CHECK(loop.time() == 3);
}

TEST_CASE("done-callbacks run via call_soon in registration order", "[future]") {
    event_loop loop;
    recorder log;
    auto fut = create_future<int>(loop);
    fut->add_done_callback([&](future_base&) { log("first"); });
    fut->add_done_callback([&](future_base&) { log("second"); });
    const auto token = fut->add_done_callback([&](future_base&) { log("removed"); });
    CHECK(fut->remove_done_callback(token) == 1);
    fut->set_result(7);
    CHECK(log.lines.empty());  // scheduled, not called
    run_all(loop);
    CHECK(log.lines == std::vector<std::string>{"first", "second"});
    fut->add_done_callback([&](future_base&) { log("late"); });  // already done: scheduled at once
    run_all(loop);
    CHECK(log.lines.back() == "late");
}

TEST_CASE("setting a result twice is an invalid state error", "[future]") {
    event_loop loop;
    auto fut = create_future<int>(loop);
    CHECK_THROWS_AS(fut->result(), invalid_state_error);
    fut->set_result(1);
    CHECK_THROWS_AS(fut->set_result(2), invalid_state_error);
    CHECK_FALSE(fut->cancel());
    CHECK(fut->result() == 1);
}

TEST_CASE("a million immediately-completing awaits in a row do not overflow the stack", "[task][stack]") {
    event_loop loop;
    auto ready_future = create_future<int>(loop);
    ready_future->set_result(1);
    auto body = [&]() -> coro<long> {
        long total = 0;
        for (int i = 0; i < 1'000'000; ++i) total += co_await add_one(0);
        for (int i = 0; i < 1'000'000; ++i) total += co_await ready_future;
        co_return total;
    };
    auto task = create_task(loop, body());
    run_all(loop);
    CHECK(task->result() == 2'000'000);
}

namespace {
coro<int> nested(int depth) {
    if (depth == 0) co_return 0;
    co_return 1 + co_await nested(depth - 1);
}
}  // namespace

TEST_CASE("a deep chain of nested inline awaits is resumed from the driver loop", "[task][stack]") {
    event_loop loop;
    auto task = create_task(loop, nested(100'000));
    run_all(loop);
    CHECK(task->result() == 100'000);
}

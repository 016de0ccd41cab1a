// Task.cancel(): where CancelledError is raised, what finally-blocks see, and what cancel() returns.
#include <catch2/catch.hpp>

#include "loopstep/loopstep.hpp"
#include "recorder.hpp"

using namespace loopstep;
using loopstep::testing::recorder;
using loopstep::testing::run_all;

TEST_CASE("cancel before the first step: the body never runs", "[cancel]") {
    event_loop loop;
    bool ran = false;
    auto body = [&]() -> coro<void> {
        ran = true;
        co_return;
    };
    auto task = create_task(loop, body());
    CHECK(task->cancel());
    CHECK_FALSE(task->cancelled());  // only once the coroutine has exited with it
    run_all(loop);
    CHECK_FALSE(ran);
    CHECK(task->cancelled());
    CHECK_THROWS_AS(task->result(), cancelled_error);
}

TEST_CASE("cancel while sleeping raises CancelledError at the await, finally runs", "[cancel]") {
    event_loop loop;
    recorder log;
    auto slow = [&]() -> coro<void> {
        try {
            log("waiting");
            co_await sleep(10);
            log("never");
        } catch (const cancelled_error&) {
            log("cancelled at " + std::to_string(int(loop.time())));
            throw;
        }
    };
    auto main = [&]() -> coro<void> {
        auto t = create_task(loop, slow());
        co_await sleep(1);
        log(std::string("cancel returned ") + (t->cancel() ? "True" : "False"));
        log(std::string("cancelled yet? ") + (t->cancelled() ? "True" : "False"));
        try {
            co_await t;
        } catch (const cancelled_error&) {
            log("main saw CancelledError");
        }
        log(std::string("cancel again returns ") + (t->cancel() ? "True" : "False"));
    };
    auto m = create_task(loop, main());
    run_all(loop);
    CHECK(log.lines == std::vector<std::string>{"waiting", "cancel returned True", "cancelled yet? False",
                                                "cancelled at 1", "main saw CancelledError",
                                                "cancel again returns False"});
    // The sleep's timer was cancelled: the clock never jumped to 10.
    CHECK(loop.time() == 1);
}

TEST_CASE("a swallowed cancellation lets the task finish normally", "[cancel]") {
    event_loop loop;
    auto stubborn = [&]() -> coro<int> {
        try {
            co_await sleep(10);
        } catch (const cancelled_error&) {
        }
        co_await sleep(1);
        co_return 7;
    };
    auto task = create_task(loop, stubborn());
    loop.call_later(2, [&] { task->cancel(); });
    run_all(loop);
    CHECK_FALSE(task->cancelled());
    CHECK(task->result() == 7);
    CHECK(loop.time() == 3);
}

TEST_CASE("cancelling a task cancels the task it awaits", "[cancel]") {
    event_loop loop;
    recorder log;
    auto inner = [&]() -> coro<void> {
        try {
            co_await sleep(100);
        } catch (const cancelled_error&) {
            log("inner cancelled");
            throw;
        }
    };
    task_ptr<void> inner_task;
    auto outer = [&]() -> coro<void> {
        inner_task = create_task(loop, inner());
        try {
            co_await inner_task;
        } catch (const cancelled_error&) {
            log("outer cancelled");
            throw;
        }
    };
    auto outer_task = create_task(loop, outer());
    loop.call_later(5, [&] { outer_task->cancel("stop now"); });
    run_all(loop);
    CHECK(log.lines == std::vector<std::string>{"inner cancelled", "outer cancelled"});
    CHECK(inner_task->cancelled());
    CHECK(outer_task->cancelled());
    CHECK(outer_task->cancel_message() == "stop now");
}

TEST_CASE("the cancel message reaches the awaiting code", "[cancel]") {
    event_loop loop;
    std::string message;
    auto body = [&]() -> coro<void> {
        try {
            co_await sleep(5);
        } catch (const cancelled_error& cancelled) {
            message = cancelled.message();
            throw;
        }
    };
    auto task = create_task(loop, body());
    loop.call_later(1, [&] { task->cancel("because"); });
    run_all(loop);
    CHECK(message == "because");
}

TEST_CASE("a task that cancels itself while running is cancelled at its next await", "[cancel]") {
    event_loop loop;
    recorder log;
    auto body = [&]() -> coro<void> {
        task_base& me = co_await this_task();
        me.request_cancel();
        log("still running after cancel()");
        try {
            co_await sleep(1);
        } catch (const cancelled_error&) {
            log("cancelled at the await");
            throw;
        }
    };
    auto task = create_task(loop, body());
    run_all(loop);
    CHECK(log.lines == std::vector<std::string>{"still running after cancel()", "cancelled at the await"});
    CHECK(task->cancelled());
    CHECK(loop.time() == 0);
}

TEST_CASE("cancelling a finished task returns false and changes nothing", "[cancel]") {
    event_loop loop;
    auto body = []() -> coro<int> { co_return 3; };
    auto task = create_task(loop, body());
    run_all(loop);
    CHECK_FALSE(task->cancel());
    CHECK(task->result() == 3);
}

TEST_CASE("cancelling a future wakes its awaiter with CancelledError", "[cancel][future]") {
    event_loop loop;
    auto fut = create_future<int>(loop);
    bool saw_cancel = false;
    auto waiter = [&]() -> coro<void> {
        try {
            co_await fut;
        } catch (const cancelled_error&) {
            saw_cancel = true;
        }
    };
    auto task = create_task(loop, waiter());
    loop.call_later(1, [&] { fut->cancel(); });
    run_all(loop);
    CHECK(saw_cancel);
    CHECK(fut->cancelled());
    CHECK_FALSE(task->cancelled());  // it caught the error and returned
}

TEST_CASE("cancelling() counts requests and uncancel() takes them back", "[cancel]") {
    event_loop loop;
    auto body = []() -> coro<void> { co_await sleep(1); };
    auto task = create_task(loop, body());
    CHECK(task->cancelling() == 0);
    task->cancel();
    task->cancel();
    CHECK(task->cancelling() == 2);
    CHECK(task->uncancel() == 1);
    run_all(loop);
    CHECK(task->cancelled());
}

// wait_for, the timeout scope and shield.
#include <catch2/catch.hpp>

#include "loopstep/loopstep.hpp"
#include "recorder.hpp"

using namespace loopstep;
using loopstep::testing::after;
using loopstep::testing::recorder;
using loopstep::testing::run_all;

TEST_CASE("wait_for returns the result when it is in time", "[wait_for]") {
    event_loop loop;
    auto main = [&]() -> coro<int> { co_return co_await wait_for(after(2, 5), 3.0); };
    CHECK(run(loop, main()) == 5);
    CHECK(loop.time() == 2);
}

TEST_CASE("wait_for times out, and the inner task is finished when it returns", "[wait_for]") {
    event_loop loop;
    recorder log;
    auto slow = [&]() -> coro<int> {
        try {
            co_await sleep(10);
        } catch (const cancelled_error&) {
            log("inner cleanup");
            throw;
        }
        co_return 1;
    };
    task_ptr<int> inner;
    auto main = [&]() -> coro<void> {
        inner = create_task(loop, slow());
        try {
            co_await wait_for(future_ptr<int>(inner), 2.0);
        } catch (const timeout_error&) {
            log(std::string("timeout; inner done? ") + (inner->done() ? "True" : "False"));
        }
    };
    run(loop, main());
    CHECK(log.lines == std::vector<std::string>{"inner cleanup", "timeout; inner done? True"});
    CHECK(inner->cancelled());
    CHECK(loop.time() == 2);
}

TEST_CASE("wait_for with a zero timeout cancels at once unless already done", "[wait_for]") {
    event_loop loop;
    auto main = [&]() -> coro<bool> {
        try {
            co_await wait_for(after(1, 1), 0.0);
        } catch (const timeout_error&) {
            co_return true;
        }
        co_return false;
    };
    CHECK(run(loop, main()));
    CHECK(loop.time() == 0);
}

TEST_CASE("cancelling the task in wait_for stays a CancelledError and cancels the inner task", "[wait_for][cancel]") {
    event_loop loop;
    task_ptr<int> inner;
    auto waiting = [&]() -> coro<void> {
        inner = create_task(loop, after(10, 1));
        co_await wait_for(future_ptr<int>(inner), 5.0);
    };
    auto outer = create_task(loop, waiting());
    loop.call_later(1, [&] { outer->cancel(); });
    run_all(loop);
    CHECK(outer->cancelled());  // not a TimeoutError
    CHECK(inner->cancelled());
    CHECK(loop.time() == 1);
}

TEST_CASE("a timeout scope turns its own cancellation into TimeoutError", "[timeout]") {
    event_loop loop;
    recorder log;
    auto body = [&]() -> coro<void> {
        log("start");
        co_await sleep(10);
        log("never");
    };
    auto main = [&]() -> coro<void> {
        try {
            co_await with_timeout(3.0, body());
        } catch (const timeout_error&) {
            log("timed out at " + std::to_string(int(loop.time())));
        }
        task_base& me = co_await this_task();
        CHECK(me.cancelling() == 0);  // the scope took its cancel request back
    };
    run(loop, main());
    CHECK(log.lines == std::vector<std::string>{"start", "timed out at 3"});
}

TEST_CASE("a timeout scope that does not expire changes nothing", "[timeout]") {
    event_loop loop;
    auto main = [&]() -> coro<int> { co_return co_await with_timeout(5.0, after(1, 9)); };
    CHECK(run(loop, main()) == 9);
    CHECK(loop.time() == 1);
}

TEST_CASE("an outer cancellation inside a timeout scope stays a CancelledError", "[timeout][cancel]") {
    event_loop loop;
    auto body = [&]() -> coro<void> { co_await with_timeout(5.0, after(10, 1)); };
    auto task = create_task(loop, body());
    loop.call_later(1, [&] { task->cancel(); });
    run_all(loop);
    CHECK(task->cancelled());
}

TEST_CASE("timeout scope misuse is reported with its state", "[timeout]") {
    event_loop loop;
    timeout_scope scope(std::nullopt);
    CHECK_THROWS_WITH(scope.reschedule(1.0), "Timeout has not been entered");
    CHECK(scope.to_string() == "<Timeout [created]>");
}

TEST_CASE("shield keeps the inner task running when the awaiter is cancelled", "[shield][cancel]") {
    event_loop loop;
    task_ptr<int> inner;
    auto waiting = [&]() -> coro<void> {
        inner = create_task(loop, after(5, 42));
        co_await shield(loop, future_ptr<int>(inner));
    };
    auto outer = create_task(loop, waiting());
    loop.call_later(1, [&] { outer->cancel(); });
    run_all(loop);
    CHECK(outer->cancelled());
    CHECK_FALSE(inner->cancelled());
    CHECK(inner->result() == 42);
    CHECK(loop.time() == 5);
}

TEST_CASE("shield passes the inner result through when not cancelled", "[shield]") {
    event_loop loop;
    auto main = [&]() -> coro<int> { co_return co_await shield(loop, after(2, 7)); };
    CHECK(run(loop, main()) == 7);
}

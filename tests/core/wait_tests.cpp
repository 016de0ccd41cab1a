// asyncio.wait: FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED and the timeout (expectations
// from CPython 3.11 on the virtual clock).
#include <catch2/catch.hpp>

#include "loopstep/loopstep.hpp"
#include "loopstep/wait.hpp"
#include "recorder.hpp"

using namespace loopstep;
using loopstep::testing::run_all;

namespace {
coro<int> after(double delay, int value, bool fail = false) {
    co_await sleep(delay);
    if (fail) throw std::runtime_error("boom");
    co_return value;
}

struct waited {
    std::size_t done = 0, pending = 0;
    double at = -1;
};

waited run_wait(return_when when, std::optional<double> timeout, bool middle_fails = false) {
    event_loop loop;
    waited seen;
    std::vector<task_ptr<int>> children;
    auto body = [&]() -> coro<void> {
        children.push_back(create_task(loop, after(3, 1)));
        children.push_back(create_task(loop, after(1, 2, middle_fails)));
        children.push_back(create_task(loop, after(2, 3)));
        std::vector<std::shared_ptr<future_base>> futures(children.begin(), children.end());
        wait_outcome outcome = co_await wait(futures, timeout, when);
        seen = {outcome.done.size(), outcome.pending.size(), loop.time()};
    };
    auto t = create_task(loop, body());
    run_all(loop);
    return seen;
}
}  // namespace

TEST_CASE("wait(FIRST_COMPLETED) returns when one is done, the others still pending", "[wait]") {
    const waited w = run_wait(return_when::first_completed, std::nullopt);
    CHECK(w.done == 1);
    CHECK(w.pending == 2);
    CHECK(w.at == 1);
}

TEST_CASE("wait(ALL_COMPLETED) waits for all; a timeout ends it early without cancelling", "[wait]") {
    const waited all = run_wait(return_when::all_completed, std::nullopt);
    CHECK(all.done == 3);
    CHECK(all.pending == 0);
    CHECK(all.at == 3);
    const waited timed = run_wait(return_when::all_completed, 2.5);
    CHECK(timed.done == 2);
    CHECK(timed.pending == 1);
    CHECK(timed.at == 2.5);
}

TEST_CASE("wait(FIRST_EXCEPTION) returns at the first failure, or when all are done", "[wait]") {
    const waited failing = run_wait(return_when::first_exception, std::nullopt, true);
    CHECK(failing.done == 1);
    CHECK(failing.at == 1);
    const waited fine = run_wait(return_when::first_exception, std::nullopt, false);
    CHECK(fine.done == 3);
    CHECK(fine.at == 3);
}

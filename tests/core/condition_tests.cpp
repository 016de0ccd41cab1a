// Condition and Barrier: who is woken, when, and in what order (expectations from CPython 3.11
// running the same programs on the virtual clock).
#include <catch2/catch.hpp>

#include "loopstep/barrier.hpp"
#include "loopstep/loopstep.hpp"
#include "recorder.hpp"

using namespace loopstep;
using loopstep::testing::recorder;
using loopstep::testing::run_all;

TEST_CASE("Condition: each notify() wakes one consumer, in the order they waited", "[condition]") {
    event_loop loop;
    recorder log;
    lock mutex(loop);
    condition cond(loop, mutex);
    std::vector<int> items;
    auto consumer = [&](std::string name) -> coro<void> {
        co_await cond.acquire();
        co_await cond.wait_for([&] { return !items.empty(); });
        log(name + " got " + std::to_string(items.front()) + " at " + std::to_string(int(loop.time())));
        items.erase(items.begin());
        cond.release();
    };
    auto producer = [&]() -> coro<void> {
        for (int i = 0; i < 3; ++i) {
            co_await sleep(1);
            co_await cond.acquire();
            items.push_back(i);
            cond.notify();
            cond.release();
        }
    };
    std::vector<task_ptr<void>> consumers;
    for (auto name : {"a", "b", "c"}) consumers.push_back(create_task(loop, consumer(name)));
    auto produce = create_task(loop, producer());
    run_all(loop);
    CHECK(log.lines == std::vector<std::string>{"a got 0 at 1", "b got 1 at 2", "c got 2 at 3"});
    CHECK_FALSE(cond.locked());
    CHECK(cond.waiting() == 0);
}

TEST_CASE("Condition: wait() and notify() need the lock", "[condition]") {
    event_loop loop;
    lock mutex(loop);
    condition cond(loop, mutex);
    CHECK_THROWS_WITH(cond.notify(), "cannot notify on un-acquired lock");
    std::string error;
    auto body = [&]() -> coro<void> {
        try {
            co_await cond.wait();
        } catch (const std::runtime_error& e) {
            error = e.what();
        }
    };
    auto t = create_task(loop, body());
    run_all(loop);
    CHECK(error == "cannot wait on un-acquired lock");
}

TEST_CASE("Condition: a cancelled waiter holds the lock again before CancelledError reaches it", "[condition][cancel]") {
    event_loop loop;
    recorder log;
    lock mutex(loop);
    condition cond(loop, mutex);
    auto waiter = [&]() -> coro<void> {
        co_await cond.acquire();
        try {
            co_await cond.wait();
        } catch (const cancelled_error&) {
            log(std::string("cancelled, lock held: ") + (cond.locked() ? "yes" : "no"));
            cond.release();
            throw;
        }
    };
    auto t = create_task(loop, waiter());
    loop.call_later(1, [&] { t->cancel(); });
    run_all(loop);
    CHECK(log.lines == std::vector<std::string>{"cancelled, lock held: yes"});
    CHECK(t->cancelled());
}

TEST_CASE("Barrier: every party leaves when the last arrives, with its arrival index", "[barrier]") {
    event_loop loop;
    recorder log;
    barrier b(loop, 3);
    auto party = [&](std::string name, double delay) -> coro<void> {
        co_await sleep(delay);
        const long index = co_await b.wait();
        log(name + " index " + std::to_string(index) + " at " + std::to_string(int(loop.time())));
    };
    auto x = create_task(loop, party("x", 3));
    auto y = create_task(loop, party("y", 1));
    auto z = create_task(loop, party("z", 2));
    run_all(loop);
    // CPython prints them in gather order; here in the order they leave the barrier.
    CHECK(log.lines == std::vector<std::string>{"x index 2 at 3", "y index 0 at 3", "z index 1 at 3"});
    CHECK(b.n_waiting() == 0);
    CHECK_FALSE(b.broken());
    CHECK(b.to_string() == "<asyncio.locks.Barrier object [filling, waiters:0/3]>");
}

TEST_CASE("Barrier: abort() breaks it for the waiting task and every later one", "[barrier]") {
    event_loop loop;
    recorder log;
    barrier b(loop, 3);
    auto waiter = [&]() -> coro<void> {
        try {
            co_await b.wait();
        } catch (const broken_barrier_error& e) {
            log(e.what());
        }
    };
    auto t = create_task(loop, waiter());
    auto aborter = [&]() -> coro<void> {
        co_await sleep(1);
        log(b.to_string());
        co_await b.abort();
    };
    auto a = create_task(loop, aborter());
    run_all(loop);
    auto late = create_task(loop, waiter());
    run_all(loop);
    CHECK(log.lines == std::vector<std::string>{"<asyncio.locks.Barrier object [filling, waiters:1/3]>",
                                                "Abort or reset of barrier", "Barrier aborted"});
    CHECK(b.broken());
    CHECK_THROWS_WITH(barrier(loop, 0), "parties must be > 0");
}

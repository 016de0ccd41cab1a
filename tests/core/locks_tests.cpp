// Event, Lock and Semaphore: who wakes, in what order, and what a cancelled waiter takes.
#include <catch2/catch.hpp>

#include "loopstep/loopstep.hpp"
#include "recorder.hpp"

using namespace loopstep;
using loopstep::testing::recorder;
using loopstep::testing::run_all;

TEST_CASE("Event.set wakes every waiter in the order they waited", "[event]") {
    event_loop loop;
    recorder log;
    event ready(loop);
    auto waiter = [&](std::string name) -> coro<void> {
        co_await ready.wait();
        log(name + " woke at " + std::to_string(int(loop.time())));
    };
    auto a = create_task(loop, waiter("a"));
    auto b = create_task(loop, waiter("b"));
    loop.call_later(4, [&] { ready.set(); });
    run_all(loop);
    CHECK(log.lines == std::vector<std::string>{"a woke at 4", "b woke at 4"});
    CHECK(ready.is_set());
    ready.clear();
    CHECK_FALSE(ready.is_set());
}

TEST_CASE("Lock is acquired in FIFO order", "[lock]") {
    event_loop loop;
    recorder log;
    lock mutex(loop);
    auto user = [&](std::string name) -> coro<void> {
        co_await mutex.acquire();
        log(name + " in at " + std::to_string(int(loop.time())));
        co_await sleep(2);
        mutex.release();
    };
    std::vector<task_ptr<void>> users;
    for (auto name : {"a", "b", "c"}) users.push_back(create_task(loop, user(name)));
    run_all(loop);
    CHECK(log.lines == std::vector<std::string>{"a in at 0", "b in at 2", "c in at 4"});
    CHECK_FALSE(mutex.locked());
    CHECK_THROWS_WITH(mutex.release(), "Lock is not acquired.");
}

TEST_CASE("a waiter cancelled after being woken passes the lock on", "[lock][cancel]") {
    event_loop loop;
    recorder log;
    lock mutex(loop);
    auto user = [&](std::string name) -> coro<void> {
        try {
            co_await mutex.acquire();
        } catch (const cancelled_error&) {
            log(name + " cancelled");
            throw;
        }
        log(name + " has the lock");
        mutex.release();
    };
    auto holder = [&]() -> coro<void> {
        co_await mutex.acquire();
        co_await sleep(1);
        mutex.release();
    };
    auto h = create_task(loop, holder());
    auto b = create_task(loop, user("b"));
    auto c = create_task(loop, user("c"));
    loop.call_later(1, [&] { b->cancel(); });  // same instant as the release
    run_all(loop);
    CHECK(log.lines == std::vector<std::string>{"b cancelled", "c has the lock"});
    CHECK_FALSE(mutex.locked());
}

TEST_CASE("Semaphore lets at most N in, and the rest wait their turn in order", "[semaphore]") {
    event_loop loop;
    recorder log;
    semaphore slots(loop, 2);
    int inside = 0;
    int most_inside = 0;
    auto user = [&](int id) -> coro<void> {
        co_await slots.acquire();
        most_inside = std::max(most_inside, ++inside);
        log(std::to_string(id) + " at " + std::to_string(int(loop.time())));
        co_await sleep(3);
        --inside;
        slots.release();
    };
    std::vector<task_ptr<void>> users;
    for (int id = 0; id < 5; ++id) users.push_back(create_task(loop, user(id)));
    run_all(loop);
    CHECK(most_inside == 2);
    CHECK(log.lines == std::vector<std::string>{"0 at 0", "1 at 0", "2 at 3", "3 at 3", "4 at 6"});
    CHECK(slots.value() == 2);
}

TEST_CASE("a semaphore refuses a negative value", "[semaphore]") {
    event_loop loop;
    CHECK_THROWS_WITH(semaphore(loop, -1), "Semaphore initial value must be >= 0");
}

TEST_CASE("a cancelled semaphore waiter takes no slot", "[semaphore][cancel]") {
    event_loop loop;
    semaphore slots(loop, 1);
    recorder log;
    auto user = [&](std::string name, double hold) -> coro<void> {
        co_await slots.acquire();
        log(name);
        co_await sleep(hold);
        slots.release();
    };
    auto a = create_task(loop, user("a", 2));
    auto b = create_task(loop, user("b", 1));
    auto c = create_task(loop, user("c", 1));
    loop.call_later(1, [&] { b->cancel(); });
    run_all(loop);
    CHECK(log.lines == std::vector<std::string>{"a", "c"});
    CHECK(b->cancelled());
    CHECK(slots.value() == 1);
}

TEST_CASE("BoundedSemaphore refuses a release above its initial value", "[semaphore]") {
    event_loop loop;
    semaphore bounded(loop, 2, true);
    auto body = [&]() -> coro<void> {
        co_await bounded.acquire();
        bounded.release();
    };
    auto t = create_task(loop, body());
    run_all(loop);
    CHECK_THROWS_WITH(bounded.release(), "BoundedSemaphore released too many times");
    CHECK(bounded.to_string() == "<asyncio.locks.BoundedSemaphore object [unlocked, value:2]>");
}

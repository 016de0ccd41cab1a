// asyncio.Queue: FIFO items, blocking get/put, task_done/join, fair waiters.
#include <catch2/catch.hpp>

#include "loopstep/loopstep.hpp"
#include "recorder.hpp"

using namespace loopstep;
using loopstep::testing::recorder;
using loopstep::testing::run_all;

TEST_CASE("a producer and consumers share a queue; join waits for task_done", "[queue]") {
    event_loop loop;
    recorder log;
    queue<int> jobs(loop);
    auto worker = [&](std::string name) -> coro<void> {
        for (;;) {
            int job = co_await jobs.get();
            co_await sleep(job);
            log(name + " did " + std::to_string(job) + " at " + std::to_string(int(loop.time())));
            jobs.task_done();
        }
    };
    auto main = [&]() -> coro<void> {
        for (int job : {3, 1, 2, 1}) jobs.put_nowait(job);
        auto a = create_task(loop, worker("a"));
        auto b = create_task(loop, worker("b"));
        co_await jobs.join();
        log("all done at " + std::to_string(int(loop.time())));
        a->cancel();
        b->cancel();
    };
    run(loop, main());
    // Checked against CPython 3.11 on a virtual clock: at t=3 both timers are due and fire
    // in the order they were set (a's at t=0 before b's at t=1).
    CHECK(log.lines == std::vector<std::string>{"b did 1 at 1", "a did 3 at 3", "b did 2 at 3", "a did 1 at 4",
                                                "all done at 4"});
}

TEST_CASE("getters waiting on an empty queue are served in FIFO order", "[queue]") {
    event_loop loop;
    recorder log;
    queue<std::string> items(loop);
    auto getter = [&](std::string name) -> coro<void> { log(name + " got " + co_await items.get()); };
    auto g1 = create_task(loop, getter("first"));
    auto g2 = create_task(loop, getter("second"));
    auto g3 = create_task(loop, getter("third"));
    run_all(loop);
    items.put_nowait("x");
    items.put_nowait("y");
    items.put_nowait("z");
    run_all(loop);
    CHECK(log.lines == std::vector<std::string>{"first got x", "second got y", "third got z"});
}

TEST_CASE("put blocks while a bounded queue is full", "[queue]") {
    event_loop loop;
    recorder log;
    queue<int> slots(loop, 2);
    auto producer = [&]() -> coro<void> {
        for (int i = 0; i < 4; ++i) {
            co_await slots.put(i);
            log("put " + std::to_string(i) + " at " + std::to_string(int(loop.time())));
        }
    };
    auto consumer = [&]() -> coro<void> {
        for (int i = 0; i < 4; ++i) {
            co_await sleep(5);
            log("got " + std::to_string(co_await slots.get()));
        }
    };
    auto p = create_task(loop, producer());
    auto c = create_task(loop, consumer());
    run_all(loop);
    CHECK(log.lines == std::vector<std::string>{"put 0 at 0", "put 1 at 0", "got 0", "put 2 at 5", "got 1",
                                                "put 3 at 10", "got 2", "got 3"});
}

TEST_CASE("get_nowait and put_nowait raise QueueEmpty and QueueFull", "[queue]") {
    event_loop loop;
    queue<int> q(loop, 1);
    CHECK_THROWS_AS(q.get_nowait(), queue_empty);
    q.put_nowait(1);
    CHECK(q.full());
    CHECK_THROWS_AS(q.put_nowait(2), queue_full);
    CHECK(q.get_nowait() == 1);
    q.task_done();
    CHECK_THROWS_WITH(q.task_done(), "task_done() called too many times");
}

TEST_CASE("a cancelled getter consumes nothing; the item goes to the next getter", "[queue][cancel]") {
    event_loop loop;
    recorder log;
    queue<int> q(loop);
    auto getter = [&](std::string name) -> coro<void> {
        try {
            log(name + " got " + std::to_string(co_await q.get()));
        } catch (const cancelled_error&) {
            log(name + " cancelled");
            throw;
        }
    };
    auto first = create_task(loop, getter("first"));
    auto second = create_task(loop, getter("second"));
    run_all(loop);
    q.put_nowait(7);  // wakes "first"...
    first->cancel();  // ...which is cancelled before it runs: "second" must get the item
    run_all(loop);
    CHECK(log.lines == std::vector<std::string>{"first cancelled", "second got 7"});
    CHECK(q.empty());
}

TEST_CASE("PriorityQueue: least first; equal priorities leave in heapq's order, not FIFO", "[queue]") {
    event_loop loop;
    using item = std::pair<int, std::string>;
    queue<item> q(loop, 0, queue_order::priority, [](const item& a, const item& b) { return a.first < b.first; });
    for (const item& i : std::vector<item>{{3, "a"}, {1, "b"}, {3, "c"}, {1, "d"}, {2, "e"}, {1, "f"}, {3, "g"}, {2, "h"}}) {
        q.put_nowait(i);
    }
    std::string order;
    while (!q.empty()) order += q.get_nowait().second;
    CHECK(order == "bfdehgca");  // CPython's heapq with items compared on priority only
}

TEST_CASE("LifoQueue: newest first", "[queue]") {
    event_loop loop;
    queue<int> q(loop, 0, queue_order::lifo);
    for (int i = 0; i < 4; ++i) q.put_nowait(i);
    std::vector<int> order;
    while (!q.empty()) order.push_back(q.get_nowait());
    CHECK(order == std::vector<int>{3, 2, 1, 0});
}

// asyncio.gather and as_completed: ordering of results, errors, cancellation.
#include <catch2/catch.hpp>

#include <stdexcept>

#include "loopstep/loopstep.hpp"
#include "recorder.hpp"

using namespace loopstep;
using loopstep::testing::after;
using loopstep::testing::recorder;
using loopstep::testing::run_all;

namespace {
coro<int> fail_after(double seconds, std::string message) {
    co_await sleep(seconds);
    throw std::runtime_error(message);
}
}  // namespace

TEST_CASE("gather returns results in argument order, not completion order", "[gather]") {
    event_loop loop;
    std::vector<int> results;
    auto main = [&]() -> coro<void> {
        std::vector<coro<int>> children;
        children.push_back(after(3, 1));
        children.push_back(after(1, 2));
        children.push_back(after(2, 3));
        results = co_await gather(loop, std::move(children));
    };
    run(loop, main());
    CHECK(results == std::vector<int>{1, 2, 3});
    CHECK(loop.time() == 3);  // they overlapped: 3 s, not 6 s
}

TEST_CASE("the 12-request example takes 115 s concurrently and 720 s one by one", "[gather]") {
    auto fetch = [](event_loop& loop) -> coro<int> {
        loop.block_for(5);   // sending blocks the loop
        co_await sleep(55);  // waiting for the answer does not
        co_return 200;
    };
    event_loop sequential_loop;
    auto sequential = [&]() -> coro<void> {
        for (int i = 0; i < 12; ++i) co_await fetch(sequential_loop);
    };
    run(sequential_loop, sequential());
    CHECK(sequential_loop.time() == 720);

    event_loop concurrent_loop;
    std::vector<int> statuses;
    auto concurrent = [&]() -> coro<void> {
        std::vector<coro<int>> requests;
        for (int i = 0; i < 12; ++i) requests.push_back(fetch(concurrent_loop));
        statuses = co_await gather(concurrent_loop, std::move(requests));
    };
    run(concurrent_loop, concurrent());
    CHECK(statuses == std::vector<int>(12, 200));
    CHECK(concurrent_loop.time() == 115);
}

TEST_CASE("gather propagates the first error while the others keep running", "[gather]") {
    event_loop loop;
    recorder log;
    auto slow = [&]() -> coro<int> {
        co_await sleep(5);
        log("slow finished at " + std::to_string(int(loop.time())));
        co_return 1;
    };
    task_ptr<int> slow_task;
    auto main = [&]() -> coro<void> {
        slow_task = create_task(loop, slow());
        std::vector<future_ptr<int>> children;
        children.push_back(slow_task);
        children.push_back(create_task(loop, fail_after(1, "boom")));
        try {
            co_await gather(loop, children);
        } catch (const std::runtime_error& error) {
            log(std::string("caught ") + error.what() + " at " + std::to_string(int(loop.time())));
        }
        co_await slow_task;
    };
    run(loop, main());
    CHECK(log.lines == std::vector<std::string>{"caught boom at 1", "slow finished at 5"});
    CHECK_FALSE(slow_task->cancelled());
}

TEST_CASE("gather with return_exceptions returns errors as outcomes in order", "[gather]") {
    event_loop loop;
    std::vector<outcome<int>> outcomes;
    auto main = [&]() -> coro<void> {
        std::vector<coro<int>> children;
        children.push_back(after(2, 10));
        children.push_back(fail_after(1, "bad"));
        children.push_back(after(3, 30));
        outcomes = co_await gather_outcomes(loop, std::move(children));
    };
    run(loop, main());
    REQUIRE(outcomes.size() == 3);
    CHECK(outcomes[0].ok());
    CHECK(*outcomes[0].value == 10);
    CHECK_FALSE(outcomes[1].ok());
    CHECK(describe_exception(outcomes[1].error) == "bad");
    CHECK(*outcomes[2].value == 30);
}

TEST_CASE("cancelling the task awaiting gather cancels every child", "[gather][cancel]") {
    event_loop loop;
    std::vector<task_ptr<int>> children;
    task_ptr<void> main_task;
    auto main = [&]() -> coro<void> {
        for (int i = 0; i < 3; ++i) children.push_back(create_task(loop, after(10, i)));
        co_await gather(loop, std::vector<future_ptr<int>>(children.begin(), children.end()));
    };
    main_task = create_task(loop, main());
    loop.call_later(1, [&] { main_task->cancel(); });
    run_all(loop);
    CHECK(main_task->cancelled());
    for (auto& child : children) CHECK(child->cancelled());
    CHECK(loop.time() == 1);
}

TEST_CASE("a cancelled child makes gather raise CancelledError unless exceptions are returned", "[gather][cancel]") {
    event_loop loop;
    bool raised = false;
    std::size_t returned = 0;
    bool returned_cancellation = false;
    auto main = [&]() -> coro<void> {
        auto victim = create_task(loop, after(10, 1));
        auto other = create_task(loop, after(2, 2));
        loop.call_later(1, [victim] { victim->cancel(); });
        // (g++ 12 cannot keep an initializer_list alive across co_await: build lists first.)
        std::vector<future_ptr<int>> pair{victim, other};
        try {
            co_await gather(loop, pair);
        } catch (const cancelled_error&) {
            raised = true;
        }
        auto victim2 = create_task(loop, after(10, 1));
        loop.call_later(1, [victim2] { victim2->cancel(); });
        std::vector<future_ptr<int>> single{victim2};
        auto outcomes = co_await gather_outcomes(loop, single);
        returned = outcomes.size();
        returned_cancellation = is_cancellation(outcomes[0].error);
    };
    auto task = create_task(loop, main());
    run_all(loop);
    CHECK(raised);
    CHECK(returned == 1);
    CHECK(returned_cancellation);
    CHECK_FALSE(task->cancelled());
}

TEST_CASE("gather of nothing completes at once with no results", "[gather]") {
    event_loop loop;
    auto main = [&]() -> coro<std::size_t> {
        auto results = co_await gather(loop, std::vector<future_ptr<int>>{});
        co_return results.size();
    };
    CHECK(run(loop, main()) == 0);
}

TEST_CASE("as_completed yields results in completion order", "[as_completed]") {
    event_loop loop;
    std::vector<int> order;
    auto main = [&]() -> coro<void> {
        std::vector<coro<int>> children;
        children.push_back(after(3, 3));
        children.push_back(after(1, 1));
        children.push_back(after(2, 2));
        for (auto& next : as_completed(loop, std::move(children))) order.push_back(co_await std::move(next));
    };
    run(loop, main());
    CHECK(order == std::vector<int>{1, 2, 3});
}

TEST_CASE("as_completed with a timeout raises TimeoutError for the ones not done", "[as_completed]") {
    event_loop loop;
    std::vector<std::string> seen;
    auto main = [&]() -> coro<void> {
        std::vector<coro<int>> children;
        children.push_back(after(1, 1));
        children.push_back(after(10, 2));
        for (auto& next : as_completed(loop, std::move(children), 5.0)) {
            try {
                seen.push_back(std::to_string(co_await std::move(next)));
            } catch (const timeout_error&) {
                seen.push_back("timeout at " + std::to_string(int(loop.time())));
            }
        }
    };
    run(loop, main());
    CHECK(seen == std::vector<std::string>{"1", "timeout at 5"});
}

// TaskGroup: children finish before the scope ends; the first failure cancels the rest.
#include <catch2/catch.hpp>

#include <stdexcept>

#include "loopstep/loopstep.hpp"
#include "recorder.hpp"

using namespace loopstep;
using loopstep::testing::after;
using loopstep::testing::recorder;

TEST_CASE("a task group waits for all its children", "[task_group]") {
    event_loop loop;
    std::vector<task_ptr<int>> children;
    auto main = [&]() -> coro<void> {
        co_await with_task_group([&](task_group& group) -> coro<void> {
            children.push_back(group.create_task(after(2, 1)));
            children.push_back(group.create_task(after(5, 2)));
            co_return;
        });
        CHECK(loop.time() == 5);
    };
    run(loop, main());
    CHECK(children[0]->result() == 1);
    CHECK(children[1]->result() == 2);
}

TEST_CASE("the first failure in a task group cancels the siblings and the body", "[task_group][cancel]") {
    event_loop loop;
    recorder log;
    auto sibling = [&](std::string name) -> coro<void> {
        try {
            co_await sleep(10);
        } catch (const cancelled_error&) {
            log(name + " cancelled at " + std::to_string(int(loop.time())));
            throw;
        }
    };
    auto failing = [&]() -> coro<void> {
        co_await sleep(1);
        throw std::runtime_error("child failed");
    };
    auto main = [&]() -> coro<void> {
        try {
            co_await with_task_group([&](task_group& group) -> coro<void> {
                group.create_task(sibling("a"));
                group.create_task(failing());
                group.create_task(sibling("b"));
                try {
                    co_await sleep(100);
                } catch (const cancelled_error&) {
                    log("body cancelled");
                    throw;
                }
            });
        } catch (const exception_group& errors) {
            log(std::string(errors.what()));
            CHECK(errors.exceptions().size() == 1);
            CHECK(describe_exception(errors.exceptions()[0]) == "child failed");
        }
        task_base& me = co_await this_task();
        CHECK(me.cancelling() == 0);
    };
    run(loop, main());
    REQUIRE(log.lines.size() == 4);
    CHECK(log.lines[0] == "a cancelled at 1");
    CHECK(log.lines[1] == "b cancelled at 1");
    CHECK(log.lines[2] == "body cancelled");
    CHECK(log.lines[3] == "unhandled errors in a TaskGroup (1 sub-exception)");
    CHECK(loop.time() == 1);
}

TEST_CASE("a task group collects every error that happens before the abort completes", "[task_group]") {
    event_loop loop;
    std::size_t errors_seen = 0;
    auto failing = [](double when, std::string message) -> coro<void> {
        co_await sleep(when);
        throw std::runtime_error(message);
    };
    auto main = [&]() -> coro<void> {
        try {
            co_await with_task_group([&](task_group& group) -> coro<void> {
                group.create_task(failing(1, "first"));
                group.create_task(failing(1, "second"));
                co_return;
            });
        } catch (const exception_group& errors) {
            errors_seen = errors.exceptions().size();
        }
    };
    run(loop, main());
    CHECK(errors_seen == 2);
}

TEST_CASE("a task group refuses new tasks before it is entered", "[task_group]") {
    event_loop loop;
    task_group group(loop);
    CHECK_THROWS_WITH(group.create_task(after(1, 1)), Catch::Contains("has not been entered"));
}

// What asyncio would log: exceptions never retrieved and tasks destroyed while pending.
#include <catch2/catch.hpp>

#include <stdexcept>

#include "loopstep/loopstep.hpp"

using namespace loopstep;

TEST_CASE("an exception nobody retrieved is reported when the task is freed", "[reports]") {
    event_loop loop;
    {
        auto failing = []() -> coro<void> {
            throw std::runtime_error("lost error");
            co_return;
        };
        auto task = create_task(loop, failing(), "careless");
        while (loop.step().kind != step_kind::idle) {
        }
    }
    REQUIRE(loop.reports().size() == 1);
    CHECK(loop.reports()[0] == "Task exception was never retrieved: careless: lost error");
}

TEST_CASE("an embedder describes a task's exception nobody retrieved in its own words", "[reports]") {
    event_loop loop;
    loop.set_unretrieved_describer([](const task_base& task, const std::exception_ptr& error) {
        return "lost in " + task.name() + ": " + describe_exception(error);
    });
    {
        auto failing = []() -> coro<void> {
            throw std::runtime_error("gone");
            co_return;
        };
        auto task = create_task(loop, failing(), "worker");
        while (loop.step().kind != step_kind::idle) {
        }
    }
    REQUIRE(loop.reports().size() == 1);
    CHECK(loop.reports()[0] == "lost in worker: gone");
}

TEST_CASE("a retrieved exception is not reported", "[reports]") {
    event_loop loop;
    {
        auto failing = []() -> coro<void> {
            throw std::runtime_error("seen");
            co_return;
        };
        auto task = create_task(loop, failing());
        while (loop.step().kind != step_kind::idle) {
        }
        CHECK(describe_exception(task->exception()) == "seen");
    }
    CHECK(loop.reports().empty());
}

TEST_CASE("a loop destroyed with pending tasks reports them and frees their frames", "[reports]") {
    auto held = std::make_shared<int>(0);
    std::weak_ptr<int> watch = held;
    std::vector<std::string> reports;
    task_ptr<void> kept;
    {
        event_loop loop({.on_report = [&](const std::string& line) { reports.push_back(line); }});
        auto forever = [](std::shared_ptr<int> owned, std::shared_ptr<future<void>> never) -> coro<void> {
            co_await never;
            (void)owned;
        };
        kept = create_task(loop, forever(std::move(held), create_future<void>(loop)), "stuck");
        loop.step();
        CHECK_FALSE(watch.expired());
    }
    CHECK(watch.expired());  // the frame, and what it held, was freed with the loop
    CHECK_FALSE(kept->done());
    REQUIRE(reports.size() == 1);
    CHECK(reports[0] == "Task was destroyed but it is pending! task: <Task pending name='stuck' wait_for=<Future pending>>");
}

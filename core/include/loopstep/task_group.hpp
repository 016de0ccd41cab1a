// asyncio.TaskGroup (Python 3.11's taskgroups.py): children run inside a scope; the first
// failure cancels the siblings and the parent's body; errors are raised together at exit.
#pragma once

#include <string>
#include <vector>

#include "loopstep/task.hpp"

namespace loopstep {

class task_group {
public:
    explicit task_group(event_loop& loop) : loop_(loop) {}
    task_group(const task_group&) = delete;
    task_group& operator=(const task_group&) = delete;
    ~task_group();

    // `async with TaskGroup() as tg:` is enter(parent) ... co_await exit(body_error).
    void enter(task_base& parent);
    coro<void> exit(std::exception_ptr body_error);

    template <class T>
    task_ptr<T> create_task(coro<T> body, std::string name = {}) {
        check_accepts_tasks();
        auto child = loopstep::create_task(loop_, std::move(body), std::move(name));
        adopt(child);
        return child;
    }

    std::string to_string() const;

private:
    struct child {
        std::shared_ptr<future_base> future;
        std::uint64_t token;
    };
    void check_accepts_tasks() const;
    void adopt(std::shared_ptr<future_base> future);
    void on_task_done(future_base& done);
    void abort();

    event_loop& loop_;
    task_base* parent_ = nullptr;
    std::vector<child> tasks_;  // creation order (CPython keeps a set; see DEVIATIONS in the README)
    std::vector<std::exception_ptr> errors_;
    std::shared_ptr<future<void>> on_completed_;
    bool entered_ = false;
    bool exiting_ = false;
    bool aborting_ = false;
    bool parent_cancel_requested_ = false;
};

// Runs `body(group)` inside a task group: the whole `async with` statement.
template <class Body>
coro<void> with_task_group(Body body) {
    event_loop& loop = co_await get_running_loop();
    task_base& parent = co_await this_task();
    task_group group(loop);
    group.enter(parent);
    std::exception_ptr error;
    try {
        co_await body(group);
    } catch (...) {
        error = std::current_exception();
    }
    co_await group.exit(error);
    if (error) std::rethrow_exception(error);  // __aexit__ returned None: the error goes on
}

}  // namespace loopstep

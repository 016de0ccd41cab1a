// Waiter queues shared by Queue, Event, Lock and Semaphore: FIFO futures, one per waiting task.
#pragma once

#include <algorithm>
#include <cstdint>
#include <deque>
#include <memory>

#include "loopstep/task.hpp"

namespace loopstep::detail {

using waiter = std::shared_ptr<future<void>>;

// The waiters in line and, for a viewer, the task waiting with each and how often the line
// changed (trace.hpp's sync_view is re-read only then). Changed only through join and leave.
struct waiter_queue : std::deque<waiter> {
    std::deque<task_id> tasks;  // in step with the waiters: the task that joined with each (0: none)
    std::uint64_t changes = 0;

    void join(waiter w) {
        const task_base* task = w->loop().current_task();
        tasks.push_back(task ? task->id() : 0);
        push_back(std::move(w));
        ++changes;
    }
    waiter leave_first() {
        waiter first = std::move(front());
        pop_front();
        tasks.pop_front();
        ++changes;
        return first;
    }
    void leave(const_iterator at) {
        tasks.erase(tasks.begin() + (at - cbegin()));
        erase(at);
        ++changes;
    }
};

inline void remove_waiter(waiter_queue& waiters, const waiter& removed) {
    auto found = std::find(waiters.cbegin(), waiters.cend(), removed);
    if (found != waiters.cend()) waiters.leave(found);
}

// Removes `removed` from `waiters` when the awaiting frame leaves its scope, however it leaves.
struct waiter_removal {
    waiter_queue& waiters;
    waiter removed;
    ~waiter_removal() { remove_waiter(waiters, removed); }
};

// Queues `w` in `waiters`, awaits it, and takes it out again however the wait ends.
// Returns the error the wait ended with (a cancellation, usually), or null when woken.
inline coro<std::exception_ptr> wait_in_line(waiter_queue& waiters, waiter w) {
    waiters.join(w);
    std::exception_ptr error;
    try {
        co_await w;
    } catch (...) {
        error = std::current_exception();
    }
    remove_waiter(waiters, w);
    co_return error;
}

}  // namespace loopstep::detail

// Waiter queues shared by Queue, Event, Lock and Semaphore: FIFO futures, one per waiting task.
#pragma once

#include <algorithm>
#include <deque>
#include <memory>

#include "loopstep/task.hpp"

namespace loopstep::detail {

using waiter = std::shared_ptr<future<void>>;
using waiter_queue = std::deque<waiter>;

inline void remove_waiter(waiter_queue& waiters, const waiter& removed) {
    auto found = std::find(waiters.begin(), waiters.end(), removed);
    if (found != waiters.end()) waiters.erase(found);
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
    waiters.push_back(w);
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

// asyncio.Lock (locks.py): one holder at a time; waiters acquire in FIFO order, and a
// waiter cancelled while queued gives its turn to the next one.
#pragma once

#include <stdexcept>
#include <string>

#include "loopstep/detail/waiters.hpp"
#include "loopstep/task.hpp"

namespace loopstep {

class lock {
public:
    explicit lock(event_loop& loop) : loop_(loop) {}
    lock(const lock&) = delete;
    lock& operator=(const lock&) = delete;

    bool locked() const { return locked_; }

    coro<bool> acquire() {
        if (!locked_ && all_waiters_cancelled()) {
            take();
            co_return true;
        }
        std::exception_ptr error = co_await detail::wait_in_line(waiters_, create_future<void>(loop_, "Lock.acquire()"));
        if (error) {
            if (is_cancellation(error) && !locked_) wake_up_first();
            std::rethrow_exception(error);
        }
        take();
        co_return true;
    }

    void release() {
        if (!locked_) throw std::runtime_error("Lock is not acquired.");
        locked_ = false;
        owner_ = 0;
        wake_up_first();
        ++changes_;  // after the wake-up: a viewer that looked in between (its events) looks again
    }

    // For a viewer: the task holding the lock (0: none, or taken outside any task; asyncio
    // itself does not keep it), the waits in acquire(), and a count that moves with every
    // change of the holder or the waiters.
    task_id owner() const { return owner_; }
    const detail::waiter_queue& waiters() const { return waiters_; }
    std::uint64_t changes() const { return changes_ + waiters_.changes; }

    std::string to_string() const {
        return std::string("<asyncio.locks.Lock object [") + (locked_ ? "locked" : "unlocked") +
               (waiters_.empty() ? "" : ", waiters:" + std::to_string(waiters_.size())) + "]>";
    }

private:
    void take() {
        locked_ = true;
        const task_base* holder = loop_.current_task();
        owner_ = holder ? holder->id() : 0;
        ++changes_;
    }
    bool all_waiters_cancelled() const {
        for (const auto& waiter : waiters_) {
            if (!waiter->cancelled()) return false;
        }
        return true;
    }
    void wake_up_first() {
        if (waiters_.empty()) return;
        if (!waiters_.front()->done()) waiters_.front()->set_result();
    }

    event_loop& loop_;
    detail::waiter_queue waiters_;
    bool locked_ = false;
    task_id owner_ = 0;
    std::uint64_t changes_ = 0;  // acquires and releases
};

}  // namespace loopstep

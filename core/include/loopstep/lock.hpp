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
            locked_ = true;
            co_return true;
        }
        std::exception_ptr error = co_await detail::wait_in_line(waiters_, create_future<void>(loop_, "Lock.acquire()"));
        if (error) {
            if (is_cancellation(error) && !locked_) wake_up_first();
            std::rethrow_exception(error);
        }
        locked_ = true;
        co_return true;
    }

    void release() {
        if (!locked_) throw std::runtime_error("Lock is not acquired.");
        locked_ = false;
        wake_up_first();
    }

    std::string to_string() const {
        return std::string("<asyncio.locks.Lock object [") + (locked_ ? "locked" : "unlocked") +
               (waiters_.empty() ? "" : ", waiters:" + std::to_string(waiters_.size())) + "]>";
    }

private:
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
};

}  // namespace loopstep

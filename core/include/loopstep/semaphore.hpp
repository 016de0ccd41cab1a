// asyncio.Semaphore (locks.py): at most `value` holders; release() hands the slot to the
// first waiter still waiting, so no newcomer can overtake the queue. A bounded one
// (BoundedSemaphore) refuses to be released above its initial value.
#pragma once

#include <stdexcept>
#include <string>

#include "loopstep/detail/waiters.hpp"
#include "loopstep/task.hpp"

namespace loopstep {

class semaphore {
public:
    semaphore(event_loop& loop, int value = 1, bool bounded = false) : loop_(loop), value_(value), bound_(bounded ? value : -1) {
        if (value < 0) throw std::invalid_argument("Semaphore initial value must be >= 0");
    }
    semaphore(const semaphore&) = delete;
    semaphore& operator=(const semaphore&) = delete;

    int value() const { return value_; }
    bool bounded() const { return bound_ >= 0; }
    bool locked() const {
        if (value_ == 0) return true;
        for (const auto& waiter : waiters_) {
            if (!waiter->cancelled()) return true;
        }
        return false;
    }

    coro<bool> acquire() {
        if (!locked()) {
            --value_;
            ++changes_;
            co_return true;
        }
        auto waiter = create_future<void>(loop_, "Semaphore.acquire()");
        std::exception_ptr error = co_await detail::wait_in_line(waiters_, waiter);
        if (error) {
            // The slot was handed to us just before the cancellation: pass it on.
            if (is_cancellation(error) && !waiter->cancelled()) {
                ++value_;
                ++changes_;
                wake_up_next();
            }
            std::rethrow_exception(error);
        }
        if (value_ > 0) wake_up_next();
        co_return true;
    }

    void release() {
        if (bounded() && value_ >= bound_) throw std::invalid_argument("BoundedSemaphore released too many times");
        ++value_;
        wake_up_next();
        ++changes_;  // after the wake-up: a viewer that looked in between (its events) looks again
    }

    // For a viewer: the waits in acquire(), and a count that moves with every change of the
    // value or the waiters.
    const detail::waiter_queue& waiters() const { return waiters_; }
    std::uint64_t changes() const { return changes_ + waiters_.changes; }

    std::string to_string() const {
        std::string text = bounded() ? "<asyncio.locks.BoundedSemaphore object [" : "<asyncio.locks.Semaphore object [";
        text += locked() ? "locked" : "unlocked, value:" + std::to_string(value_);
        if (!waiters_.empty()) text += ", waiters:" + std::to_string(waiters_.size());
        return text + "]>";
    }

private:
    void wake_up_next() {
        for (auto& waiter : waiters_) {
            if (!waiter->done()) {
                --value_;
                waiter->set_result();
                ++changes_;
                return;
            }
        }
    }

    event_loop& loop_;
    int value_;
    int bound_;  // -1: unbounded
    detail::waiter_queue waiters_;
    std::uint64_t changes_ = 0;  // changes of value_
};

}  // namespace loopstep

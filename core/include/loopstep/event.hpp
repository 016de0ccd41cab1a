// asyncio.Event (locks.py): tasks wait until someone sets the flag; set() wakes them all.
#pragma once

#include <string>

#include "loopstep/detail/waiters.hpp"
#include "loopstep/task.hpp"

namespace loopstep {

class event {
public:
    explicit event(event_loop& loop) : loop_(loop) {}
    event(const event&) = delete;
    event& operator=(const event&) = delete;

    bool is_set() const { return value_; }
    void set() {
        if (value_) return;
        value_ = true;
        for (auto& waiter : waiters_) {
            if (!waiter->done()) waiter->set_result();
        }
        ++changes_;  // after the wake-ups: a viewer that looked in between (their events) looks again
    }
    void clear() {
        if (value_) ++changes_;
        value_ = false;
    }

    coro<bool> wait() {
        if (value_) co_return true;
        auto waiter = create_future<void>(loop_, "Event.wait()");
        waiters_.join(waiter);
        detail::waiter_removal removal{waiters_, waiter};
        co_await waiter;
        co_return true;
    }

    // For a viewer: the waits in wait(), and a count that moves with every change of the
    // flag or the waiters.
    const detail::waiter_queue& waiters() const { return waiters_; }
    std::uint64_t changes() const { return changes_ + waiters_.changes; }

    std::string to_string() const {
        return std::string("<asyncio.locks.Event object [") + (value_ ? "set" : "unset") +
               (waiters_.empty() ? "" : ", waiters:" + std::to_string(waiters_.size())) + "]>";
    }

private:
    event_loop& loop_;
    detail::waiter_queue waiters_;
    bool value_ = false;
    std::uint64_t changes_ = 0;  // set() and clear() that changed the flag
};

}  // namespace loopstep

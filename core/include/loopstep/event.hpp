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
    }
    void clear() { value_ = false; }

    coro<bool> wait() {
        if (value_) co_return true;
        auto waiter = create_future<void>(loop_, "Event.wait()");
        waiters_.push_back(waiter);
        detail::waiter_removal removal{waiters_, waiter};
        co_await waiter;
        co_return true;
    }

    std::string to_string() const {
        return std::string("<asyncio.locks.Event object [") + (value_ ? "set" : "unset") +
               (waiters_.empty() ? "" : ", waiters:" + std::to_string(waiters_.size())) + "]>";
    }

private:
    event_loop& loop_;
    detail::waiter_queue waiters_;
    bool value_ = false;
};

}  // namespace loopstep

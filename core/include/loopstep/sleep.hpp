// asyncio.sleep: sleep(0) is a bare yield (the task goes to the back of the ready queue);
// a longer sleep waits on a future resolved by a timer on the virtual clock.
#pragma once

#include <concepts>
#include <memory>
#include <string>

#include "loopstep/task.hpp"

namespace loopstep {

// Gives the other ready tasks a turn: the task is rescheduled with call_soon.
struct yield_awaiter {
    task_base* yielded = nullptr;
    bool await_ready() const noexcept { return false; }
    template <class Promise>
    bool await_suspend(detail::co::coroutine_handle<Promise> frame) {
        yielded = frame.promise().task;
        yielded->yield_now();
        return true;
    }
    void await_resume() const { yielded->rethrow_thrown_in(); }
};

class sleep_awaiter {
public:
    explicit sleep_awaiter(double delay) : delay_(delay) {}
    bool await_ready() const noexcept { return false; }
    template <class Promise>
    bool await_suspend(detail::co::coroutine_handle<Promise> frame) {
        sleeper_ = frame.promise().task;
        if (delay_ <= 0) sleeper_->yield_now();  // sleep(0): a bare yield
        else start_timer();
        return true;
    }
    void await_resume() {
        timer_.cancel();  // asyncio's `finally: h.cancel()`: a no-op once the timer fired
        sleeper_->rethrow_thrown_in();
    }

private:
    void start_timer();
    double delay_;
    task_base* sleeper_ = nullptr;
    std::shared_ptr<future<void>> wakeup_;
    callback_handle timer_;
};

inline yield_awaiter yield_now() { return {}; }
inline sleep_awaiter sleep(double delay) { return sleep_awaiter(delay); }
// Whole seconds: an exact match, so sleep(5) never resolves to POSIX ::sleep(unsigned).
template <std::integral Seconds>
sleep_awaiter sleep(Seconds delay) { return sleep_awaiter(static_cast<double>(delay)); }

// Text of a number of seconds as Python prints it: 55 -> "55", 0.5 -> "0.5".
std::string seconds_text(double seconds);

}  // namespace loopstep

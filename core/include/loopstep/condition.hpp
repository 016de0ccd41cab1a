// asyncio.Condition (locks.py): tasks wait, with the lock released, until another task
// holding the lock notifies them; a woken waiter returns only once it holds the lock again.
#pragma once

#include <functional>
#include <stdexcept>
#include <string>

#include "loopstep/detail/waiters.hpp"
#include "loopstep/lock.hpp"

namespace loopstep {

class condition {
public:
    // The condition's lock: its own, or one shared with others (Condition(lock)).
    condition(event_loop& loop, lock& shared_lock) : loop_(loop), lock_(shared_lock) {}
    condition(const condition&) = delete;
    condition& operator=(const condition&) = delete;

    lock& underlying_lock() { return lock_; }
    bool locked() const { return lock_.locked(); }
    coro<bool> acquire() { return lock_.acquire(); }
    void release() { lock_.release(); }

    // Releases the lock, waits to be notified, then takes the lock again, even when the
    // wait is cancelled (the cancellation is raised once the lock is held).
    coro<bool> wait() {
        if (!locked()) throw std::runtime_error("cannot wait on un-acquired lock");
        release();
        auto waiter = create_future<void>(loop_, "Condition.wait()");
        std::exception_ptr error = co_await detail::wait_in_line(waiters_, waiter);
        bool cancelled = false;
        for (;;) {
            try {
                co_await lock_.acquire();
                break;
            } catch (const cancelled_error&) {
                cancelled = true;
            }
        }
        if (cancelled) throw cancelled_error();
        if (error) std::rethrow_exception(error);
        co_return true;
    }

    // Waits until `predicate` holds (checked first, then after each wake-up); its last value.
    // The predicate is a template parameter so that it may fail as the caller's code fails.
    template <class Predicate>
    auto wait_for(Predicate predicate) -> coro<decltype(predicate())> {
        auto result = predicate();
        while (!truth(result)) {
            co_await wait();
            result = predicate();
        }
        co_return result;
    }

    // Wakes at most `n` waiters that are still waiting, in the order they began to wait.
    void notify(std::size_t n = 1) {
        if (!locked()) throw std::runtime_error("cannot notify on un-acquired lock");
        std::size_t woken = 0;
        for (auto& waiter : waiters_) {
            if (woken >= n) break;
            if (!waiter->done()) {
                ++woken;
                waiter->set_result();
            }
        }
    }
    void notify_all() { notify(waiters_.size()); }
    std::size_t waiting() const { return waiters_.size(); }
    // For a viewer: the waits in wait(), and a count that moves with every change of them or
    // of the lock (its holder, its waiters).
    const detail::waiter_queue& waiters() const { return waiters_; }
    std::uint64_t changes() const { return lock_.changes() + waiters_.changes; }

    std::string to_string() const {
        std::string extra = locked() ? "locked" : "unlocked";
        if (!waiters_.empty()) extra += ", waiters:" + std::to_string(waiters_.size());
        return "<asyncio.locks.Condition object [" + extra + "]>";
    }

private:
    static bool truth(bool value) { return value; }
    template <class T>
    static bool truth(const T& value) { return static_cast<bool>(value); }

    event_loop& loop_;
    lock& lock_;
    detail::waiter_queue waiters_;
};

}  // namespace loopstep

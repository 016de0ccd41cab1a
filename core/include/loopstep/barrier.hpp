// asyncio.Barrier (locks.py, new in 3.11): `parties` tasks wait until all of them have
// arrived, then all go on together; each gets its arrival index. Built, as CPython's, on a
// Condition: the same awaits, so the same interleavings.
#pragma once

#include <stdexcept>
#include <string>

#include "loopstep/condition.hpp"

namespace loopstep {

// asyncio.BrokenBarrierError: waiting on a barrier that was aborted or reset.
class broken_barrier_error : public std::runtime_error {
public:
    explicit broken_barrier_error(const std::string& message) : std::runtime_error(message) {}
};

class barrier {
public:
    enum class phase : std::uint8_t { filling, draining, resetting, broken };

    barrier(event_loop& loop, long parties) : lock_(loop), condition_(loop, lock_), parties_(parties) {
        if (parties < 1) throw std::invalid_argument("parties must be > 0");
    }
    barrier(const barrier&) = delete;
    barrier& operator=(const barrier&) = delete;

    long parties() const { return parties_; }
    long n_waiting() const { return state_ == phase::filling ? count_ : 0; }
    bool broken() const { return state_ == phase::broken; }

    // Waits for every party; returns this task's index of arrival (0 .. parties - 1).
    coro<long> wait() {
        co_await condition_.acquire();
        struct holding {
            condition& c;
            ~holding() { c.release(); }
        } held{condition_};
        co_await block_while_draining();
        const long index = count_++;
        struct leaving {
            barrier& b;
            ~leaving() {
                --b.count_;
                b.exit();
            }
        } leave{*this};
        if (index + 1 == parties_) {
            state_ = phase::draining;
            condition_.notify_all();
        } else {
            co_await condition_.wait_for([this] { return state_ != phase::filling; });
            if (state_ == phase::broken || state_ == phase::resetting) throw broken_barrier_error("Abort or reset of barrier");
        }
        co_return index;
    }

    // Back to the empty state; tasks waiting now get BrokenBarrierError.
    coro<void> reset() {
        co_await condition_.acquire();
        if (count_ > 0) state_ = phase::resetting;
        else state_ = phase::filling;
        condition_.notify_all();
        condition_.release();
    }

    // Breaks the barrier: every waiting and later wait() raises BrokenBarrierError.
    coro<void> abort() {
        co_await condition_.acquire();
        state_ = phase::broken;
        condition_.notify_all();
        condition_.release();
    }

    std::string to_string() const {
        static const char* const names[] = {"filling", "draining", "resetting", "broken"};
        std::string extra = names[static_cast<int>(state_)];
        if (!broken()) extra += ", waiters:" + std::to_string(n_waiting()) + "/" + std::to_string(parties_);
        return "<asyncio.locks.Barrier object [" + extra + "]>";
    }

private:
    coro<void> block_while_draining() {
        co_await condition_.wait_for([this] { return state_ != phase::draining && state_ != phase::resetting; });
        if (state_ == phase::broken) throw broken_barrier_error("Barrier aborted");
    }
    // The last task out lets the next round begin.
    void exit() {
        if (count_ != 0) return;
        if (state_ == phase::resetting || state_ == phase::draining) state_ = phase::filling;
        condition_.notify_all();
    }

    lock lock_;
    condition condition_;
    long parties_;
    phase state_ = phase::filling;
    long count_ = 0;
};

}  // namespace loopstep

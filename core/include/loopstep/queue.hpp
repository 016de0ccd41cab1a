// asyncio.Queue (queues.py): FIFO items between tasks; get() waits while empty, put() while
// full (maxsize > 0); task_done()/join() count finished items. Waiters wake FIFO.
#pragma once

#include <deque>
#include <stdexcept>
#include <string>

#include "loopstep/detail/waiters.hpp"
#include "loopstep/event.hpp"
#include "loopstep/task.hpp"

namespace loopstep {

template <class T>
class queue {
public:
    explicit queue(event_loop& loop, std::size_t maxsize = 0) : loop_(loop), maxsize_(maxsize), finished_(loop) {
        finished_.set();
    }
    queue(const queue&) = delete;
    queue& operator=(const queue&) = delete;

    std::size_t qsize() const { return items_.size(); }
    std::size_t maxsize() const { return maxsize_; }
    bool empty() const { return items_.empty(); }
    bool full() const { return maxsize_ > 0 && items_.size() >= maxsize_; }

    void put_nowait(T item) {
        if (full()) throw queue_full();
        items_.push_back(std::move(item));
        ++unfinished_tasks_;
        finished_.clear();
        wake_up_next(getters_);
    }

    T get_nowait() {
        if (empty()) throw queue_empty();
        T item = std::move(items_.front());
        items_.pop_front();
        wake_up_next(putters_);
        return item;
    }

    coro<void> put(T item) {
        while (full()) co_await wait_in(putters_, "Queue.put()");
        put_nowait(std::move(item));
    }

    coro<T> get() {
        while (empty()) co_await wait_in(getters_, "Queue.get()");
        co_return get_nowait();
    }

    void task_done() {
        if (unfinished_tasks_ <= 0) throw std::invalid_argument("task_done() called too many times");
        if (--unfinished_tasks_ == 0) finished_.set();
    }

    coro<void> join() {
        if (unfinished_tasks_ > 0) co_await finished_.wait();
    }

    std::string to_string() const {
        return "<Queue maxsize=" + std::to_string(maxsize_) + " qsize=" + std::to_string(items_.size()) +
               (getters_.empty() ? "" : " _getters[" + std::to_string(getters_.size()) + "]") +
               (putters_.empty() ? "" : " _putters[" + std::to_string(putters_.size()) + "]") +
               " tasks=" + std::to_string(unfinished_tasks_) + ">";
    }

private:
    // One wait of get()/put(): on cancellation, pass the wake-up on if it was already ours.
    coro<void> wait_in(detail::waiter_queue& waiters, const char* label) {
        auto waiter = create_future<void>(loop_, label);
        std::exception_ptr error = co_await detail::wait_in_line(waiters, waiter);
        if (!error) co_return;
        waiter->cancel();  // just in case it is not done yet
        const bool can_proceed = &waiters == &getters_ ? !empty() : !full();
        if (can_proceed && !waiter->cancelled()) wake_up_next(waiters);
        std::rethrow_exception(error);
    }

    static void wake_up_next(detail::waiter_queue& waiters) {
        while (!waiters.empty()) {
            auto waiter = std::move(waiters.front());
            waiters.pop_front();
            if (!waiter->done()) {
                waiter->set_result();
                return;
            }
        }
    }

    event_loop& loop_;
    std::size_t maxsize_;
    std::deque<T> items_;
    detail::waiter_queue getters_;
    detail::waiter_queue putters_;
    long unfinished_tasks_ = 0;
    event finished_;
};

}  // namespace loopstep

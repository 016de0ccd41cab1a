// asyncio.Queue (queues.py): FIFO items between tasks; get() waits while empty, put() while
// full (maxsize > 0); task_done()/join() count finished items. Waiters wake FIFO.
// LifoQueue takes the newest item first; PriorityQueue the least, kept as heapq keeps it
// (the same sift steps, so equal priorities come out in CPython's order).
#pragma once

#include <deque>
#include <functional>
#include <stdexcept>
#include <string>

#include "loopstep/detail/waiters.hpp"
#include "loopstep/event.hpp"
#include "loopstep/task.hpp"

namespace loopstep {

enum class queue_order : std::uint8_t { fifo, lifo, priority };

template <class T>
class queue {
public:
    // `less` orders a priority queue's items (it may throw, as a Python comparison may fail).
    using less_than = std::function<bool(const T&, const T&)>;

    explicit queue(event_loop& loop, std::size_t maxsize = 0, queue_order order = queue_order::fifo, less_than less = {})
        : loop_(loop), maxsize_(maxsize), order_(order), less_(std::move(less)), finished_(loop) {
        finished_.set();
    }
    queue_order order() const { return order_; }
    queue(const queue&) = delete;
    queue& operator=(const queue&) = delete;

    std::size_t qsize() const { return items_.size(); }
    std::size_t maxsize() const { return maxsize_; }
    bool empty() const { return items_.empty(); }
    bool full() const { return maxsize_ > 0 && items_.size() >= maxsize_; }

    void put_nowait(T item) {
        if (full()) throw queue_full();
        items_.push_back(std::move(item));
        if (order_ == queue_order::priority) sift_down(0, items_.size() - 1);
        ++unfinished_tasks_;
        finished_.clear();
        wake_up_next(getters_);
        ++changes_;  // after the wake-up: a viewer that looked in between (its events) looks again
    }

    T get_nowait() {
        if (empty()) throw queue_empty();
        T item = take_next();
        wake_up_next(putters_);
        ++changes_;
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
        ++changes_;
    }

    coro<void> join() {
        if (unfinished_tasks_ > 0) co_await finished_.wait();
    }

    // What CPython's Queue._format shows: the items as stored, the waiting getters and putters,
    // the unfinished tasks.
    const auto& items() const { return items_; }
    std::size_t waiting_getters() const { return getters_.size(); }
    std::size_t waiting_putters() const { return putters_.size(); }
    std::size_t unfinished_tasks() const { return std::size_t(unfinished_tasks_); }
    // For a viewer: the tasks' waits in get() and put(), and a count that moves with every
    // change of the items or the waiters (equal counts, equal state).
    const detail::waiter_queue& getters() const { return getters_; }
    const detail::waiter_queue& putters() const { return putters_; }
    std::uint64_t changes() const { return changes_ + getters_.changes + putters_.changes; }

    std::string to_string() const {
        return "<Queue maxsize=" + std::to_string(maxsize_) + " qsize=" + std::to_string(items_.size()) +
               (getters_.empty() ? "" : " _getters[" + std::to_string(getters_.size()) + "]") +
               (putters_.empty() ? "" : " _putters[" + std::to_string(putters_.size()) + "]") +
               " tasks=" + std::to_string(unfinished_tasks_) + ">";
    }

private:
    T take_next() {
        if (order_ == queue_order::lifo) {
            T item = std::move(items_.back());
            items_.pop_back();
            return item;
        }
        if (order_ == queue_order::priority && items_.size() > 1) {
            // heapq.heappop: the last item moves to the root and sifts up.
            T item = std::move(items_.front());
            items_.front() = std::move(items_.back());
            items_.pop_back();
            sift_up(0);
            return item;
        }
        T item = std::move(items_.front());
        items_.pop_front();
        return item;
    }
    // heapq's _siftdown: the item at `pos` moves up towards `start` past greater parents.
    void sift_down(std::size_t start, std::size_t pos) {
        T moving = std::move(items_[pos]);
        while (pos > start) {
            const std::size_t parent = (pos - 1) / 2;
            if (!less_(moving, items_[parent])) break;
            items_[pos] = std::move(items_[parent]);
            pos = parent;
        }
        items_[pos] = std::move(moving);
    }
    // heapq's _siftup: the item at `pos` goes down to a leaf along the smaller children, then back up.
    void sift_up(std::size_t pos) {
        const std::size_t end = items_.size(), start = pos;
        T moving = std::move(items_[pos]);
        std::size_t child = 2 * pos + 1;
        while (child < end) {
            if (child + 1 < end && !less_(items_[child], items_[child + 1])) ++child;
            items_[pos] = std::move(items_[child]);
            pos = child;
            child = 2 * pos + 1;
        }
        items_[pos] = std::move(moving);
        sift_down(start, pos);
    }

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
            auto waiter = waiters.leave_first();
            if (!waiter->done()) {
                waiter->set_result();
                return;
            }
        }
    }

    event_loop& loop_;
    std::size_t maxsize_;
    queue_order order_;
    less_than less_;
    std::deque<T> items_;
    detail::waiter_queue getters_;
    detail::waiter_queue putters_;
    long unfinished_tasks_ = 0;
    std::uint64_t changes_ = 0;  // puts, gets and task_done()s
    event finished_;
};

}  // namespace loopstep

// A lazy coroutine (Python's coroutine object): it runs only when awaited (inline, in the
// awaiting task) or when wrapped in a task (task.hpp). Frames are resumed by the task's
// driver loop, never from inside another frame, so deep await chains cannot overflow.
#pragma once

#include <exception>
#include <optional>
#include <utility>

#include "loopstep/detail/coroutine_compat.hpp"
#include "loopstep/future.hpp"

namespace loopstep {

class task_base;

namespace detail {

struct promise_base;

// The driver interface a frame talks to; implemented by task_base (task.cpp).
void push_frame(task_base* task, promise_base& frame);
void rethrow_thrown_in(task_base* task);

struct promise_base {
    task_base* task = nullptr;       // the task whose driver resumes this frame
    promise_base* caller = nullptr;  // the frame that awaits this one: the task's await chain
    co::coroutine_handle<> self;
    std::exception_ptr error;

    // A frame starts suspended; if the task was cancelled before its first step the
    // cancellation is raised here, so the body never runs (as coro.throw() on a new coroutine).
    struct initial_awaiter {
        promise_base* promise;
        bool await_ready() const noexcept { return false; }
        void await_suspend(co::coroutine_handle<>) const noexcept {}
        void await_resume() const { rethrow_thrown_in(promise->task); }
    };
    initial_awaiter initial_suspend() noexcept { return {this}; }
    co::suspend_always final_suspend() noexcept { return {}; }
    void unhandled_exception() noexcept { error = std::current_exception(); }
};

template <class T>
struct promise_result : promise_base {
    std::optional<T> value;
    template <class U>
    void return_value(U&& result) { value.emplace(std::forward<U>(result)); }
    T take() {
        if (error) std::rethrow_exception(error);
        return std::move(*value);
    }
};

template <>
struct promise_result<void> : promise_base {
    void return_void() noexcept {}
    void take() const {
        if (error) std::rethrow_exception(error);
    }
};

}  // namespace detail

template <class T = void>
class [[nodiscard]] coro {
public:
    using value_type = T;
    struct promise_type : detail::promise_result<T> {
        coro get_return_object() {
            this->self = handle::from_promise(*this);
            return coro(handle::from_promise(*this));
        }
    };
    using handle = detail::co::coroutine_handle<promise_type>;

    coro(coro&& other) noexcept : frame_(std::exchange(other.frame_, nullptr)) {}
    coro& operator=(coro&& other) noexcept {
        if (this != &other) {
            reset();
            frame_ = std::exchange(other.frame_, nullptr);
        }
        return *this;
    }
    ~coro() { reset(); }

    // Awaiting a coroutine runs it inline in the awaiting task: no trip through the loop.
    struct awaiter {
        handle child;
        bool await_ready() const noexcept { return false; }
        template <class Promise>
        bool await_suspend(detail::co::coroutine_handle<Promise> parent) {
            child.promise().task = parent.promise().task;
            detail::push_frame(child.promise().task, child.promise());
            return true;
        }
        T await_resume() { return child.promise().take(); }
    };
    awaiter operator co_await() && noexcept { return awaiter{frame_}; }

    handle frame() const { return frame_; }
    bool done() const { return frame_ && frame_.done(); }
    void reset() {
        if (frame_) frame_.destroy();
        frame_ = nullptr;
    }

private:
    explicit coro(handle frame) : frame_(frame) {}
    handle frame_;
};

}  // namespace loopstep

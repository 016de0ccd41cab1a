// asyncio.timeout (Python 3.11's timeouts.py): a scope that cancels its task at a deadline
// and turns that cancellation into TimeoutError when the scope is left.
#pragma once

#include <optional>
#include <string>

#include "loopstep/task.hpp"

namespace loopstep {

class timeout_scope {
public:
    enum class state : std::uint8_t { created, entered, expiring, expired, exited };

    // `when` is an absolute loop time; nullopt never expires.
    explicit timeout_scope(std::optional<double> when) : when_(when) {}
    timeout_scope(const timeout_scope&) = delete;
    timeout_scope& operator=(const timeout_scope&) = delete;
    ~timeout_scope() { handler_.cancel(); }

    void enter(task_base& task);
    // Leaves the scope with the body's error (null if none); returns what to propagate:
    // a timeout_error in place of the cancellation this scope caused, else `error`.
    std::exception_ptr exit(std::exception_ptr error);
    void reschedule(std::optional<double> when);

    std::optional<double> when() const { return when_; }
    bool expired() const { return state_ == state::expiring || state_ == state::expired; }
    state current_state() const { return state_; }
    std::string to_string() const;

private:
    void on_timeout();

    std::optional<double> when_;
    state state_ = state::created;
    task_base* task_ = nullptr;
    int cancelling_ = 0;
    callback_handle handler_;
};

// `async with asyncio.timeout(delay): body`: runs `body` inline in the calling task.
template <class T>
coro<T> with_timeout(std::optional<double> delay, coro<T> body) {
    event_loop& loop = co_await get_running_loop();
    task_base& task = co_await this_task();
    timeout_scope scope(delay ? std::optional<double>(loop.time() + *delay) : std::nullopt);
    scope.enter(task);
    std::exception_ptr error;
    std::optional<stored_t<T>> value;
    try {
        if constexpr (std::is_void_v<T>) co_await std::move(body);
        else value.emplace(co_await std::move(body));
    } catch (...) {
        error = std::current_exception();
    }
    if (auto propagated = scope.exit(error)) std::rethrow_exception(propagated);
    if constexpr (!std::is_void_v<T>) co_return std::move(*value);
}

}  // namespace loopstep

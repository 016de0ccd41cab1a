// Futures (asyncio's futures.py): a result set later by someone else; awaited through awaitables.hpp.
#pragma once

#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

#include "loopstep/event_loop.hpp"
#include "loopstep/exceptions.hpp"

namespace loopstep {

enum class future_status : std::uint8_t { pending, cancelled, finished };
const char* to_string(future_status status);

// A void result is stored as std::monostate so that every future has a value slot.
template <class T>
using stored_t = std::conditional_t<std::is_void_v<T>, std::monostate, T>;

// The untyped part of every future: state, error, done-callbacks.
class future_base : public std::enable_shared_from_this<future_base> {
public:
    using done_callback = std::function<void(future_base&)>;

    explicit future_base(event_loop& loop, std::string label = {});
    virtual ~future_base();
    future_base(const future_base&) = delete;
    future_base& operator=(const future_base&) = delete;

    event_loop& loop() const { return *loop_; }
    future_id id() const { return id_; }
    future_status status() const { return status_; }
    bool done() const { return status_ != future_status::pending; }
    bool cancelled() const { return status_ == future_status::cancelled; }

    virtual bool cancel(std::string message = {});
    // Which task<T> this future is, as task_behind<T> (task.hpp) asks: nullptr for a plain future.
    virtual const void* task_type() const { return nullptr; }
    void set_exception(std::exception_ptr error);
    // Returns the stored error (null on success); throws cancelled_error if cancelled and
    // invalid_state_error if pending, as Future.exception() does.
    std::exception_ptr exception();
    // Throws the stored error or cancellation; invalid_state_error if pending.
    void rethrow_if_unsuccessful();
    // The error result() would raise (a cancelled_error for a cancelled future), or null.
    std::exception_ptr failure();

    // Scheduled with call_soon in registration order once the future is done. `wakes`
    // names the task the callback steps, so the trace can show it.
    std::uint64_t add_done_callback(done_callback callback, task_id wakes = 0);
    std::size_t remove_done_callback(std::uint64_t token);
    // The done-callback of a task waiting on this future: schedules the task's next step.
    void add_waker(std::shared_ptr<task_base> task);
    // The tasks waiting on this future, in the order they will be woken (for snapshots).
    std::vector<task_id> waiting_tasks() const;
    // Forgets every callback unrun: for a loop that is going away (they hold references
    // that may form cycles, e.g. a gather and its children).
    void abandon_callbacks() {
        callbacks_.clear();
        first_waker_.reset();
    }

    const std::string& cancel_message() const { return cancel_message_; }
    bool failed() const { return status_ == future_status::finished && error_; }
    // The stored error without marking it retrieved (for reprs and the trace).
    const std::exception_ptr& stored_error() const { return error_; }
    // The error if no one has looked at it yet (clears the flag): for "never retrieved" reports.
    std::exception_ptr take_unretrieved_error();

    // What a waiter is waiting on, in words ("sleep(55)", "Queue.get()").
    const std::string& label() const { return label_; }
    void set_label(std::string label) { label_ = std::move(label); }
    virtual std::string to_string() const;
    // The successful result as text, for the trace and reprs.
    virtual std::string result_text() const { return {}; }

protected:
    bool cancel_future(const std::string& message);
    void check_pending(const char* operation) const;
    void mark_finished();

private:
    struct registered_callback {
        done_callback callback;  // empty for a waker
        std::uint64_t token;
        task_id wakes;
        std::shared_ptr<task_base> waker;
    };
    void schedule_callbacks();

    event_loop* loop_;
    std::weak_ptr<detail::loop_reports> reports_;
    future_id id_;
    future_status status_ = future_status::pending;
    bool error_unretrieved_ = false;
    std::exception_ptr error_;
    std::string cancel_message_;
    std::string label_;
    std::vector<registered_callback> callbacks_;
    // Most futures have exactly one callback, the waker of the task awaiting them: it is
    // kept here rather than in the vector, which saves an allocation per await.
    std::shared_ptr<task_base> first_waker_;
    std::uint64_t first_waker_token_ = 0;
    std::uint64_t last_token_ = 0;
};

// Text of a value for the trace: numbers and strings as Python would print them, else "".
template <class T>
std::string value_text(const T& value) {
    if constexpr (std::is_same_v<T, bool>) {
        return value ? "True" : "False";
    } else if constexpr (std::is_arithmetic_v<T>) {
        return std::to_string(value);
    } else if constexpr (std::is_convertible_v<T, std::string>) {
        return "'" + std::string(value) + "'";
    } else {
        return {};
    }
}

template <class T>
class future : public future_base {
public:
    using value_type = T;
    using future_base::future_base;

    void set_result(stored_t<T> value = {}) {
        check_pending("set_result");
        value_ = std::move(value);
        mark_finished();
    }
    stored_t<T>& result() {
        rethrow_if_unsuccessful();
        return *value_;
    }
    std::string result_text() const override {
        if constexpr (std::is_void_v<T>) return "None";
        else return value_ ? value_text(*value_) : std::string{};
    }

private:
    std::optional<stored_t<T>> value_;
};

template <class T>
using future_ptr = std::shared_ptr<future<T>>;

template <class T = void>
future_ptr<T> create_future(event_loop& loop, std::string label = {}) {
    return std::make_shared<future<T>>(loop, std::move(label));
}

}  // namespace loopstep

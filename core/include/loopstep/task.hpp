// Tasks (asyncio's tasks.py Task): a coroutine scheduled on the loop, stepping from await to
// await; awaiting a future or task suspends the awaiting task until it is done.
#pragma once

#include <exception>
#include <memory>
#include <string>

#include "loopstep/coro.hpp"
#include "loopstep/future.hpp"

namespace loopstep {

enum class task_state : std::uint8_t { scheduled, running, waiting, finished, failed, cancelled };
const char* to_string(task_state state);

// The untyped half of a task: the driver that steps its frames, and cancellation.
class task_base {
public:
    task_base(const task_base&) = delete;
    task_base& operator=(const task_base&) = delete;

    task_id id() const { return id_; }
    // "Task-<number>" unless named; built on demand, as most tasks are never asked.
    std::string name() const { return name_.empty() ? "Task-" + std::to_string(number_) : name_; }
    void set_name(std::string name) { name_ = std::move(name); }
    task_state state() const;
    future_base& as_future() { return self_; }
    const future_base& as_future() const { return self_; }
    // The future this task is suspended on, if any.
    future_base* waiting_on() const { return waiter_.get(); }

    // Task.cancel(): false if done; otherwise CancelledError is raised at the await point
    // (what the task waits on is cancelled too).
    bool request_cancel(const std::string& message = {});
    int cancelling() const { return cancel_requests_; }
    int uncancel() { return cancel_requests_ > 0 ? --cancel_requests_ : 0; }

    // Where the task is in the program's source (1-based; 0 when unknown). The interpreter
    // sets it before the task awaits, blocks or prints; the loop copies it into the trace
    // events of this task. Scheduler-only C++ programs leave it 0.
    int source_line() const { return source_line_; }
    void set_source_line(int line) { source_line_ = line; }

    std::string describe() const;  // "<Task pending name='Task-2' ...>"
    std::string waiting_on_text() const;  // the awaited future's label, or its repr
    // waiting_on_text() as the trace told it when the task paused (a repr changes while the
    // task waits): what a snapshot of a traced loop shows.
    std::string paused_on_text() const { return paused_on_.empty() ? waiting_on_text() : paused_on_; }
    std::string outcome_text() const;     // result, error or cancellation text once done

    // The driver protocol, used by awaiters in frames of this task.
    void push_frame(detail::promise_base& frame) {
        frame.caller = top_frame_;
        top_frame_ = &frame;
        suspension_ = suspension::child;
    }
    void suspend_on(std::shared_ptr<future_base> future);
    void yield_now() noexcept { suspension_ = suspension::yield; }
    void rethrow_thrown_in() {
        if (thrown_in_) [[unlikely]] rethrow_now();
    }

protected:
    task_base(future_base& self, std::string name);
    virtual ~task_base();
    void schedule_first_step();
    // Frees every frame of the task (the loop does this to pending tasks it outlives).
    virtual void destroy_frames() = 0;
    virtual detail::promise_base& bottom_frame() const = 0;
    // The bottom frame returned or raised: settle the future.
    virtual void settle_from_frame() = 0;
    virtual bool cancel_as_future(const std::string& message) = 0;
    // Settles the future from the frame's error or a pending cancellation; false if
    // neither applies and the caller must set the result.
    bool settle_unsuccessful(const std::exception_ptr& error);
    void trace_settled();

private:
    friend class event_loop;
    enum class suspension : std::uint8_t { none, child, future, yield };
    void schedule_step();
    void run_step(detail::scheduled_callback& entry);
    void step(const std::exception_ptr& thrown_in);
    void drive_frames();
    void wait_for_waiter();
    std::shared_ptr<task_base> shared_self();
    [[noreturn]] void rethrow_now();
    void abandon();

    future_base& self_;
    event_loop& loop_;
    task_id id_;
    std::uint32_t number_;
    std::string name_;
    detail::promise_base* top_frame_ = nullptr;  // innermost frame of the await chain (linked by caller)
    std::shared_ptr<future_base> waiter_;
    std::exception_ptr thrown_in_;
    std::string cancel_message_;
    std::string paused_on_;  // set only when tracing
    int cancel_requests_ = 0;
    int source_line_ = 0;
    suspension suspension_ = suspension::none;
    bool must_cancel_ = false;
    bool step_scheduled_ = false;
    task_base* prev_live_ = nullptr;  // the loop's list of live tasks
    task_base* next_live_ = nullptr;
    bool linked_ = false;
};

template <class T>
class task final : public future<T>, public task_base {
public:
    task(event_loop& loop, coro<T> body, std::string name)
        : future<T>(loop), task_base(static_cast<future_base&>(*this), std::move(name)), body_(std::move(body)) {
        body_.frame().promise().task = this;
    }
    ~task() override = default;
    using task_base::id;  // the task's id, not its future's

    bool cancel(std::string message = {}) override { return request_cancel(message); }
    std::string to_string() const override { return describe(); }
    const void* task_type() const override { return &type_tag; }
    static constexpr char type_tag = 0;  // its address names task<T>: no RTTI needed (the page has none)

private:
    template <class U>
    friend std::shared_ptr<task<U>> create_task(event_loop&, coro<U>, std::string);

    void destroy_frames() override { body_.reset(); }
    detail::promise_base& bottom_frame() const override { return body_.frame().promise(); }
    bool cancel_as_future(const std::string& message) override { return this->cancel_future(message); }
    void settle_from_frame() override {
        auto& promise = body_.frame().promise();
        if (!settle_unsuccessful(promise.error)) {
            if constexpr (std::is_void_v<T>) this->set_result();
            else this->set_result(std::move(*promise.value));
        }
        trace_settled();
    }

    coro<T> body_;
};

template <class T>
using task_ptr = std::shared_ptr<task<T>>;

// The task<T> a future is, or nullptr if it is a plain future or a task of another type.
template <class T>
task_ptr<T> task_behind(future_base& future) {
    if (future.task_type() != &task<T>::type_tag) return nullptr;
    return std::static_pointer_cast<task<T>>(future.shared_from_this());
}

// asyncio.create_task: the first step is scheduled with call_soon, so it runs after the
// creator yields. Default names are "Task-N" where N counts every task of the loop.
template <class T>
task_ptr<T> create_task(event_loop& loop, coro<T> body, std::string name = {}) {
    auto created = std::make_shared<task<T>>(loop, std::move(body), std::move(name));
    created->schedule_first_step();
    return created;
}

inline task_base* current_task(event_loop& loop) { return loop.current_task(); }

// Awaiting a future (or a task) that is not done suspends the awaiting task until it is.
template <class F>
struct future_awaiter {
    std::shared_ptr<F> awaited;
    task_base* suspended = nullptr;

    bool await_ready() const noexcept { return awaited->done(); }
    template <class Promise>
    bool await_suspend(detail::co::coroutine_handle<Promise> frame) {
        suspended = frame.promise().task;
        suspended->suspend_on(awaited);
        return true;
    }
    decltype(auto) await_resume() {
        if (suspended) suspended->rethrow_thrown_in();
        if constexpr (std::is_void_v<typename F::value_type>) awaited->result();
        else return typename F::value_type(awaited->result());
    }
};

template <class T>
future_awaiter<future<T>> operator co_await(const std::shared_ptr<future<T>>& awaited) {
    return {awaited};
}
template <class T>
future_awaiter<future<T>> operator co_await(const std::shared_ptr<task<T>>& awaited) {
    return {awaited};
}

// The loop and task the awaiting coroutine runs in, without suspending (no global state).
struct this_task_awaiter {
    task_base* task = nullptr;
    bool await_ready() const noexcept { return false; }
    template <class Promise>
    bool await_suspend(detail::co::coroutine_handle<Promise> frame) noexcept {
        task = frame.promise().task;
        return false;
    }
    task_base& await_resume() const noexcept { return *task; }
};
inline this_task_awaiter this_task() { return {}; }

struct running_loop_awaiter : this_task_awaiter {
    event_loop& await_resume() const noexcept { return task->as_future().loop(); }
};
inline running_loop_awaiter get_running_loop() { return {}; }

}  // namespace loopstep

// The event loop (asyncio's base_events.py) on a virtual clock; futures and tasks (future.hpp, task.hpp) run on it.
#pragma once

#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "loopstep/trace.hpp"

namespace loopstep {

class future_base;
class task_base;

struct loop_options {
    trace_sink trace;  // receives every scheduler event; leave empty for no tracing
    // run_forever/run_until_done stop with step_limit_error after this many callbacks in
    // the loop's life (0: no limit): a program whose tasks never finish cannot hang.
    std::uint64_t step_limit = 0;
    // Also told each diagnostic as it happens (reports() keeps them all).
    std::function<void(const std::string&)> on_report;
};

namespace detail {
// One scheduled callback: a ready-queue entry or a timer (asyncio's Handle / TimerHandle).
// A task step is stored as data (the task, and the future that woke it) rather than as a
// std::function: that path is the scheduler's hottest, and in wasm every indirection and
// temporary there costs a trip through a JS exception trampoline.
struct scheduled_callback {
    std::function<void()> run;
    std::shared_ptr<task_base> stepper;      // set for a task step
    std::shared_ptr<future_base> wake_from;  // the future whose completion woke the task
    std::exception_ptr thrown_in;            // what that future raises, thrown into the task
    callback_id id = 0;
    double when = 0;         // timers only
    std::uint64_t order = 0; // timers only: equal deadlines fire in scheduling order
    task_id task = 0;        // the task this callback steps, 0 for a plain callback
    bool cancelled = false;
    bool is_timer = false;
    bool pending = false;    // still in the ready queue or the timer heap
    std::string label;
};
// Reports outlive the loop so that a future destroyed after its loop can still report safely.
struct loop_reports {
    std::vector<std::string> lines;
    std::function<void(const std::string&)> listener;
    void add(std::string line) {
        if (listener) listener(line);
        lines.push_back(std::move(line));
    }
};
}  // namespace detail

// A cancellable reference to a scheduled callback (asyncio's Handle / TimerHandle).
class callback_handle {
public:
    callback_handle() = default;
    void cancel() {
        if (state_ && !state_->cancelled) cancel_scheduled();
    }
    bool cancelled() const { return state_ && state_->cancelled; }
    double when() const { return state_ ? state_->when : 0; }
    callback_id id() const { return state_ ? state_->id : 0; }

private:
    friend class event_loop;
    callback_handle(std::shared_ptr<detail::scheduled_callback> state, class event_loop* loop)
        : state_(std::move(state)), loop_(loop) {}
    void cancel_scheduled();
    std::shared_ptr<detail::scheduled_callback> state_;
    class event_loop* loop_ = nullptr;
};

enum class step_kind : std::uint8_t { idle, task_step, callback };

// What one call of event_loop::step() did.
struct step_report {
    step_kind kind = step_kind::idle;
    task_id task = 0;  // the task that was stepped, if any
    callback_id handle = 0;
    double time = 0;   // virtual time after the step
};

// A view of one pending callback, for snapshots: who runs next, who wakes when.
struct scheduled_view {
    callback_id handle = 0;
    task_id task = 0;
    double when = 0;
    std::string label;
};

class event_loop {
public:
    explicit event_loop(loop_options options = {});
    ~event_loop();
    event_loop(const event_loop&) = delete;
    event_loop& operator=(const event_loop&) = delete;

    // Virtual seconds since the loop was made; never the wall clock.
    double time() const { return now_; }

    callback_handle call_soon(std::function<void()> callback, std::string label = {}, task_id task = 0);
    // Schedules a step of `task`; `woken_by` (if any) supplies the step's thrown-in error.
    void call_soon_step(std::shared_ptr<task_base> task, std::shared_ptr<future_base> woken_by = nullptr);
    // `task` names the task a timer wakes, so a viewer can show who wakes when.
    callback_handle call_at(double when, std::function<void()> callback, std::string label = {}, task_id task = 0);
    callback_handle call_later(double delay, std::function<void()> callback, std::string label = {},
                               task_id task = 0);

    // Runs exactly one scheduled callback (one task step), keeping asyncio's iteration
    // rule: a callback scheduled during an iteration runs in the next one, and timers
    // become ready only between iterations. With nothing ready it jumps the clock.
    step_report step();
    bool has_scheduled_work() const;
    std::uint64_t steps_run() const { return steps_run_; }

    // Runs until stop() is called, finishing the iteration in which it was called.
    void run_forever();
    void stop() { stopping_ = true; }
    bool is_running() const { return running_; }
    // Runs until `future` is done (asyncio's run_until_complete without the result).
    void run_until_done(future_base& future);

    // time.sleep(): the clock advances while nothing else may run. `source_line` is where
    // the program called it, for the trace (0: unknown).
    void block_for(double seconds, int source_line = 0);

    task_base* current_task() const { return current_task_; }

    // Diagnostics asyncio would log: exceptions never retrieved, tasks destroyed pending.
    const std::vector<std::string>& reports() const { return reports_->lines; }

    bool tracing() const { return static_cast<bool>(options_.trace); }
    // Where the frames of a task come from (an interpreter's frame stacks), for the trace.
    void set_frame_source(frame_source source) { frame_source_ = std::move(source); }
    // Where the running task's line comes from, for the events emit() sends while it runs.
    void set_line_source(line_source source) { line_source_ = std::move(source); }
    // Where the changed synchronisation objects come from (an interpreter's), for the trace.
    void set_sync_source(sync_source source) { sync_source_ = std::move(source); }
    void emit(trace_kind kind, task_id task = 0, future_id future = 0, callback_id handle = 0,
              double time_value = 0, std::string detail = {});
    // An event that also says where in the program its task is (trace_event::line). A
    // function of its own rather than a 7th argument of emit(): on x86-64 that would go on
    // the stack and cost every caller a frame, traced or not.
    void emit_at_line(int line, trace_kind kind, task_id task, future_id future = 0, double time_value = 0,
                      std::string detail = {});

    std::vector<scheduled_view> ready_view() const;
    std::vector<scheduled_view> timers_view() const;  // in firing order
    // Tasks not yet destroyed, in creation order.
    std::vector<task_base*> live_tasks() const;

    // For futures and tasks of this loop.
    task_id next_task_id() { return ++last_task_id_; }
    // Every task takes a number; unnamed ones are called "Task-<number>".
    std::uint32_t next_task_number() { return ++last_task_number_; }
    future_id next_future_id() { return ++last_future_id_; }
    std::weak_ptr<detail::loop_reports> reports_sink() const { return reports_; }
    void report(std::string line);
    // How a task's exception that no one retrieved is reported when the task is destroyed
    // (an interpreter gives CPython's full form); unset: "Task exception was never retrieved: NAME: ERROR".
    using unretrieved_describer = std::function<std::string(const task_base&, const std::exception_ptr&)>;
    void set_unretrieved_describer(unretrieved_describer describer) { unretrieved_describer_ = std::move(describer); }
    std::string unretrieved_task_text(const task_base& task, const std::exception_ptr& error) const;
    void register_task(task_base& task);
    void unregister_task(task_base& task);
    void enter_task(task_base& task);
    void leave_task(task_base& task);

private:
    friend class callback_handle;
    using callback_ptr = std::shared_ptr<detail::scheduled_callback>;

    bool begin_iteration();
    void move_due_timers();
    void drop_cancelled_timers();
    step_report run_current();
    callback_ptr& push_ready(task_id task);
    void abandon_pending_tasks();

    loop_options options_;
    frame_source frame_source_;
    line_source line_source_;
    sync_source sync_source_;
    unretrieved_describer unretrieved_describer_;
    double now_ = 0;
    std::deque<callback_ptr> ready_;
    callback_ptr current_;  // the callback being run (a member, not a local: see scheduled_callback)
    std::vector<callback_ptr> timers_;  // a binary heap on (when, order)
    std::size_t remaining_in_iteration_ = 0;
    std::uint64_t last_callback_id_ = 0;
    std::uint64_t last_timer_order_ = 0;
    std::uint64_t trace_seq_ = 0;
    std::size_t cancelled_timers_ = 0;
    std::uint64_t steps_run_ = 0;
    task_id last_task_id_ = 0;
    std::uint32_t last_task_number_ = 0;
    future_id last_future_id_ = 0;
    bool stopping_ = false;
    bool running_ = false;
    task_base* current_task_ = nullptr;
    task_base* first_task_ = nullptr;  // intrusive list of live tasks, in creation order
    task_base* last_task_ = nullptr;
    std::shared_ptr<detail::loop_reports> reports_ = std::make_shared<detail::loop_reports>();
};

}  // namespace loopstep

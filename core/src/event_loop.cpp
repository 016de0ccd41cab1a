// The event loop's scheduling: ready queue, timer heap, iterations and the virtual clock (pairs with event_loop.hpp).
#include "loopstep/event_loop.hpp"

#include <algorithm>
#include <cmath>
#include <utility>
#include <stdexcept>

#include "loopstep/exceptions.hpp"
#include "loopstep/future.hpp"
#include "loopstep/task.hpp"
#include "timer_heap.hpp"

namespace loopstep {

namespace {
// asyncio: timers due within the clock's resolution of "now" are ready (time.monotonic's: 1 ns).
constexpr double clock_resolution = 1e-9;
// asyncio rebuilds the timer heap when more than half of 100+ timers are cancelled.
constexpr std::size_t min_timers_for_cleanup = 100;

// asyncio's order: (deadline, scheduling order) compared as Python compares tuples.
bool fires_first(const std::shared_ptr<detail::scheduled_callback>& a,
                 const std::shared_ptr<detail::scheduled_callback>& b) {
    if (a->when == b->when) return a->order < b->order;
    return a->when < b->when;
}
}  // namespace

void callback_handle::cancel_scheduled() {
    state_->cancelled = true;
    if (!state_->pending || !loop_) return;
    if (state_->is_timer) ++loop_->cancelled_timers_;
    loop_->emit(trace_kind::handle_cancelled, state_->task, 0, state_->id);
}

event_loop::event_loop(loop_options options) : options_(std::move(options)) {
    reports_->listener = options_.on_report;
}

void event_loop::report(std::string line) { reports_->add(std::move(line)); }

std::string event_loop::unretrieved_task_text(const task_base& task, const std::exception_ptr& error) const {
    if (unretrieved_describer_) return unretrieved_describer_(task, error);
    return "Task exception was never retrieved: " + task.name() + ": " + describe_exception(error);
}

event_loop::~event_loop() {
    // Dropping queued callbacks releases the tasks they hold; frames destroyed on the way
    // may schedule more callbacks, so drain until nothing is left.
    current_.reset();
    while (!ready_.empty() || !timers_.empty()) {
        auto ready = std::move(ready_);
        auto timers = std::move(timers_);
        ready_.clear();
        timers_.clear();
    }
    abandon_pending_tasks();
    ready_.clear();
    timers_.clear();
}

void event_loop::abandon_pending_tasks() {
    std::vector<std::pair<task_base*, std::shared_ptr<future_base>>> alive;  // each with what keeps it alive
    for (task_base* task = first_task_; task; task = task->next_live_) {
        if (auto owner = task->as_future().weak_from_this().lock()) alive.emplace_back(task, std::move(owner));
    }
    for (task_base* task = first_task_; task;) {
        task_base* next = task->next_live_;
        task->prev_live_ = task->next_live_ = nullptr;
        task->linked_ = false;
        task = next;
    }
    first_task_ = last_task_ = nullptr;
    for (auto& [task, owner] : alive) {
        if (!owner->done()) report("Task was destroyed but it is pending! task: " + task->describe());
        task->abandon();
    }
}

void event_loop::emit(trace_kind kind, task_id task, future_id future, callback_id handle, double time_value,
                      std::string detail) {
    if (!options_.trace) return;
    trace_event event{.seq = ++trace_seq_,
                      .time = now_,
                      .kind = kind,
                      .task = task,
                      .future = future,
                      .handle = handle,
                      .time_value = time_value,
                      .detail = std::move(detail)};
    if (line_source_ && current_task_) event.line = line_source_();
    if (frame_source_ && task && carries_frames(kind)) event.frames = frame_source_(task);
    if (sync_source_) event.sync = sync_source_();
    options_.trace(event);
}

void event_loop::emit_at_line(int line, trace_kind kind, task_id task, future_id future, double time_value,
                              std::string detail) {
    if (!options_.trace) return;
    trace_event event{.seq = ++trace_seq_,
                      .time = now_,
                      .kind = kind,
                      .task = task,
                      .future = future,
                      .handle = 0,
                      .time_value = time_value,
                      .detail = std::move(detail),
                      .line = line};
    if (frame_source_ && task && carries_frames(kind)) event.frames = frame_source_(task);
    if (sync_source_) event.sync = sync_source_();
    options_.trace(event);
}

event_loop::callback_ptr& event_loop::push_ready(task_id task) {
    callback_ptr& entry = ready_.emplace_back(std::make_shared<detail::scheduled_callback>());
    entry->id = ++last_callback_id_;
    entry->task = task;
    entry->pending = true;
    return entry;
}

callback_handle event_loop::call_soon(std::function<void()> callback, std::string label, task_id task) {
    callback_ptr& entry = push_ready(task);
    entry->run = std::move(callback);
    entry->label = std::move(label);
    if (tracing()) {
        emit(task ? trace_kind::task_scheduled : trace_kind::callback_scheduled, task, 0, entry->id, 0,
             entry->label);
    }
    return callback_handle(entry, this);
}

void event_loop::call_soon_step(std::shared_ptr<task_base> task, std::shared_ptr<future_base> woken_by) {
    callback_ptr& entry = push_ready(task->id());
    entry->stepper = std::move(task);
    entry->wake_from = std::move(woken_by);
    if (tracing()) emit(trace_kind::task_scheduled, entry->task, 0, entry->id);
}

callback_handle event_loop::call_at(double when, std::function<void()> callback, std::string label, task_id task) {
    auto entry = std::make_shared<detail::scheduled_callback>();
    entry->run = std::move(callback);
    entry->id = ++last_callback_id_;
    entry->when = when;  // NaN included: see timer_heap.hpp and move_due_timers
    entry->order = ++last_timer_order_;
    entry->task = task;
    entry->is_timer = true;
    entry->pending = true;
    entry->label = std::move(label);
    detail::heap_push(timers_, entry, fires_first);
    if (tracing()) emit(trace_kind::timer_set, task, 0, entry->id, when, entry->label);
    return callback_handle(std::move(entry), this);
}

callback_handle event_loop::call_later(double delay, std::function<void()> callback, std::string label,
                                       task_id task) {
    return call_at(now_ + delay, std::move(callback), std::move(label), task);
}

bool event_loop::has_scheduled_work() const {
    if (remaining_in_iteration_ > 0 || !ready_.empty()) return true;
    return std::any_of(timers_.begin(), timers_.end(), [](const callback_ptr& t) { return !t->cancelled; });
}

void event_loop::drop_cancelled_timers() {
    if (timers_.size() > min_timers_for_cleanup && cancelled_timers_ * 2 > timers_.size()) {
        std::erase_if(timers_, [](const callback_ptr& timer) {
            if (timer->cancelled) timer->pending = false;
            return timer->cancelled;
        });
        detail::heapify(timers_, fires_first);
        cancelled_timers_ = 0;
        return;
    }
    while (!timers_.empty() && timers_.front()->cancelled) {
        detail::heap_pop(timers_, fires_first)->pending = false;
        --cancelled_timers_;
    }
}

void event_loop::move_due_timers() {
    const double end_time = now_ + clock_resolution;
    // As asyncio: a timer is due unless its deadline is at or after the end time, so a NaN
    // deadline is due as soon as its timer reaches the front of the heap.
    while (!timers_.empty() && !(timers_.front()->when >= end_time)) {
        callback_ptr timer = detail::heap_pop(timers_, fires_first);
        if (timer->cancelled) {
            timer->pending = false;
            --cancelled_timers_;
            continue;
        }
        emit(trace_kind::timer_fired, timer->task, 0, timer->id, timer->when, timer->label);
        timer->is_timer = false;  // now an ordinary ready callback, out of the heap
        ready_.push_back(std::move(timer));
    }
}

// One iteration of asyncio's _run_once, up to running callbacks: returns false when there
// is nothing left to do at all (no callbacks, no timers).
bool event_loop::begin_iteration() {
    drop_cancelled_timers();
    if (ready_.empty() && !stopping_) {
        // A timer at infinity never fires: with only those left, the loop would wait for ever.
        if (timers_.empty() || std::isinf(timers_.front()->when)) return false;
        // The virtual clock jumps straight to the first deadline, however far: asyncio's
        // select() would wake once a day on the way, which changes nothing a program sees.
        const double deadline = timers_.front()->when;
        if (deadline > now_) {
            now_ = deadline;
            // Past about 97 days a double cannot hold now + 1 ns, so the deadline would never be
            // "before now + resolution": land on the next representable time, as a real clock
            // would pass the deadline (the oracle does the same).
            if (now_ + clock_resolution == now_) now_ = std::nextafter(now_, INFINITY);
            emit(trace_kind::clock_advanced, 0, 0, 0, now_);
        }
    }
    move_due_timers();
    remaining_in_iteration_ = ready_.size();
    return true;
}

step_report event_loop::step() {
    for (;;) {
        if (remaining_in_iteration_ == 0) {
            if (!begin_iteration()) return {.time = now_};
            if (remaining_in_iteration_ == 0) {
                if (stopping_) return {.time = now_};
                continue;  // only cancelled timers were due; go on
            }
        }
        current_ = std::move(ready_.front());
        ready_.pop_front();
        --remaining_in_iteration_;
        current_->pending = false;
        if (current_->cancelled) continue;
        return run_current();
    }
}

step_report event_loop::run_current() {
    ++steps_run_;
    detail::scheduled_callback& entry = *current_;
    if (tracing()) emit(trace_kind::callback_ran, entry.task, 0, entry.id, 0, entry.label);
    const step_report report{.kind = entry.task ? step_kind::task_step : step_kind::callback,
                             .task = entry.task,
                             .handle = entry.id};
    if (entry.stepper) entry.stepper->run_step(entry);
    else entry.run();
    current_.reset();
    return {.kind = report.kind, .task = report.task, .handle = report.handle, .time = now_};
}

void event_loop::run_forever() {
    if (running_) throw std::logic_error("This event loop is already running");
    running_ = true;
    struct reset_on_exit {
        event_loop* loop;
        ~reset_on_exit() {
            loop->running_ = false;
            loop->stopping_ = false;
        }
    } reset{this};
    for (;;) {
        if (options_.step_limit && steps_run_ >= options_.step_limit) {
            throw step_limit_error("the event loop ran " + std::to_string(steps_run_) + " steps without finishing");
        }
        const step_report report = step();
        if (remaining_in_iteration_ == 0 && stopping_) return;
        if (report.kind == step_kind::idle && !stopping_) {
            throw deadlock_error("deadlock: the event loop would wait forever (every task is waiting "
                                 "and no timer is pending)");
        }
    }
}

void event_loop::run_until_done(future_base& future) {
    const auto token = future.add_done_callback([this](future_base&) { stop(); });
    try {
        run_forever();
    } catch (...) {
        future.remove_done_callback(token);
        throw;
    }
    future.remove_done_callback(token);
    if (!future.done()) throw std::logic_error("Event loop stopped before Future completed.");
}

void event_loop::block_for(double seconds, int source_line) {
    if (seconds < 0) throw std::invalid_argument("sleep length must be non-negative");
    now_ += seconds;
    if (source_line && current_task_) current_task_->set_source_line(source_line);
    if (tracing()) {
        emit_at_line(source_line, trace_kind::blocked, current_task_ ? current_task_->id() : 0, 0, seconds);
    }
}

std::vector<scheduled_view> event_loop::ready_view() const {
    std::vector<scheduled_view> view;
    for (const auto& entry : ready_) {
        if (!entry->cancelled) view.push_back({entry->id, entry->task, entry->when, entry->label});
    }
    return view;
}

std::vector<scheduled_view> event_loop::timers_view() const {
    std::vector<callback_ptr> sorted;
    for (const auto& timer : timers_) {
        if (!timer->cancelled) sorted.push_back(timer);
    }
    // A total order for showing them (NaN, due at once, first): sort must not see NaN.
    const auto key = [](const callback_ptr& t) { return std::pair(std::isnan(t->when) ? -INFINITY : t->when, t->order); };
    std::sort(sorted.begin(), sorted.end(), [&](const callback_ptr& a, const callback_ptr& b) { return key(a) < key(b); });
    std::vector<scheduled_view> view;
    for (const auto& timer : sorted) view.push_back({timer->id, timer->task, timer->when, timer->label});
    return view;
}

std::vector<task_base*> event_loop::live_tasks() const {
    std::vector<task_base*> tasks;
    for (task_base* task = first_task_; task; task = task->next_live_) tasks.push_back(task);
    return tasks;
}

void event_loop::register_task(task_base& task) {
    task.prev_live_ = last_task_;
    task.next_live_ = nullptr;
    task.linked_ = true;
    if (last_task_) last_task_->next_live_ = &task;
    else first_task_ = &task;
    last_task_ = &task;
}

void event_loop::unregister_task(task_base& task) {
    if (!task.linked_) return;
    if (task.prev_live_) task.prev_live_->next_live_ = task.next_live_;
    else first_task_ = task.next_live_;
    if (task.next_live_) task.next_live_->prev_live_ = task.prev_live_;
    else last_task_ = task.prev_live_;
    task.prev_live_ = task.next_live_ = nullptr;
    task.linked_ = false;
}

void event_loop::enter_task(task_base& task) {
    if (current_task_) throw std::logic_error("Cannot enter into task " + task.describe() + " while another task is being executed.");
    current_task_ = &task;
}

void event_loop::leave_task(task_base& task) {
    if (current_task_ != &task) throw std::logic_error("Leaving task " + task.describe() + " does not match the current task.");
    current_task_ = nullptr;
}

}  // namespace loopstep

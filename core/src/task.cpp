// The task driver (asyncio's Task.__step / __wakeup) and task cancellation (pairs with task.hpp).
#include "loopstep/task.hpp"

#include <stdexcept>

namespace loopstep {

namespace detail {
void push_frame(task_base* task, promise_base& frame) { task->push_frame(frame); }
void rethrow_thrown_in(task_base* task) { task->rethrow_thrown_in(); }
}  // namespace detail


const char* to_string(task_state state) {
    switch (state) {
        case task_state::scheduled: return "ready";
        case task_state::running: return "running";
        case task_state::waiting: return "waiting";
        case task_state::finished: return "done";
        case task_state::failed: return "failed";
        case task_state::cancelled: return "cancelled";
    }
    return "?";
}

task_base::task_base(future_base& self, std::string name)
    : self_(self),
      loop_(self.loop()),
      id_(loop_.next_task_id()),
      number_(loop_.next_task_number()),  // CPython's C Task takes a number even when named
      name_(std::move(name)) {
    loop_.register_task(*this);
    if (loop_.tracing()) loop_.emit(trace_kind::task_created, id_, self_.id(), 0, 0, this->name());
}

task_base::~task_base() {
    if (auto error = self_.take_unretrieved_error()) {
        loop_.report(loop_.unretrieved_task_text(*this, error));
    }
    loop_.unregister_task(*this);
}

task_state task_base::state() const {
    if (self_.cancelled()) return task_state::cancelled;
    if (self_.failed()) return task_state::failed;
    if (self_.done()) return task_state::finished;
    if (loop_.current_task() == this) return task_state::running;
    if (waiter_ && !waiter_->done()) return task_state::waiting;
    return task_state::scheduled;
}

std::shared_ptr<task_base> task_base::shared_self() {
    return std::shared_ptr<task_base>(self_.shared_from_this(), this);
}

bool task_base::request_cancel(const std::string& message) {
    if (self_.done()) return false;
    ++cancel_requests_;
    if (waiter_ && waiter_->cancel(message)) return true;  // its done-callback wakes us with the cancellation
    must_cancel_ = true;
    cancel_message_ = message;
    return true;
}

std::string task_base::describe() const {
    std::string text = "<Task ";
    text += self_.done() ? (self_.cancelled() ? "cancelled" : "finished") : "pending";
    text += " name='" + name() + "'";
    if (self_.failed()) {
        text += " exception=" + describe_exception(self_.stored_error());
    } else if (self_.status() == future_status::finished) {
        text += " result=" + self_.result_text();
    } else if (waiter_ && !waiter_->done()) {
        text += " wait_for=" + waiting_on_text();
    }
    return text + ">";
}

std::string task_base::waiting_on_text() const {
    if (!waiter_) return {};
    return waiter_->label().empty() ? waiter_->to_string() : waiter_->label();
}

std::string task_base::outcome_text() const {
    if (self_.cancelled()) return self_.cancel_message();
    if (self_.failed()) return describe_exception(self_.stored_error());
    if (self_.done()) return self_.result_text();
    return {};
}

void task_base::schedule_first_step() { schedule_step(); }

void task_base::schedule_step() { loop_.call_soon_step(shared_self()); }

void task_base::run_step(detail::scheduled_callback& entry) {
    // asyncio's __wakeup: the awaited future's error (or cancellation) is thrown in.
    if (entry.wake_from) entry.thrown_in = entry.wake_from->failure();
    step(entry.thrown_in);
}

void task_base::suspend_on(std::shared_ptr<future_base> future) {
    if (future.get() == &self_) throw std::logic_error("Task cannot await on itself: " + describe());
    waiter_ = std::move(future);
    suspension_ = suspension::future;
}

void task_base::rethrow_now() { std::rethrow_exception(std::exchange(thrown_in_, nullptr)); }

void task_base::step(const std::exception_ptr& thrown_in) {
    if (self_.done()) return;
    thrown_in_ = thrown_in;
    if (must_cancel_) {
        if (!is_cancellation(thrown_in_)) thrown_in_ = std::make_exception_ptr(cancelled_error(cancel_message_));
        must_cancel_ = false;
    }
    waiter_.reset();
    loop_.enter_task(*this);
    if (loop_.tracing()) loop_.emit_at_line(source_line_, trace_kind::task_resumed, id_);
    drive_frames();
    loop_.leave_task(*this);
}

// Resumes the innermost frame until the task suspends on a future, yields, or finishes.
// A frame that awaits a coroutine pushes it and returns here; a finished frame pops and
// its parent resumes: the chain is walked in this loop, never by nested resume() calls.
void task_base::drive_frames() {
    if (!top_frame_) top_frame_ = &bottom_frame();
    for (;;) {
        detail::promise_base* frame = top_frame_;
        suspension_ = suspension::none;
        frame->self.resume();
        switch (suspension_) {
            case suspension::child: continue;
            case suspension::future: wait_for_waiter(); return;
            case suspension::yield:
                if (loop_.tracing()) loop_.emit_at_line(source_line_, trace_kind::task_yielded, id_);
                schedule_step();
                return;
            case suspension::none:
                if (!frame->self.done()) std::terminate();  // suspended on an awaitable that is not loopstep's
                top_frame_ = frame->caller;
                if (!top_frame_) {
                    settle_from_frame();
                    destroy_frames();
                    return;
                }
        }
    }
}

void task_base::wait_for_waiter() {
    if (loop_.tracing()) {
        paused_on_ = waiting_on_text();
        loop_.emit_at_line(source_line_, trace_kind::task_suspended, id_, waiter_->id(), 0, paused_on_);
    }
    waiter_->add_waker(shared_self());
    if (must_cancel_ && waiter_->cancel(cancel_message_)) must_cancel_ = false;
}

bool task_base::settle_unsuccessful(const std::exception_ptr& error) {
    std::string message;
    if (error) {
        if (is_cancellation(error, &message)) cancel_as_future(message);
        else self_.set_exception(error);
        return true;
    }
    if (!must_cancel_) return false;
    must_cancel_ = false;
    cancel_as_future(cancel_message_);
    return true;
}

void task_base::trace_settled() {
    if (!loop_.tracing()) return;
    const trace_kind kind = self_.cancelled() ? trace_kind::task_cancelled
                            : self_.failed()  ? trace_kind::task_failed
                                              : trace_kind::task_completed;
    loop_.emit_at_line(source_line_, kind, id_, 0, 0, outcome_text());
}

void task_base::abandon() {
    self_.abandon_callbacks();
    waiter_.reset();
    top_frame_ = nullptr;
    destroy_frames();
}

}  // namespace loopstep

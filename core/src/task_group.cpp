// Task group lifecycle: abort on first failure, wait for every child, collect errors (pairs with task_group.hpp).
#include "loopstep/task_group.hpp"

#include <algorithm>
#include <stdexcept>

namespace loopstep {

task_group::~task_group() {
    // A group destroyed before exit (its frame was abandoned) must not be called back.
    for (auto& child : tasks_) child.future->remove_done_callback(child.token);
}

std::string task_group::to_string() const {
    std::string text = "<TaskGroup";
    if (!tasks_.empty()) text += " tasks=" + std::to_string(tasks_.size());
    if (!errors_.empty()) text += " errors=" + std::to_string(errors_.size());
    if (aborting_) text += " cancelling";
    else if (entered_) text += " entered";
    return text + ">";
}

void task_group::enter(task_base& parent) {
    if (entered_) throw std::logic_error("TaskGroup " + to_string() + " has already been entered");
    entered_ = true;
    parent_ = &parent;
}

void task_group::check_accepts_tasks() const {
    if (!entered_) throw std::logic_error("TaskGroup " + to_string() + " has not been entered");
    if (exiting_ && tasks_.empty()) throw std::logic_error("TaskGroup " + to_string() + " is finished");
    if (aborting_) throw std::logic_error("TaskGroup " + to_string() + " is shutting down");
}

void task_group::adopt(std::shared_ptr<future_base> future) {
    const auto token = future->add_done_callback([this](future_base& done) { on_task_done(done); });
    tasks_.push_back({std::move(future), token});
}

void task_group::abort() {
    aborting_ = true;
    for (auto& child : tasks_) {
        if (!child.future->done()) child.future->cancel();
    }
}

void task_group::on_task_done(future_base& done) {
    std::erase_if(tasks_, [&](const child& c) { return c.future.get() == &done; });
    if (on_completed_ && tasks_.empty() && !on_completed_->done()) on_completed_->set_result();
    if (done.cancelled()) return;
    auto error = done.exception();
    if (!error) return;
    errors_.push_back(error);
    if (parent_->as_future().done()) {
        loop_.report("Task " + done.to_string() + " has errored out but its parent task " + parent_->describe() +
                     " is already completed");
        return;
    }
    if (!aborting_ && !parent_cancel_requested_) {
        abort();
        parent_cancel_requested_ = true;
        parent_->request_cancel();
    }
}

coro<void> task_group::exit(std::exception_ptr body_error) {
    exiting_ = true;
    const bool body_cancelled = is_cancellation(body_error);
    std::exception_ptr propagate_cancellation = body_cancelled ? body_error : nullptr;
    if (parent_cancel_requested_ && parent_->uncancel() == 0) propagate_cancellation = nullptr;
    if (body_error && !aborting_) abort();
    while (!tasks_.empty()) {
        if (!on_completed_) on_completed_ = create_future<void>(loop_, "TaskGroup children");
        try {
            co_await on_completed_;
        } catch (const cancelled_error&) {
            if (!aborting_) {
                propagate_cancellation = std::current_exception();
                abort();
            }
        }
        on_completed_.reset();
    }
    if (propagate_cancellation && errors_.empty()) std::rethrow_exception(propagate_cancellation);
    if (body_error && !body_cancelled) errors_.push_back(body_error);
    if (!errors_.empty()) throw exception_group("unhandled errors in a TaskGroup", std::exchange(errors_, {}));
}

}  // namespace loopstep

// Future state changes and done-callbacks (pairs with future.hpp).
#include "loopstep/future.hpp"

#include <algorithm>

#include "loopstep/task.hpp"

namespace loopstep {

const char* to_string(future_status status) {
    switch (status) {
        case future_status::pending: return "pending";
        case future_status::cancelled: return "cancelled";
        case future_status::finished: return "finished";
    }
    return "?";
}

future_base::future_base(event_loop& loop, std::string label)
    : loop_(&loop), reports_(loop.reports_sink()), id_(loop.next_future_id()), label_(std::move(label)) {}

future_base::~future_base() {
    if (!error_unretrieved_) return;
    if (auto reports = reports_.lock()) {
        reports->add("Future exception was never retrieved: " + describe_exception(error_));
    }
}

std::exception_ptr future_base::take_unretrieved_error() {
    if (!error_unretrieved_) return nullptr;
    error_unretrieved_ = false;
    return error_;
}

bool future_base::cancel(std::string message) { return cancel_future(message); }

bool future_base::cancel_future(const std::string& message) {
    error_unretrieved_ = false;
    if (status_ != future_status::pending) return false;
    status_ = future_status::cancelled;
    cancel_message_ = message;
    if (loop_->tracing()) loop_->emit(trace_kind::future_resolved, 0, id_, 0, 0, "cancelled");
    schedule_callbacks();
    return true;
}

void future_base::check_pending(const char* operation) const {
    if (status_ != future_status::pending) {
        (void)operation;
        throw invalid_state_error("invalid state");  // the words of CPython's C Future
    }
}

void future_base::set_exception(std::exception_ptr error) {
    check_pending("set_exception");
    error_ = std::move(error);
    error_unretrieved_ = true;
    mark_finished();
}

void future_base::mark_finished() {
    status_ = future_status::finished;
    if (loop_->tracing()) {
        loop_->emit(trace_kind::future_resolved, 0, id_, 0, 0,
                    error_ ? describe_exception(error_) : "result " + result_text());
    }
    schedule_callbacks();
}

std::exception_ptr future_base::exception() {
    if (status_ == future_status::cancelled) throw cancelled_error(cancel_message_);
    if (status_ == future_status::pending) throw invalid_state_error("Exception is not set.");
    error_unretrieved_ = false;
    return error_;
}

void future_base::rethrow_if_unsuccessful() {
    if (status_ == future_status::cancelled) throw cancelled_error(cancel_message_);
    if (status_ == future_status::pending) throw invalid_state_error("Result is not set.");
    error_unretrieved_ = false;
    if (error_) std::rethrow_exception(error_);
}

std::exception_ptr future_base::failure() {
    if (status_ == future_status::cancelled) return std::make_exception_ptr(cancelled_error(cancel_message_));
    return exception();
}

std::uint64_t future_base::add_done_callback(done_callback callback, task_id wakes) {
    const std::uint64_t token = ++last_token_;
    if (done()) {
        loop_->call_soon([self = shared_from_this(), callback = std::move(callback)] { callback(*self); },
                         {}, wakes);
    } else {
        callbacks_.push_back({std::move(callback), token, wakes, nullptr});
    }
    return token;
}

void future_base::add_waker(std::shared_ptr<task_base> task) {
    if (done()) {
        loop_->call_soon_step(std::move(task), shared_from_this());
    } else if (!first_waker_) {
        first_waker_ = std::move(task);
        first_waker_token_ = ++last_token_;
    } else {
        callbacks_.push_back({{}, ++last_token_, 0, std::move(task)});
    }
}

std::vector<task_id> future_base::waiting_tasks() const {
    std::vector<task_id> tasks;
    bool first_listed = !first_waker_;
    for (const auto& registered : callbacks_) {
        if (!first_listed && registered.token > first_waker_token_) {  // the order schedule_callbacks keeps
            tasks.push_back(first_waker_->id());
            first_listed = true;
        }
        if (registered.waker) tasks.push_back(registered.waker->id());
    }
    if (!first_listed) tasks.push_back(first_waker_->id());
    return tasks;
}

std::size_t future_base::remove_done_callback(std::uint64_t token) {
    return std::erase_if(callbacks_, [token](const registered_callback& c) { return c.token == token; });
}

void future_base::schedule_callbacks() {
    auto callbacks = std::move(callbacks_);
    callbacks_.clear();
    auto first_waker = std::move(first_waker_);
    if (callbacks.empty() && !first_waker) return;
    auto self = shared_from_this();
    for (auto& registered : callbacks) {
        if (first_waker && registered.token > first_waker_token_) {  // keep registration order
            loop_->call_soon_step(std::move(first_waker), self);
        }
        if (registered.waker) {
            loop_->call_soon_step(std::move(registered.waker), self);
        } else {
            loop_->call_soon([self, callback = std::move(registered.callback)] { callback(*self); }, {},
                             registered.wakes);
        }
    }
    if (first_waker) loop_->call_soon_step(std::move(first_waker), self);
}

std::string future_base::to_string() const {
    std::string text = "<Future " + std::string(loopstep::to_string(status_));
    if (!label_.empty()) text += " " + label_;
    if (status_ == future_status::finished) {
        text += error_ ? " exception=" + describe_exception(error_) : " result=" + result_text();
    }
    return text + ">";
}

}  // namespace loopstep

// The timeout scope's states and deadline handling (pairs with timeouts.hpp).
#include "loopstep/timeouts.hpp"

#include <cmath>
#include <stdexcept>

#include "loopstep/sleep.hpp"

namespace loopstep {

namespace {
const char* state_name(timeout_scope::state state) {
    switch (state) {
        case timeout_scope::state::created: return "created";
        case timeout_scope::state::entered: return "active";
        case timeout_scope::state::expiring: return "expiring";
        case timeout_scope::state::expired: return "expired";
        case timeout_scope::state::exited: return "finished";
    }
    return "?";
}
}  // namespace

void timeout_scope::enter(task_base& task) {
    if (state_ != state::created) throw std::logic_error("Timeout has already been entered");
    state_ = state::entered;
    task_ = &task;
    cancelling_ = task.cancelling();
    reschedule(when_);
}

void timeout_scope::reschedule(std::optional<double> when) {
    if (state_ != state::entered) {
        if (state_ == state::created) throw std::logic_error("Timeout has not been entered");
        throw std::logic_error(std::string("Cannot change state of ") + state_name(state_) + " Timeout");
    }
    when_ = when;
    handler_.cancel();
    handler_ = {};
    if (!when) return;
    event_loop& loop = task_->as_future().loop();
    auto fire = [this] { on_timeout(); };
    handler_ = *when <= loop.time() ? loop.call_soon(fire, "timeout") : loop.call_at(*when, fire, "timeout", task_->id());
}

void timeout_scope::on_timeout() {
    task_->request_cancel();
    state_ = state::expiring;
    handler_ = {};
}

std::exception_ptr timeout_scope::exit(std::exception_ptr error) {
    handler_.cancel();
    handler_ = {};
    if (state_ == state::expiring) {
        state_ = state::expired;
        if (task_->uncancel() <= cancelling_ && is_cancellation(error)) {
            return std::make_exception_ptr(timeout_error());
        }
    } else if (state_ == state::entered) {
        state_ = state::exited;
    }
    return error;
}

std::string timeout_scope::to_string() const {
    std::string text = std::string("<Timeout [") + state_name(state_) + "]";
    if (state_ == state::entered) {
        text += when_ ? " when=" + seconds_text(std::round(*when_ * 1000) / 1000) : " when=None";
    }
    return text + ">";
}

}  // namespace loopstep

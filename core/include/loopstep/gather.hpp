// asyncio.gather (tasks.py): run awaitables concurrently, results in argument order. The first
// error propagates while the others keep running, unless exceptions are returned as outcomes;
// cancelling the gathering future cancels every child.
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include "loopstep/task.hpp"

namespace loopstep {

// A child's result or its error (what gather(..., return_exceptions=True) returns).
template <class T>
struct outcome {
    std::optional<stored_t<T>> value;
    std::exception_ptr error;
    bool ok() const { return !error; }
};

namespace detail {

template <class R>
class gathering_future final : public future<R> {
public:
    gathering_future(event_loop& loop, std::vector<std::shared_ptr<future_base>> children)
        : future<R>(loop, "gather()"), children_(std::move(children)) {}

    bool cancel(std::string message = {}) override {
        if (this->done()) return false;
        bool any_cancelled = false;
        for (auto& child : children_) any_cancelled = child->cancel(message) || any_cancelled;
        if (any_cancelled) cancel_requested_ = true;
        return any_cancelled;
    }
    bool cancel_requested() const { return cancel_requested_; }

private:
    std::vector<std::shared_ptr<future_base>> children_;
    bool cancel_requested_ = false;
};

template <class T>
outcome<T> outcome_of(future<T>& child) {
    if (child.cancelled()) return {std::nullopt, std::make_exception_ptr(cancelled_error(child.cancel_message()))};
    if (auto error = child.exception()) return {std::nullopt, error};
    return {child.result(), nullptr};
}

template <class T, class R>
std::shared_ptr<future<R>> gather_children(event_loop& loop, std::vector<future_ptr<T>> children,
                                           bool return_exceptions) {
    std::vector<std::shared_ptr<future_base>> untyped(children.begin(), children.end());
    auto outer = std::make_shared<gathering_future<R>>(loop, std::move(untyped));
    if (children.empty()) {
        outer->set_result({});
        return outer;
    }
    struct progress {
        std::size_t finished = 0;
        std::vector<future_ptr<T>> children;
    };
    auto shared = std::make_shared<progress>();
    shared->children = children;
    for (auto& child : children) {
        child->add_done_callback([outer, shared, return_exceptions](future_base& done) {
            ++shared->finished;
            if (outer->done()) {
                if (!done.cancelled()) done.exception();  // mark it retrieved
                return;
            }
            if (!return_exceptions) {
                if (done.cancelled()) {
                    outer->set_exception(std::make_exception_ptr(cancelled_error(done.cancel_message())));
                    return;
                }
                if (auto error = done.exception()) {
                    outer->set_exception(error);
                    return;
                }
            }
            if (shared->finished < shared->children.size()) return;
            R results;
            for (auto& each : shared->children) {
                if constexpr (std::is_same_v<R, std::vector<outcome<T>>>) results.push_back(outcome_of(*each));
                else results.push_back(each->result());
            }
            if (outer->cancel_requested()) {
                outer->set_exception(std::make_exception_ptr(cancelled_error(done.cancel_message())));
            } else {
                outer->set_result(std::move(results));
            }
            shared->children.clear();
        });
    }
    return outer;
}

template <class T>
std::vector<future_ptr<T>> as_tasks(event_loop& loop, std::vector<coro<T>> bodies) {
    std::vector<future_ptr<T>> tasks;
    for (auto& body : bodies) tasks.push_back(create_task(loop, std::move(body)));
    return tasks;
}

}  // namespace detail

// The first error (or a cancellation) becomes the gathering future's error.
template <class T>
future_ptr<std::vector<stored_t<T>>> gather(event_loop& loop, std::vector<future_ptr<T>> children) {
    return detail::gather_children<T, std::vector<stored_t<T>>>(loop, std::move(children), false);
}
template <class T>
future_ptr<std::vector<stored_t<T>>> gather(event_loop& loop, std::vector<coro<T>> bodies) {
    return gather(loop, detail::as_tasks(loop, std::move(bodies)));
}

// return_exceptions=True: every child's value or error, in argument order.
template <class T>
future_ptr<std::vector<outcome<T>>> gather_outcomes(event_loop& loop, std::vector<future_ptr<T>> children) {
    return detail::gather_children<T, std::vector<outcome<T>>>(loop, std::move(children), true);
}
template <class T>
future_ptr<std::vector<outcome<T>>> gather_outcomes(event_loop& loop, std::vector<coro<T>> bodies) {
    return gather_outcomes(loop, detail::as_tasks(loop, std::move(bodies)));
}

}  // namespace loopstep

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

}  // namespace detail

// The general form of gather: `collect(children)` builds the result once every child is
// done (unless the first error, or a cancellation, ends it first without
// return_exceptions). gather and gather_outcomes below are its two usual results; an
// embedder (the Python interpreter) builds its own.
template <class T, class R, class Collect>
std::shared_ptr<future<R>> gather_with(event_loop& loop, std::vector<future_ptr<T>> children, bool return_exceptions,
                                       Collect collect) {
    std::vector<std::shared_ptr<future_base>> untyped(children.begin(), children.end());
    auto outer = std::make_shared<detail::gathering_future<R>>(loop, std::move(untyped));
    if (children.empty()) {
        outer->set_result(collect(children));
        return outer;
    }
    struct progress {
        std::size_t finished = 0;
        std::vector<future_ptr<T>> children;
        Collect collect;
    };
    auto shared = std::make_shared<progress>(progress{0, children, std::move(collect)});
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
            if (outer->cancel_requested()) {
                outer->set_exception(std::make_exception_ptr(cancelled_error(done.cancel_message())));
            } else {
                outer->set_result(shared->collect(shared->children));
            }
            shared->children.clear();
        });
    }
    return outer;
}

namespace detail {

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
    return gather_with<T, std::vector<stored_t<T>>>(loop, std::move(children), false, [](const std::vector<future_ptr<T>>& done) {
        std::vector<stored_t<T>> results;
        for (auto& each : done) results.push_back(each->result());
        return results;
    });
}
template <class T>
future_ptr<std::vector<stored_t<T>>> gather(event_loop& loop, std::vector<coro<T>> bodies) {
    return gather(loop, detail::as_tasks(loop, std::move(bodies)));
}

// return_exceptions=True: every child's value or error, in argument order.
template <class T>
future_ptr<std::vector<outcome<T>>> gather_outcomes(event_loop& loop, std::vector<future_ptr<T>> children) {
    return gather_with<T, std::vector<outcome<T>>>(loop, std::move(children), true, [](const std::vector<future_ptr<T>>& done) {
        std::vector<outcome<T>> results;
        for (auto& each : done) results.push_back(detail::outcome_of(*each));
        return results;
    });
}
template <class T>
future_ptr<std::vector<outcome<T>>> gather_outcomes(event_loop& loop, std::vector<coro<T>> bodies) {
    return gather_outcomes(loop, detail::as_tasks(loop, std::move(bodies)));
}

}  // namespace loopstep

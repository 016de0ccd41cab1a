// `async with` for the asyncio objects that support it: Lock, Semaphore, timeout, TaskGroup
// (pairs with interpreter.hpp's enter_async_context / exit_async_context).
#include "interpreter.hpp"

namespace loopstep::python {

namespace {
outcome raised_outcome(value v) { return {flow::raised, std::move(v)}; }
}  // namespace

coro<value> interpreter::enter_async_context(value context) {
    try {
        if (auto* lock = context.as<lock_object>()) {
            co_await lock->primitive.acquire();
            co_return value();
        }
        if (auto* semaphore = context.as<semaphore_object>()) {
            co_await semaphore->primitive.acquire();
            co_return value();
        }
        if (auto* timeout = context.as<timeout_object>()) {
            task_base* task = loop_.current_task();
            if (!task) co_return raise(types_.runtime_error, "Timeout should be used inside a task");
            if (timeout->scope) co_return raise(types_.runtime_error, "Timeout has already been entered");
            timeout->scope = std::make_unique<timeout_scope>(timeout->delay);
            timeout->scope->enter(*task);
            co_return context;
        }
        if (auto* group = context.as<task_group_object>()) {
            task_base* task = loop_.current_task();
            if (!task) co_return raise(types_.runtime_error, "TaskGroup cannot determine the parent task");
            group->group.enter(*task);
            co_return context;
        }
    } catch (...) {
        co_return from_cpp_exception(std::current_exception());
    }
    co_return raise_type_error("'" + type_name(context) + "' object does not support the asynchronous context manager protocol");
}

coro<outcome> interpreter::exit_async_context(value context, outcome body) {
    std::exception_ptr error = body.kind == flow::raised ? as_cpp_exception(body.result) : nullptr;
    if (auto* lock = context.as<lock_object>()) {
        value released = guarded([&] { lock->primitive.release(); });
        co_return released.is_raised() ? raised_outcome(std::move(released)) : std::move(body);
    }
    if (auto* semaphore = context.as<semaphore_object>()) {
        semaphore->primitive.release();
        co_return body;
    }
    if (auto* timeout = context.as<timeout_object>()) {
        std::exception_ptr propagated = timeout->scope->exit(error);
        if (!propagated || propagated == error) co_return body;
        // The scope's own cancellation became TimeoutError, raised `from` the CancelledError.
        value timeout_error = from_cpp_exception(propagated);
        auto* fresh = static_cast<exception_object*>(timeout_error.as_object().get());
        fresh->cause = value::of(body.result.as_object());
        fresh->context = fresh->cause;
        fresh->suppress_context = true;
        co_return raised_outcome(std::move(timeout_error));
    }
    if (auto* group = context.as<task_group_object>()) {
        value exit_error;
        try {
            co_await group->group.exit(error);
        } catch (...) {
            exit_error = from_cpp_exception(std::current_exception());
        }
        co_return exit_error.is_raised() ? raised_outcome(std::move(exit_error)) : std::move(body);
    }
    co_return body;
}

}  // namespace loopstep::python

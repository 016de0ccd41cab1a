// `async with` for the asyncio objects that support it: Lock, Semaphore, Condition, Barrier, timeout, TaskGroup
// (pairs with interpreter.hpp's async_context_enter / async_context_exit).
#include "classes.hpp"
#include "generators.hpp"
#include "interpreter.hpp"

namespace loopstep::python {

value interpreter::async_context_enter(const value& context) {
    if (value entering = async_with_enter(*this, context); !entering.is_unbound()) return entering;  // a class's __aenter__
    if (context.as<generator_context_manager_object>()) return generator_context_enter(*this, context);
    return value::of(make_object<native_coroutine_object>("__aenter__", [this, context] { return enter_async_context(context); }));
}

value interpreter::async_context_exit(const value& context, const value& exception) {
    if (value exiting = async_with_exit(*this, context, exception); !exiting.is_unbound()) return exiting;
    if (context.as<generator_context_manager_object>()) return generator_context_exit(*this, context, exception);
    return value::of(make_object<native_coroutine_object>("__aexit__", [this, context, exception] { return exit_async_context(context, exception); }));
}

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
        if (auto* condition = context.as<condition_object>()) {
            co_await condition->primitive.acquire();
            co_return value();
        }
        if (auto* barrier = context.as<barrier_object>()) co_return value::integer(co_await barrier->primitive.wait());
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

coro<value> interpreter::exit_async_context(value context, value exception) {
    const bool raised_in_body = !exception.is_none();
    std::exception_ptr error = raised_in_body ? as_cpp_exception(value::raised(exception.as_object())) : nullptr;
    const value go_on = raised_in_body ? value::boolean(false) : value();
    if (auto* lock = context.as<lock_object>()) {
        value released = guarded([&] { lock->primitive.release(); });
        co_return released.is_raised() ? released : go_on;
    }
    if (auto* semaphore = context.as<semaphore_object>()) {
        value released = guarded([&] { semaphore->primitive.release(); });  // a BoundedSemaphore may refuse
        co_return released.is_raised() ? released : go_on;
    }
    if (auto* condition = context.as<condition_object>()) {
        value released = guarded([&] { condition->primitive.release(); });
        co_return released.is_raised() ? released : go_on;
    }
    if (context.as<barrier_object>()) co_return go_on;
    if (auto* timeout = context.as<timeout_object>()) {
        std::exception_ptr propagated = timeout->scope->exit(error);
        if (!propagated || propagated == error) co_return go_on;
        // The scope's own cancellation became TimeoutError, raised `from` the CancelledError.
        value timeout_error = from_cpp_exception(propagated);
        auto* fresh = static_cast<exception_object*>(timeout_error.as_object().get());
        fresh->cause = exception;
        fresh->suppress_context = true;
        co_return timeout_error;
    }
    if (auto* group = context.as<task_group_object>()) {
        value exit_error;
        try {
            co_await group->group.exit(error);
        } catch (...) {
            exit_error = from_cpp_exception(std::current_exception());
        }
        co_return exit_error.is_raised() ? exit_error : go_on;
    }
    co_return go_on;
}

}  // namespace loopstep::python

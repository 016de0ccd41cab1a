// A contextmanager / asynccontextmanager manager used as a decorator (CPython's ContextDecorator
// and AsyncContextDecorator): `@timeit()` over a function makes each call of it run inside a
// fresh manager made from the same generator function and arguments.
#include "generators.hpp"

namespace loopstep::python {

namespace {

bool is_async_manager(const value& manager) {
    return manager.as<generator_context_manager_object>()->generator.as<generator_object>()->is_async;
}

// _recreate_cm: the generator function called again with the manager's arguments.
value fresh_manager(interpreter& in, const generator_context_manager_object& model) {
    call_arguments arguments = model.arguments;
    value generator = in.call(model.function, arguments);
    if (generator.is_raised()) return generator;
    if (!generator.as<generator_object>()) return in.raise_type_error("'" + in.type_name(generator) + "' object is not an iterator");
    auto manager = make_object<generator_context_manager_object>(generator);
    manager->function = model.function;
    manager->arguments = model.arguments;
    return value::of(manager);
}

// What the call gives once the manager has exited: its result, or its exception unless the
// manager suppressed it (then None).
value after_exit(interpreter& in, const value& result, const value& exited) {
    if (exited.is_raised()) return exited;
    if (result.is_raised() && in.truthy(exited)) return value();
    return result;
}

value exception_of(const value& result) { return result.is_raised() ? value::of(result.as_object()) : value(); }

coro<value> run_inside_async(interpreter& in, value model, value function, call_arguments arguments) {
    value manager = fresh_manager(in, *model.as<generator_context_manager_object>());
    if (manager.is_raised()) co_return manager;
    value entered = co_await in.await_value(generator_context_enter(in, manager));
    if (entered.is_raised()) co_return entered;
    value result = in.call(function, arguments);
    if (!result.is_raised()) result = co_await in.await_value(std::move(result));
    value exited = co_await in.await_value(generator_context_exit(in, manager, exception_of(result)));
    co_return after_exit(in, result, exited);
}

value run_inside(interpreter& in, const value& model, const value& function, call_arguments& arguments) {
    value manager = fresh_manager(in, *model.as<generator_context_manager_object>());
    if (manager.is_raised()) return manager;
    value entered = generator_context_enter(in, manager);
    if (entered.is_raised()) return entered;
    value result = in.call(function, arguments);
    return after_exit(in, result, generator_context_exit(in, manager, exception_of(result)));
}

}  // namespace

value decorate_with_context_manager(interpreter& in, const value& manager, call_arguments& arguments) {
    if (arguments.positional.size() != 1 || !arguments.keywords.empty()) {
        return in.raise_type_error(std::string(is_async_manager(manager) ? "AsyncContextDecorator" : "ContextDecorator") +
                                   ".__call__() takes 2 positional arguments but " + std::to_string(arguments.positional.size() + 1) + " were given");
    }
    value function = arguments.positional[0];
    std::string name = "inner";
    if (auto* defined = function.as<function_object>()) name = defined->definition->name;  // functools.wraps
    const bool is_async = is_async_manager(manager);
    return value::of(make_object<builtin_function_object>(name, [manager, function, is_async, name](interpreter& in, call_arguments& call) -> value {
        if (!is_async) return run_inside(in, manager, function, call);
        interpreter* owner = &in;
        return value::of(make_object<native_coroutine_object>(name, [owner, manager, function, call] {
            return run_inside_async(*owner, manager, function, call);
        }));
    }));
}

}  // namespace loopstep::python

// The contextlib module: contextmanager and asynccontextmanager turn a generator function
// into a context manager, whose exit resumes the generator or throws the body's exception
// into it, as CPython's _GeneratorContextManager / _AsyncGeneratorContextManager do.
#include "generators.hpp"

namespace loopstep::python {

namespace {

bool is_instance_of(interpreter& in, const value& v, const type_ptr& type) {
    return v.is_raised() && in.is_instance(value::of(v.as_object()), *type);
}

exception_object* exception_of(const value& v) { return static_cast<exception_object*>(v.as_object().get()); }

// What the generator did with the body's exception (or with nothing): False to let the
// exception go on, True to suppress it, or a raised value. `ended` is StopIteration or
// StopAsyncIteration; `outcome` is the generator's step: a yield, or raised.
value judge_exit(interpreter& in, const value& exception, const value& outcome, bool yielded, const type_ptr& ended,
                 const std::vector<traceback_entry>& body_traceback) {
    if (exception.is_none()) {
        if (yielded) return in.raise(in.types().runtime_error, "generator didn't stop");
        if (is_instance_of(in, outcome, ended) || !outcome.is_raised()) return value::boolean(false);
        return outcome;
    }
    if (yielded) return in.raise(in.types().runtime_error, "generator didn't stop after throw()");
    if (!outcome.is_raised()) return value::boolean(true);  // a sync generator's return
    if (is_instance_of(in, outcome, ended)) return value::boolean(outcome.as_object() != exception.as_object());
    if (outcome.as_object() == exception.as_object()) {
        exception_of(outcome)->traceback = body_traceback;  // re-raised as it was raised in the body
        return value::boolean(false);
    }
    auto* raised = exception_of(outcome);
    // A StopIteration raised in the body came back as the generator's RuntimeError.
    const bool body_stopped = in.is_instance(exception, *in.types().stop_iteration) || in.is_instance(exception, *in.types().stop_async_iteration);
    if (body_stopped && raised->type->is_subclass_of(*in.types().runtime_error) && raised->cause.is_object() &&
        raised->cause.as_object() == exception.as_object()) {
        return value::boolean(false);
    }
    return outcome;
}

value step_of(const generator_context_manager_object& manager, value sent) {
    return value::of(make_object<generator_step_object>(std::static_pointer_cast<generator_object>(manager.generator.as_object()),
                                                        std::move(sent), false));
}

coro<value> exit_async(interpreter& in, value manager, value exception) {
    auto& cm = *manager.as<generator_context_manager_object>();
    std::vector<traceback_entry> body_traceback;
    if (!exception.is_none()) body_traceback = exception_of(exception)->traceback;
    value sent = exception.is_none() ? value() : value::raised(exception.as_object());
    value outcome = co_await in.await_value(step_of(cm, std::move(sent)));
    co_return judge_exit(in, exception, outcome, !outcome.is_raised(), in.types().stop_async_iteration, body_traceback);
}

// contextmanager / asynccontextmanager: the decorated function makes a context manager.
value decorator(interpreter& in, call_arguments& args, bool is_async) {
    const char* name = is_async ? "asynccontextmanager" : "contextmanager";
    if (args.positional.size() != 1 || !args.keywords.empty()) {
        return in.raise_type_error(std::string(name) + "() takes exactly one argument (" + std::to_string(args.positional.size()) + " given)");
    }
    value function = args.positional[0];
    auto* defined = function.as<function_object>();
    const std::string function_name = defined ? defined->definition->name : name;
    return value::of(make_object<builtin_function_object>(function_name, [function, is_async](interpreter& in, call_arguments& call) -> value {
        call_arguments saved = call;  // for a fresh manager per call when it decorates a function
        value generator = in.call(function, call);
        if (generator.is_raised()) return generator;
        auto* made = generator.as<generator_object>();
        if (!made || made->is_async != is_async) {
            return in.raise_type_error("'" + in.type_name(generator) + "' object is not " + (is_async ? "an async iterator" : "an iterator"));
        }
        auto manager = make_object<generator_context_manager_object>(generator);
        manager->function = function;
        manager->arguments = std::move(saved);
        return value::of(manager);
    }));
}

}  // namespace

value generator_context_enter(interpreter& in, const value& manager) {
    auto& cm = *manager.as<generator_context_manager_object>();
    // Awaiting the step itself runs the generator's frames on the task's stack (the trace shows them).
    if (cm.generator.as<generator_object>()->is_async) return step_of(cm, value());
    bool yielded = false;
    value result = resume_generator(in, std::static_pointer_cast<generator_object>(cm.generator.as_object()), value(), yielded);
    if (yielded || result.is_raised()) return result;
    return in.raise(in.types().runtime_error, "generator didn't yield");
}

value generator_context_exit(interpreter& in, const value& manager, const value& exception) {
    auto& cm = *manager.as<generator_context_manager_object>();
    if (cm.generator.as<generator_object>()->is_async) {
        return value::of(make_object<native_coroutine_object>("__aexit__", [&in, manager, exception] { return exit_async(in, manager, exception); }));
    }
    std::vector<traceback_entry> body_traceback;
    if (!exception.is_none()) body_traceback = exception_of(exception)->traceback;
    value sent = exception.is_none() ? value() : value::raised(exception.as_object());
    bool yielded = false;
    value outcome = resume_generator(in, std::static_pointer_cast<generator_object>(cm.generator.as_object()), std::move(sent), yielded);
    if (!yielded && !outcome.is_raised()) outcome = value::raised(in.make_exception(in.types().stop_iteration, {}).as_object());
    return judge_exit(in, exception, outcome, yielded, in.types().stop_iteration, body_traceback);
}

value make_contextlib_module(interpreter& in) {
    auto module = make_object<module_object>("contextlib");
    for (const bool is_async : {false, true}) {
        const char* name = is_async ? "asynccontextmanager" : "contextmanager";
        module->attributes[name] = value::of(make_object<builtin_function_object>(
            name, [is_async](interpreter& in, call_arguments& args) { return decorator(in, args, is_async); }));
    }
    add_contextlib_suppress(in, *module);
    return value::of(module);
}

}  // namespace loopstep::python

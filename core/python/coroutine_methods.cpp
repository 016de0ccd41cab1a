// A coroutine driven by hand, as CPython 3.11's coroutine objects are: coro.send(value),
// coro.throw(exc), coro.close(). Its frames run on a frame stack of its own, kept in the
// coroutine between two calls. What its innermost await yields out is what CPython's awaitable
// yields: asyncio.sleep(0) a bare None, a Future or a Task itself; the end is StopIteration
// carrying the return value. Awaiting anything else of asyncio needs the running loop:
// outside one that is CPython's "no running event loop" at the await.
#include "frame.hpp"
#include "generators.hpp"
#include "vm.hpp"

namespace loopstep::python {

namespace {

coroutine_object& coroutine_of(const call_arguments& args) { return static_cast<coroutine_object&>(*args.positional[0].as_object()); }

bool raised_instance_of(interpreter& in, const value& error, const type_ptr& type) {
    return error.is_raised() && in.is_instance(value::of(error.as_object()), *type);
}

value stop_iteration(interpreter& in, const value& result) {
    std::vector<value> args;
    if (!result.is_none()) args.push_back(result);
    return value::raised(in.make_exception(in.types().stop_iteration, std::move(args)).as_object());
}

void finish(coroutine_object& coroutine) {
    coroutine.finished = true;
    coroutine.driven.reset();
    coroutine.awaiting = value();
}

// The frames ended: StopIteration with the return value, or what they raised (a StopIteration
// raised inside becomes RuntimeError, as PEP 479 has it).
value ended(interpreter& in, coroutine_object& coroutine, run_result result) {
    finish(coroutine);
    if (result.status != run_status::raised) return stop_iteration(in, result.result);
    if (!raised_instance_of(in, result.result, in.types().stop_iteration)) return std::move(result.result);
    value converted = in.raise(in.types().runtime_error, "coroutine raised StopIteration");
    auto* fresh = static_cast<exception_object*>(converted.as_object().get());
    fresh->cause = value::of(result.result.as_object());
    fresh->context = fresh->cause;
    fresh->suppress_context = true;
    return converted;
}

// Runs the frames on from `result` until what their innermost await yields out (the value
// send/throw return), or their end.
value drive(interpreter& in, coroutine_object& coroutine, run_result result) {
    while (result.status == run_status::suspended) {
        value awaitable = std::move(result.result);
        if (auto* native = awaitable.as<native_coroutine_object>()) {
            if (!native->bare_yield.is_unbound()) {
                native->started = true;
                coroutine.awaiting = std::move(awaitable);
                return value();
            }
            if (in.loop().is_running()) {
                return in.raise(in.types().not_supported_error, "driving a coroutine by hand through an await of asyncio." + native->name +
                                                                    "() is not supported in this lesson");
            }
            native->started = true;  // it ran, and raised inside: not "never awaited"
            result = resume_frames(in, *coroutine.driven, in.raise(in.types().runtime_error, "no running event loop"));
            continue;
        }
        if (awaitable.as<future_object>() || awaitable.as<task_object>()) {
            coroutine.awaiting = awaitable;
            return awaitable;  // Future.__await__: `yield self`
        }
        return in.raise(in.types().not_supported_error, "driving a coroutine by hand through an await of " + in.type_name(awaitable) +
                                                            " is not supported in this lesson");
    }
    return ended(in, coroutine, std::move(result));
}

// What the paused await gives when the driver sends `sent` back.
value resumed_with(interpreter& in, const value& awaiting) {
    if (auto* native = awaiting.as<native_coroutine_object>()) return native->bare_yield;
    future_base* future = nullptr;
    if (auto* f = awaiting.as<future_object>()) future = f->future.get();
    if (auto* t = awaiting.as<task_object>()) future = t->task.get();
    if (!future || !future->done()) return in.raise(in.types().runtime_error, "await wasn't used with future");
    value result;
    value error = in.guarded([&] { result = awaiting.as<future_object>() ? awaiting.as<future_object>()->future->result() : awaiting.as<task_object>()->task->result(); });
    return error.is_raised() ? error : result;
}

// send(value), or throw when `sent` is a raised exception.
value step(interpreter& in, coroutine_object& coroutine, value sent) {
    if (coroutine.finished) return in.raise(in.types().runtime_error, "cannot reuse already awaited coroutine");
    if (!coroutine.started) {
        coroutine.started = true;
        if (sent.is_raised()) {  // thrown into a coroutine that never ran: it ends there
            finish(coroutine);
            coroutine.frame.reset();
            return sent;
        }
        if (!sent.is_none()) {
            coroutine.started = false;
            return in.raise_type_error("can't send non-None value to a just-started coroutine");
        }
        coroutine.driven = std::make_shared<frame_stack>();
        coroutine.driven->frames.push_back(std::move(coroutine.frame));
        coroutine.driven->base_depth = in.running_stack_depth();
        return drive(in, coroutine, run_frames(in, *coroutine.driven));
    }
    if (!coroutine.driven) return in.raise(in.types().runtime_error, "coroutine is being awaited already");
    if (coroutine.driven->frames.empty() || in.running_stack() == coroutine.driven.get()) {
        return in.raise_value_error("coroutine already executing");
    }
    value awaiting = std::exchange(coroutine.awaiting, value());
    coroutine.driven->base_depth = in.running_stack_depth();
    return drive(in, coroutine, resume_frames(in, *coroutine.driven, sent.is_raised() ? std::move(sent) : resumed_with(in, awaiting)));
}

// throw(type[, value]): the exception to throw in, raised (or the TypeError of a non-exception).
value thrown(interpreter& in, const call_arguments& args) {
    if (args.positional.size() == 2) return in.exception_to_raise(args.positional[1], value(), false);
    call_arguments construct{{args.positional[2]}, {}};
    value made = in.call(args.positional[1], construct);
    if (made.is_raised()) return made;
    return in.exception_to_raise(made, value(), false);
}

value close(interpreter& in, coroutine_object& coroutine) {
    if (!coroutine.started || coroutine.finished) {
        coroutine.started = true;
        finish(coroutine);
        coroutine.frame.reset();
        return value();
    }
    value outcome = step(in, coroutine, value::raised(in.make_exception(in.types().generator_exit, {}).as_object()));
    if (!outcome.is_raised()) {
        if (!coroutine.finished) return in.raise(in.types().runtime_error, "coroutine ignored GeneratorExit");
        return value();
    }
    if (raised_instance_of(in, outcome, in.types().generator_exit) || raised_instance_of(in, outcome, in.types().stop_iteration)) return value();
    return outcome;
}

value arity_error(interpreter& in, const call_arguments& args, const std::string& name, std::size_t least, std::size_t most) {
    const std::size_t given = args.positional.size() - 1;
    if (!args.keywords.empty()) return in.raise_type_error(name + "() takes no keyword arguments");
    if (given >= least && given <= most) return value();
    if (least == most && most == 0) return in.raise_type_error(name + "() takes no arguments (" + std::to_string(given) + " given)");
    if (least == most) return in.raise_type_error(name + "() takes exactly one argument (" + std::to_string(given) + " given)");
    return in.raise_type_error(name + " expected at least " + std::to_string(least) + " argument" + (least == 1 ? "" : "s") + ", got " +
                               std::to_string(given));
}

}  // namespace

value coroutine_attribute(interpreter& in, const value& object, const std::string& name, bool& found) {
    auto& coroutine = *object.as<coroutine_object>();
    found = true;
    auto method = [&](native_function f) { return value::of(make_object<builtin_function_object>(name, std::move(f), object)); };
    if (name == "__name__") return in.make_str(coroutine.function->definition->name);
    if (name == "__qualname__") return in.make_str(coroutine.function->qualified_name);
    if (name == "send") {
        return method([](interpreter& in, call_arguments& args) -> value {
            if (value error = arity_error(in, args, "send", 1, 1); error.is_raised()) return error;
            return step(in, coroutine_of(args), args.positional[1]);
        });
    }
    if (name == "throw") {
        return method([](interpreter& in, call_arguments& args) -> value {
            if (value error = arity_error(in, args, "throw", 1, 3); error.is_raised()) return error;
            value exception = thrown(in, args);
            if (!exception.is_raised()) return exception;
            return step(in, coroutine_of(args), std::move(exception));
        });
    }
    if (name == "close") {
        return method([](interpreter& in, call_arguments& args) -> value {
            if (value error = arity_error(in, args, "close", 0, 0); error.is_raised()) return error;
            return close(in, coroutine_of(args));
        });
    }
    found = false;
    return value();
}

}  // namespace loopstep::python

// Generators and async generators (pairs with generators.hpp): entering and leaving their
// frames, resuming them from native code, their methods, and `async for`'s protocol.
#include "generators.hpp"

#include "classes.hpp"
#include "vm.hpp"

namespace loopstep::python {

namespace {

exception_object* exception_of(const value& v) { return static_cast<exception_object*>(v.as_object().get()); }

bool raised_instance_of(interpreter& in, const value& error, const type_ptr& type) {
    return error.is_raised() && in.is_instance(value::of(error.as_object()), *type);
}

// The generator a paused frame delegates to with `yield from` (suspended at the yield that
// follows its send), or null.
std::shared_ptr<generator_object> delegate_of(const frame& f) {
    const auto& code = f.code->instructions;
    if (f.ip < 2 || code[f.ip - 1].op != opcode::yield_value || code[f.ip - 2].op != opcode::send || f.stack.empty()) return nullptr;
    auto* sub = f.stack.back().as<generator_object>();
    if (!sub || !sub->started || sub->finished || sub->running()) return nullptr;
    return std::static_pointer_cast<generator_object>(f.stack.back().as_object());
}

void push_frame(frame_stack& stack, const std::shared_ptr<generator_object>& generator, generator_delivery delivery) {
    frame_ptr f = std::move(generator->frame);
    f->generator = generator;
    generator->delivery = delivery;
    stack.frames.push_back(std::move(f));
}

value stop_iteration(interpreter& in, const value& result) {
    std::vector<value> args;
    if (!result.is_none()) args.push_back(result);
    return value::raised(in.make_exception(in.types().stop_iteration, std::move(args)).as_object());
}

// next / send / throw on a generator: a yield is the result, the end is StopIteration.
value step_generator(interpreter& in, const std::shared_ptr<generator_object>& generator, value sent) {
    bool yielded = false;
    value result = resume_generator(in, generator, std::move(sent), yielded);
    if (yielded || result.is_raised()) return result;
    return stop_iteration(in, result);
}

value stop_async_iteration(interpreter& in) {
    return value::raised(in.make_exception(in.types().stop_async_iteration, {}).as_object());
}

// CPython's _PyErr_FormatFromCause: a RuntimeError whose cause is `error`.
value runtime_error_from(interpreter& in, const value& error, const std::string& message) {
    value converted = in.raise(in.types().runtime_error, message);
    auto* fresh = exception_of(converted);
    fresh->cause = value::of(error.as_object());
    fresh->context = fresh->cause;
    fresh->suppress_context = true;
    return converted;
}

}  // namespace

value make_generator(const std::shared_ptr<function_object>& function, frame_ptr frame) {
    return value::of(make_object<generator_object>(function, std::move(frame), function->code->is_async));
}

// ---- entering and leaving a generator's frame -------------------------------------------------

generator_entry enter_generator(interpreter& in, frame_stack& stack, const std::shared_ptr<generator_object>& generator, value sent,
                                generator_delivery delivery, value& error) {
    if (generator->finished) {
        if (sent.is_raised() && delivery != generator_delivery::closing) {
            error = std::move(sent);
            return generator_entry::failed;
        }
        return generator_entry::finished;
    }
    if (generator->running()) {
        error = generator->is_async ? in.raise(in.types().runtime_error, "anext(): asynchronous generator is already running")
                                    : in.raise_value_error("generator already executing");
        return generator_entry::failed;
    }
    if (!generator->started) {
        if (sent.is_raised()) {  // thrown into a generator that never ran: it ends there
            generator->finished = true;
            generator->frame.reset();
            if (delivery == generator_delivery::closing) return generator_entry::finished;
            error = std::move(sent);
            return generator_entry::failed;
        }
        if (!sent.is_none()) {
            error = in.raise_type_error(std::string("can't send non-None value to a just-started ") +
                                        (generator->is_async ? "async generator" : "generator"));
            return generator_entry::failed;
        }
    }
    if (stack.depth() >= in.options().recursion_limit) {
        error = in.raise(in.types().recursion_error, "maximum recursion depth exceeded");
        return generator_entry::failed;
    }
    push_frame(stack, generator, delivery);
    if (!generator->started) {
        generator->started = true;
        return generator_entry::pushed;
    }
    if (!sent.is_raised()) {
        stack.frames.back()->stack.push_back(std::move(sent));
        return generator_entry::pushed;
    }
    // A throw goes down the `yield from` chain to the innermost generator, as in CPython.
    while (auto sub = delegate_of(*stack.frames.back())) {
        if (stack.depth() >= in.options().recursion_limit) break;
        stack.frames.back()->ip -= 1;  // back at the yield: what the delegate does next arrives there
        push_frame(stack, sub, generator_delivery::delegation);
    }
    return generator_entry::throwing;
}

std::shared_ptr<generator_object> suspend_generator(frame_stack& stack) {
    frame_ptr f = std::move(stack.frames.back());
    stack.frames.pop_back();
    auto generator = std::static_pointer_cast<generator_object>(std::move(f->generator));
    f->generator = nullptr;
    generator->frame = std::move(f);
    return generator;
}

std::shared_ptr<generator_object> finish_generator(interpreter& in, frame_stack& stack, value& error) {
    frame_ptr f = std::move(stack.frames.back());
    stack.frames.pop_back();
    auto generator = std::static_pointer_cast<generator_object>(std::move(f->generator));
    f->generator = nullptr;
    generator->finished = true;
    if (!error.is_raised()) return generator;
    const auto& types = in.types();
    if (generator->delivery == generator_delivery::closing &&
        (raised_instance_of(in, error, types.generator_exit) || raised_instance_of(in, error, types.stop_async_iteration))) {
        error = value();
    } else if (raised_instance_of(in, error, types.stop_iteration)) {
        error = runtime_error_from(in, error, generator->is_async ? "async generator raised StopIteration" : "generator raised StopIteration");
    } else if (generator->is_async && raised_instance_of(in, error, types.stop_async_iteration)) {
        error = runtime_error_from(in, error, "async generator raised StopAsyncIteration");
    }
    return generator;
}

// ---- from native code -------------------------------------------------------------------------

namespace {

// Enters `generator` at the bottom of `stack` and runs it to its next yield, its end or an await.
run_result start_on_own_stack(interpreter& in, frame_stack& stack, const std::shared_ptr<generator_object>& generator, value sent,
                              generator_delivery delivery, generator_entry& entry) {
    stack.base_depth = in.running_stack_depth();
    value error;
    entry = enter_generator(in, stack, generator, sent, delivery, error);
    switch (entry) {
        case generator_entry::failed: return {run_status::raised, std::move(error)};
        case generator_entry::finished: return {run_status::returned, value()};
        case generator_entry::pushed: return run_frames(in, stack);
        case generator_entry::throwing: break;
    }
    return resume_frames(in, stack, std::move(sent));
}

}  // namespace

value resume_generator(interpreter& in, const std::shared_ptr<generator_object>& generator, value sent, bool& yielded) {
    frame_stack stack;
    generator_entry entry{};
    run_result result = start_on_own_stack(in, stack, generator, std::move(sent), generator_delivery::native, entry);
    yielded = result.status == run_status::yielded;
    if (result.status == run_status::suspended) return in.raise(in.types().runtime_error, "await in a generator run synchronously (internal error)");
    return std::move(result.result);
}

coro<value> await_generator_step(interpreter& in, std::shared_ptr<generator_step_object> step) {
    if (step->used) co_return in.raise(in.types().runtime_error, "cannot reuse already awaited __anext__()/asend()");
    step->used = true;
    frame_stack stack;
    generator_entry entry{};
    const auto delivery = step->closing ? generator_delivery::closing : generator_delivery::awaited;
    run_result result = start_on_own_stack(in, stack, step->generator, step->sent, delivery, entry);
    while (result.status == run_status::suspended) {
        value sent = co_await in.await_native(std::move(result.result));
        if (in.run_stopped()) sent = in.run_limit_error();
        in.reset_ticks();
        result = resume_frames(in, stack, std::move(sent));
    }
    switch (result.status) {
        case run_status::yielded:
            if (step->closing) co_return in.raise(in.types().runtime_error, "async generator ignored GeneratorExit");
            co_return std::move(result.result);
        case run_status::returned: co_return step->closing ? value() : stop_async_iteration(in);
        default: co_return std::move(result.result);
    }
}


value generator_iterator(interpreter& in, const std::shared_ptr<generator_object>& generator) {
    return value::of(make_object<iterator_object>(
        [&in, generator]() -> std::optional<value> {
            bool yielded = false;
            value item = resume_generator(in, generator, value(), yielded);
            if (!yielded && !item.is_raised()) return std::nullopt;
            return item;
        },
        "generator"));
}

value next_of_generator(interpreter& in, const value& generator) {
    return step_generator(in, std::static_pointer_cast<generator_object>(generator.as_object()), value());
}

// ---- async iteration --------------------------------------------------------------------------

value async_iterator_of(interpreter& in, const value& iterable) {
    if (auto* generator = iterable.as<generator_object>(); generator && generator->is_async) return iterable;
    value iterator = special_aiter(in, iterable);
    if (iterator.is_unbound()) return in.raise_type_error("'async for' requires an object with __aiter__ method, got " + in.type_name(iterable));
    if (iterator.is_raised()) return iterator;
    auto* generator = iterator.as<generator_object>();
    const bool has_anext = (generator && generator->is_async) || (user_class_of(iterator) && class_lookup(*user_class_of(iterator), "__anext__"));
    if (!has_anext) {
        return in.raise_type_error("'async for' received an object from __aiter__ that does not implement __anext__: " + in.type_name(iterator));
    }
    return iterator;
}

value next_item_awaitable(interpreter& in, const value& iterator) {
    if (auto* generator = iterator.as<generator_object>(); generator && generator->is_async) {
        return value::of(make_object<generator_step_object>(std::static_pointer_cast<generator_object>(iterator.as_object()), value(), false));
    }
    value awaitable = special_anext(in, iterator);
    if (!awaitable.is_unbound()) return awaitable;
    return in.raise_type_error("'async for' requires an iterator with __anext__ method, got " + in.type_name(iterator));
}

void install_async_iteration_builtins(interpreter& in, globals_table& globals) {
    (void)in;
    auto define = [&globals](const char* name, native_function function) {
        globals.set(name, value::of(make_object<builtin_function_object>(name, std::move(function))));
    };
    define("aiter", [](interpreter& in, call_arguments& args) -> value {
        if (args.positional.size() != 1 || !args.keywords.empty()) {
            return in.raise_type_error("aiter() takes exactly one argument (" + std::to_string(args.positional.size()) + " given)");
        }
        value iterator = async_iterator_of(in, args.positional[0]);
        if (iterator.is_raised()) return in.raise_type_error("'" + in.type_name(args.positional[0]) + "' object is not an async iterable");
        return iterator;
    });
    define("anext", [](interpreter& in, call_arguments& args) -> value {
        if (args.positional.empty() || args.positional.size() > 2 || !args.keywords.empty()) {
            return in.raise_type_error("anext expected at least 1 argument, got " + std::to_string(args.positional.size()));
        }
        value awaitable = next_item_awaitable(in, args.positional[0]);
        if (awaitable.is_raised()) return in.raise_type_error("'" + in.type_name(args.positional[0]) + "' object is not an async iterator");
        if (args.positional.size() == 1) return awaitable;
        value fallback = args.positional[1];
        return value::of(make_object<native_coroutine_object>("anext", [&in, awaitable, fallback]() -> coro<value> {
            value item = co_await in.await_value(awaitable);
            if (item.is_raised() && in.is_instance(value::of(item.as_object()), *in.types().stop_async_iteration)) co_return fallback;
            co_return item;
        }));
    });
}

// ---- methods ----------------------------------------------------------------------------------

namespace {

std::shared_ptr<generator_object> self_generator(const call_arguments& args) {
    return std::static_pointer_cast<generator_object>(args.positional[0].as_object());
}

value arity_error(interpreter& in, const call_arguments& args, const std::string& name, std::size_t wanted) {
    const std::size_t given = args.positional.size() - 1;
    if (!args.keywords.empty()) return in.raise_type_error(name + "() takes no keyword arguments");
    if (given == wanted) return value();
    if (wanted == 0) return in.raise_type_error(name + "() takes no arguments (" + std::to_string(given) + " given)");
    return in.raise_type_error(name + "() takes exactly one argument (" + std::to_string(given) + " given)");
}


// What g.throw(e) / agen.athrow(e) throw in: an instance made from a class (raised), or
// the TypeError of something that is not an exception (which is then thrown in too).
value thrown_exception(interpreter& in, const value& thrown) { return in.exception_to_raise(thrown, value(), false); }

value generator_method(interpreter& in, const value& object, const std::string& name, bool& found) {
    auto* generator = object.as<generator_object>();
    found = true;
    auto method = [&](native_function f) { return value::of(make_object<builtin_function_object>(name, std::move(f), object)); };
    if (name == "__name__") return in.make_str(generator->function->definition->name);
    if (name == "__qualname__") return in.make_str(generator->function->qualified_name);
    if (!generator->is_async) {
        if (name == "__next__") {
            return method([](interpreter& in, call_arguments& args) -> value {
                if (value error = arity_error(in, args, "generator.__next__", 0); error.is_raised()) return error;
                return step_generator(in, self_generator(args), value());
            });
        }
        if (name == "send") {
            return method([](interpreter& in, call_arguments& args) -> value {
                if (value error = arity_error(in, args, "send", 1); error.is_raised()) return error;
                return step_generator(in, self_generator(args), args.positional[1]);
            });
        }
        if (name == "throw") {
            return method([](interpreter& in, call_arguments& args) -> value {
                if (value error = arity_error(in, args, "throw", 1); error.is_raised()) return error;
                value exception = thrown_exception(in, args.positional[1]);
                if (!exception.is_raised()) return exception;
                return step_generator(in, self_generator(args), exception);
            });
        }
        if (name == "close") {
            return method([](interpreter& in, call_arguments& args) -> value {
                if (value error = arity_error(in, args, "close", 0); error.is_raised()) return error;
                auto generator = self_generator(args);
                if (!generator->started || generator->finished) {
                    generator->finished = true;
                    generator->frame.reset();
                    return value();
                }
                bool yielded = false;
                value exit = value::raised(in.make_exception(in.types().generator_exit, {}).as_object());
                value result = resume_generator(in, generator, exit, yielded);
                if (yielded) return in.raise(in.types().runtime_error, "generator ignored GeneratorExit");
                if (raised_instance_of(in, result, in.types().generator_exit) || raised_instance_of(in, result, in.types().stop_iteration)) {
                    return value();
                }
                return result.is_raised() ? result : value();
            });
        }
        if (name == "__iter__") {
            return method([](interpreter& in, call_arguments& args) -> value {
                if (value error = arity_error(in, args, "__iter__", 0); error.is_raised()) return error;
                return args.positional[0];
            });
        }
    } else {
        auto step = [](const call_arguments& args, value sent, bool closing) {
            return value::of(make_object<generator_step_object>(self_generator(args), std::move(sent), closing));
        };
        if (name == "__anext__") {
            return method([step](interpreter& in, call_arguments& args) -> value {
                if (value error = arity_error(in, args, "__anext__", 0); error.is_raised()) return error;
                return step(args, value(), false);
            });
        }
        if (name == "asend") {
            return method([step](interpreter& in, call_arguments& args) -> value {
                if (value error = arity_error(in, args, "asend", 1); error.is_raised()) return error;
                return step(args, args.positional[1], false);
            });
        }
        if (name == "athrow") {
            return method([step](interpreter& in, call_arguments& args) -> value {
                if (value error = arity_error(in, args, "athrow", 1); error.is_raised()) return error;
                value exception = thrown_exception(in, args.positional[1]);
                if (!exception.is_raised()) return exception;
                return step(args, exception, false);
            });
        }
        if (name == "aclose") {
            return method([step](interpreter& in, call_arguments& args) -> value {
                if (value error = arity_error(in, args, "aclose", 0); error.is_raised()) return error;
                return step(args, value::raised(in.make_exception(in.types().generator_exit, {}).as_object()), true);
            });
        }
        if (name == "__aiter__") {
            return method([](interpreter& in, call_arguments& args) -> value {
                if (value error = arity_error(in, args, "__aiter__", 0); error.is_raised()) return error;
                return args.positional[0];
            });
        }
    }
    found = false;
    return value();
}

}  // namespace

value generator_attribute(interpreter& in, const value& object, const std::string& name, bool& found) {
    found = false;
    if (object.as<generator_object>()) return generator_method(in, object, name, found);
    if (object.as<coroutine_object>()) return coroutine_attribute(in, object, name, found);
    if (object.as<generator_context_manager_object>()) {
        const bool is_async = object.as<generator_context_manager_object>()->generator.as<generator_object>()->is_async;
        auto bound = [&](native_function f) {
            found = true;
            return value::of(make_object<builtin_function_object>(name, std::move(f), object));
        };
        if (name == (is_async ? "__aenter__" : "__enter__")) {
            return bound([](interpreter& in, call_arguments& args) { return generator_context_enter(in, args.positional[0]); });
        }
        if (name == (is_async ? "__aexit__" : "__exit__")) {
            return bound([](interpreter& in, call_arguments& args) -> value {
                if (args.positional.size() != 4) return in.raise_type_error("__exit__() takes 4 positional arguments");
                return generator_context_exit(in, args.positional[0], args.positional[2]);
            });
        }
    }
    return value();
}

std::string generator_repr(const object& o) {
    switch (o.kind) {
        case object_kind::generator: {
            auto& g = static_cast<const generator_object&>(o);
            return std::string(g.is_async ? "<async_generator object " : "<generator object ") + g.function->qualified_name + ">";
        }
        case object_kind::generator_step: {
            auto& step = static_cast<const generator_step_object&>(o);
            return step.sent.is_raised() ? "<async_generator_athrow object>" : "<async_generator_asend object>";
        }
        default: {
            auto& manager = static_cast<const generator_context_manager_object&>(o);
            const bool is_async = manager.generator.as<generator_object>()->is_async;
            return std::string("<contextlib.") + (is_async ? "_AsyncGeneratorContextManager" : "_GeneratorContextManager") + " object>";
        }
    }
}

type_ptr generator_type(const interpreter& in, const object& o) {
    const auto& types = in.types();
    switch (o.kind) {
        case object_kind::generator: return static_cast<const generator_object&>(o).is_async ? types.async_generator : types.generator;
        case object_kind::generator_step:
            return static_cast<const generator_step_object&>(o).sent.is_raised() ? types.async_generator_athrow : types.async_generator_asend;
        default: {
            auto& manager = static_cast<const generator_context_manager_object&>(o);
            return manager.generator.as<generator_object>()->is_async ? types.async_generator_context_manager : types.generator_context_manager;
        }
    }
}

}  // namespace loopstep::python

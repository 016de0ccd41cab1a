// Generators and async generators: a generator is a suspended frame. Resuming one pushes its
// frame on the stack that asked for the next item (a for loop, a `yield from`, an await of
// __anext__), so nothing recurses in C++ and a task's frames include its async generators;
// native callers (next(), list(), sum()) run it on a frame stack of its own.
// Also the async iteration protocol of `async for` and contextlib's context managers.
#pragma once

#include <memory>
#include <string>

#include "frame.hpp"
#include "interpreter.hpp"

namespace loopstep::python {

// Where a resumed generator's frame hands what it yields, and what its end means.
enum class generator_delivery : std::uint8_t {
    native,      // the bottom frame of a stack of its own: run_frames returns (run_status::yielded)
    for_loop,    // pushed by for_iter: a yield is the loop's next item, the end leaves the loop
    delegation,  // pushed by send (`yield from`): a yield goes out through the caller's own yield,
                 // the return value is the value of the `yield from`
    awaited,     // an async generator's __anext__/asend/athrow awaited: a yield is the await's
                 // result, the end raises StopAsyncIteration at the await
    closing,     // aclose() awaited: the end (or GeneratorExit) gives None, a yield is an error
};

struct generator_object : object {
    static constexpr object_kind static_kind = object_kind::generator;
    generator_object(std::shared_ptr<function_object> f, frame_ptr suspended, bool async)
        : object(static_kind), function(std::move(f)), frame(std::move(suspended)), is_async(async) {}
    std::shared_ptr<function_object> function;
    frame_ptr frame;  // while suspended (or not started); null while running and once finished
    bool is_async;
    bool started = false;
    bool finished = false;
    generator_delivery delivery = generator_delivery::native;
    bool running() const { return !frame && !finished; }
};

// The awaitable of an async generator's __anext__() / asend(v) / athrow(e) / aclose().
struct generator_step_object : object {
    static constexpr object_kind static_kind = object_kind::generator_step;
    generator_step_object(std::shared_ptr<generator_object> g, value v, bool is_close)
        : object(static_kind), generator(std::move(g)), sent(std::move(v)), closing(is_close) {}
    std::shared_ptr<generator_object> generator;
    value sent;  // the value to send, or a raised exception to throw in
    bool closing;
    bool used = false;
};

// What contextlib.contextmanager / asynccontextmanager make of a call of the function they decorate.
struct generator_context_manager_object : object {
    static constexpr object_kind static_kind = object_kind::generator_context_manager;
    explicit generator_context_manager_object(value g) : object(static_kind), generator(std::move(g)) {}
    value generator;
    // The generator function and its arguments: used as a decorator, each call makes a fresh
    // manager from them (CPython's ContextDecorator._recreate_cm).
    value function;
    call_arguments arguments;
};

// A call of a generator function: the generator, its frame not started.
value make_generator(const std::shared_ptr<function_object>& function, frame_ptr frame);

// ---- resuming on the VM's stack (vm.cpp) --------------------------------------------------------

enum class generator_entry : std::uint8_t {
    pushed,    // its frame is on top of the stack, `sent` pushed as the value of its yield
    throwing,  // its frame is on top of the stack: raise `sent` in it
    finished,  // it had ended: nothing pushed (the caller knows what that means)
    failed,    // cannot be resumed: `error` says why (already running, too deep, ...)
};
// Puts the suspended frame of `generator` on top of `stack`, for `delivery`; `sent` is the
// value its paused yield gives, or a raised value to throw in (delegated down `yield from`s).
generator_entry enter_generator(interpreter& in, frame_stack& stack, const std::shared_ptr<generator_object>& generator, value sent,
                                generator_delivery delivery, value& error);
// The frame on top of `stack` (a generator's) yielded: gives the frame back to its generator.
std::shared_ptr<generator_object> suspend_generator(frame_stack& stack);
// The frame on top of `stack` (a generator's) returned or raised `error` out of it: the
// generator is finished. Returns what the caller sees: StopIteration out of a generator
// becomes RuntimeError, as in CPython; none when the error ends an aclose() as it should.
std::shared_ptr<generator_object> finish_generator(interpreter& in, frame_stack& stack, value& error);

// ---- resuming from native code ------------------------------------------------------------------

// next(g) / g.send(v) / g.throw(e) on a frame stack of its own: the yielded value (yielded
// true), else the return value, or the raised exception.
value resume_generator(interpreter& in, const std::shared_ptr<generator_object>& generator, value sent, bool& yielded);
// Awaits an async generator step on a frame stack of its own (await_value of one).
coro<value> await_generator_step(interpreter& in, std::shared_ptr<generator_step_object> step);
// next(g) / g.__next__(): the yielded value, or raised (StopIteration with the return value
// once g is exhausted).
value next_of_generator(interpreter& in, const value& generator);
// The iterator_object that next()s a generator for native loops (list(g), sum(g), ...).
value generator_iterator(interpreter& in, const std::shared_ptr<generator_object>& generator);

// ---- async iteration: the two hooks of `async for` (user classes plug in here) ------------------

// The async iterator of `iterable` (its __aiter__): an async generator is its own.
value async_iterator_of(interpreter& in, const value& iterable);
// The awaitable of the next item of `iterator` (its __anext__).
value next_item_awaitable(interpreter& in, const value& iterator);

// The builtins anext() and aiter().
void install_async_iteration_builtins(interpreter& in, globals_table& globals);

// ---- attributes, reprs, types --------------------------------------------------------------------

// g.send, g.__next__, agen.__anext__, agen.aclose, ... (found false if not one of theirs).
value generator_attribute(interpreter& in, const value& object, const std::string& name, bool& found);
// coro.send, coro.throw, coro.close of a coroutine driven by hand (coroutine_methods.cpp).
value coroutine_attribute(interpreter& in, const value& object, const std::string& name, bool& found);
std::string generator_repr(const object& o);
type_ptr generator_type(const interpreter& in, const object& o);

// The contextlib module: contextmanager and asynccontextmanager.
value make_contextlib_module(interpreter& in);
// contextlib.suppress (contextlib_suppress.cpp).
void add_contextlib_suppress(interpreter& in, module_object& module);
// `async with` / `with` on what they make: enter and exit awaitables (context_managers.cpp).
value generator_context_enter(interpreter& in, const value& manager);
value generator_context_exit(interpreter& in, const value& manager, const value& exception);
// `@manager` on a function (contextlib_decorator.cpp): a function whose calls run inside a
// fresh manager of the same kind, as ContextDecorator / AsyncContextDecorator do.
value decorate_with_context_manager(interpreter& in, const value& manager, call_arguments& arguments);

}  // namespace loopstep::python

// asyncio.to_thread(f, *args) and loop.run_in_executor(None, f, *args): f runs on a worker
// thread of the default executor (loopstep/worker_thread.hpp). The thread's Python frames
// run on a frame stack of their own; time.sleep in them pauses that stack (the VM returns
// from the call as from an await) for virtual time while the loop goes on. The awaited
// future is settled one loop iteration after the thread ends, as call_soon_threadsafe does.
#include "worker_threads.hpp"

#include "asyncio_parts.hpp"
#include "vm.hpp"

namespace loopstep::python {

// One function call on a worker thread.
struct worker_call {
    interpreter& in;
    value function;
    call_arguments arguments;
    future_ptr<value> future;
    std::shared_ptr<frame_stack> stack;  // a Python function's frames, once started
    frame_stack* calling_stack = nullptr;  // a builtin runs on whatever stack started the thread
    bool started = false;
    value outcome;  // what the function returned or raised
    thread_step pause;  // the sleep the thread is in
};

namespace {

using arguments_t = call_arguments;

// Runs the call from where it is to its next time.sleep or its end.
run_result run_piece(worker_call& call) {
    interpreter& in = call.in;
    if (call.started) {
        if (call.stack) return resume_frames(in, *call.stack, value());
        return {run_status::returned, call.outcome};  // a builtin's own sleep is over
    }
    call.started = true;
    auto* python = call.function.as<function_object>();
    if (python && !python->code->is_async) {
        std::vector<value> locals;
        value error = in.bind_arguments(*python, call.arguments, locals);
        if (error.is_raised()) return {run_status::raised, error};
        call.stack = std::make_shared<frame_stack>();
        call.stack->frames.push_back(function_frame(std::static_pointer_cast<function_object>(call.function.as_object()), std::move(locals)));
        return run_frames(in, *call.stack);
    }
    call.calling_stack = in.running_stack();
    value result = in.call(call.function, call.arguments);
    if (!in.thread_sleep_requested) return {result.is_raised() ? run_status::raised : run_status::returned, result};
    in.thread_sleep_requested = false;
    call.outcome = result;
    return {run_status::suspended, value()};
}

thread_step run_thread(const std::shared_ptr<worker_call>& call) {
    asyncio_state& state = asyncio_state_of(call->in);
    state.running = call.get();
    run_result result = run_piece(*call);
    state.running = nullptr;
    if (result.status == run_status::suspended) return call->pause;
    call->outcome = result.result;
    const bool failed = result.status == run_status::raised;
    std::string text = call->in.repr(failed ? value::of(result.result.as_object()) : result.result);
    if (text.size() > 120) text = text.substr(0, 117) + "...";
    return {std::nullopt, 0, text, failed};
}

// Starts `function(*arguments)` on a worker thread; the future it settles.
value submit(interpreter& in, value function, call_arguments arguments) {
    auto call = std::make_shared<worker_call>(worker_call{in, std::move(function), std::move(arguments), create_future<value>(in.loop()), {}, nullptr, false, {}, {}});
    interpreter* owner = &in;
    worker_thread::start(in.loop(), asyncio_state_of(in).threads, [call] { return run_thread(call); }, [owner, call] {
        if (call->future->done()) return;  // cancelled while the thread ran: the result is dropped
        if (call->outcome.is_raised()) call->future->set_exception(owner->as_cpp_exception(call->outcome));
        else call->future->set_result(call->outcome);
    });
    return value::of(make_object<future_object>(call->future));
}

// asyncio.to_thread's coroutine (a free function: its frame owns its arguments).
coro<value> to_thread(interpreter& in, value function, call_arguments arguments) {
    if (!in.loop().is_running()) co_return in.raise(in.types().runtime_error, "no running event loop");
    value future = submit(in, std::move(function), std::move(arguments));
    co_return co_await in.await_value(future);
}

}  // namespace

bool sleep_in_worker_thread(interpreter& in, double seconds, const std::string& shown) {
    if (!in.asyncio || !in.asyncio->running) return false;
    worker_call& call = *in.asyncio->running;
    // Only the thread's own frames pause: code it runs through a builtin (a sorted() key)
    // cannot, and blocks as it would in a task.
    if (in.running_stack() != (call.stack ? call.stack.get() : call.calling_stack)) return false;
    call.pause = {seconds, in.call_line(), "time.sleep(" + shown + ")", false};
    in.thread_sleep_requested = true;
    return true;
}

value run_in_executor(interpreter& in, call_arguments& args) {
    CHECK(reject_keywords(in, args, "run_in_executor"));
    if (args.positional.size() < 3) return in.raise_type_error("BaseEventLoop.run_in_executor() missing required positional arguments");
    if (!args.positional[1].is_none()) return in.raise(in.types().runtime_error, "executors other than None (the default one) are not supported in this lesson");
    const value& function = args.positional[2];
    auto* python = function.as<function_object>();
    if ((python && python->code->is_async) || function.as<coroutine_object>()) {
        return in.raise_type_error("coroutines cannot be used with run_in_executor()");
    }
    call_arguments call{std::vector<value>(args.positional.begin() + 3, args.positional.end()), {}};
    return submit(in, function, std::move(call));
}

void add_asyncio_threads(interpreter& in, module_object& module) {
    (void)in;
    module.attributes["to_thread"] = function("to_thread", [](interpreter& in, arguments_t& args) -> value {
        if (args.positional.empty()) return in.raise_type_error("to_thread() missing 1 required positional argument: 'func'");
        value function = args.positional[0];
        call_arguments call{std::vector<value>(args.positional.begin() + 1, args.positional.end()), std::move(args.keywords)};
        interpreter* owner = &in;
        // A coroutine: the thread starts when it is awaited (or its task starts).
        return native("to_thread", [owner, function, call] { return to_thread(*owner, function, call); });
    });
}

}  // namespace loopstep::python

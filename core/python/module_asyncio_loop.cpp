// The event loop as programs drive it themselves: new_event_loop, set_event_loop,
// get_event_loop, loop.run_until_complete / run_forever / stop / close, and asyncio.Runner
// (what asyncio.run is made of). loopstep has one core loop; the loop objects are its faces.
#include "asyncio_parts.hpp"

namespace loopstep::python {

asyncio_state& asyncio_state_of(interpreter& in) {
    if (!in.asyncio) in.asyncio = std::make_shared<asyncio_state>();
    return *in.asyncio;
}

void forget_done_callback(interpreter& in, future_id future, std::uint64_t token) {
    auto& registered = asyncio_state_of(in).done_callbacks;
    auto found = registered.find(future);
    if (found == registered.end()) return;
    std::erase_if(found->second, [token](const std::pair<value, std::uint64_t>& entry) { return entry.second == token; });
    if (found->second.empty()) registered.erase(found);
}

value current_loop_object(interpreter& in) {
    asyncio_state& state = asyncio_state_of(in);
    if (!state.loop.as<loop_object>()) state.loop = value::of(make_object<loop_object>(in.loop()));
    return state.loop;
}

void close_loop_object(interpreter& in) {
    asyncio_state& state = asyncio_state_of(in);
    if (auto* loop = state.loop.as<loop_object>()) loop->closed = true;
    state.loop = value();
}

namespace {

using arguments_t = call_arguments;

// BaseEventLoop._check_closed and _check_running.
value check_can_run(interpreter& in, const loop_object& loop) {
    if (loop.closed) return in.raise(in.types().runtime_error, "Event loop is closed");
    if (in.loop().is_running()) return in.raise(in.types().runtime_error, "This event loop is already running");
    return value();
}

value loop_run_until_complete(interpreter& in, loop_object& loop, const value& awaitable) {
    CHECK(check_can_run(in, loop));
    future_ptr<value> future;
    CHECK(as_future(in, awaitable, future));
    CHECK(run_loop(in, [&] { in.loop().run_until_done(*future); }));
    return guarded(in, [&] { return future->result(); });
}

value loop_attribute(const value& object, const std::string& name, bool& found) {
    auto loop = std::static_pointer_cast<loop_object>(object.as_object());
    if (name == "run_until_complete") {
        return method(name, [loop](interpreter& in, arguments_t& args) -> value {
            CHECK(count_check(in, args, "run_until_complete", 2, 2));
            return loop_run_until_complete(in, *loop, args.positional[1]);
        }, object);
    }
    if (name == "run_forever") {
        return method(name, [loop](interpreter& in, arguments_t& args) -> value {
            CHECK(count_check(in, args, "run_forever", 1, 1));
            CHECK(check_can_run(in, *loop));
            return run_loop(in, [&] { in.loop().run_forever(); });
        }, object);
    }
    if (name == "stop") {
        return method(name, [](interpreter& in, arguments_t&) {
            in.loop().stop();
            return value();
        }, object);
    }
    if (name == "close") {
        return method(name, [loop](interpreter& in, arguments_t&) -> value {
            if (in.loop().is_running() && !loop->closed) return in.raise(in.types().runtime_error, "Cannot close a running event loop");
            loop->closed = true;
            if (asyncio_state_of(in).loop.as<loop_object>() == loop.get()) asyncio_state_of(in).loop = value();
            return value();
        }, object);
    }
    if (name == "is_running") return method(name, [loop](interpreter& in, arguments_t&) { return value::boolean(!loop->closed && in.loop().is_running()); }, object);
    if (name == "is_closed") return method(name, [loop](interpreter&, arguments_t&) { return value::boolean(loop->closed); }, object);
    if (name == "run_in_executor") return method(name, [](interpreter& in, arguments_t& args) { return run_in_executor(in, args); }, object);
    found = false;
    return value();
}

// ---- asyncio.Runner -----------------------------------------------------------------------

value runner_loop(interpreter& in, runner_object& runner) {
    if (runner.state == runner_object::phase::closed) return in.raise(in.types().runtime_error, "Runner is closed");
    if (runner.state == runner_object::phase::created) {
        runner.state = runner_object::phase::initialized;
        asyncio_state_of(in).loop = value::of(make_object<loop_object>(in.loop()));
    }
    return current_loop_object(in);
}

value runner_run(interpreter& in, runner_object& runner, arguments_t& args) {
    args.take("context");
    CHECK(count_check(in, args, "run", 2, 2));
    const value& main = args.positional[1];
    if (!main.as<coroutine_object>() && !main.as<native_coroutine_object>()) {
        return in.raise_value_error("a coroutine was expected, got " + in.repr(main));
    }
    if (in.loop().is_running()) return in.raise(in.types().runtime_error, "Runner.run() cannot be called from a running event loop");
    CHECK(runner_loop(in, runner));
    value task = in.create_task(main, "");
    if (task.is_raised()) return task;
    auto& core_task = *task.as<task_object>()->task;
    CHECK(run_until_complete(in, core_task));
    return guarded(in, [&] { return core_task.result(); });
}

void runner_close(interpreter& in, runner_object& runner) {
    if (runner.state != runner_object::phase::initialized) return;
    shut_down_loop(in);
    close_loop_object(in);
    runner.state = runner_object::phase::closed;
}

value runner_attribute(const value& object, const std::string& name, bool& found) {
    auto runner = std::static_pointer_cast<runner_object>(object.as_object());
    if (name == "run") return method(name, [runner](interpreter& in, arguments_t& args) { return runner_run(in, *runner, args); }, object);
    if (name == "close" || name == "__exit__") {
        return method(name, [runner](interpreter& in, arguments_t&) {
            runner_close(in, *runner);
            return value();
        }, object);
    }
    if (name == "get_loop") return method(name, [runner](interpreter& in, arguments_t&) { return runner_loop(in, *runner); }, object);
    if (name == "__enter__") {
        return method(name, [runner, object](interpreter& in, arguments_t&) -> value {
            CHECK(runner_loop(in, *runner));
            return object;
        }, object);
    }
    found = false;
    return value();
}

}  // namespace

void add_asyncio_loop(interpreter& in, module_object& module) {
    auto& a = module.attributes;
    a["new_event_loop"] = function("new_event_loop", [](interpreter& in, arguments_t& args) -> value {
        CHECK(count_check(in, args, "new_event_loop", 0, 0));
        if (in.loop().is_running()) return value::of(make_object<loop_object>(in.loop()));  // not the running one
        asyncio_state_of(in).loop = value::of(make_object<loop_object>(in.loop()));
        return asyncio_state_of(in).loop;
    });
    a["set_event_loop"] = function("set_event_loop", [](interpreter& in, arguments_t& args) -> value {
        CHECK(count_check(in, args, "set_event_loop", 1, 1));
        const value& loop = args.positional[0];
        if (!loop.is_none() && !loop.as<loop_object>()) {
            return in.raise_type_error("loop must be an instance of AbstractEventLoop or None, not '" + in.type_name(loop) + "'");
        }
        asyncio_state_of(in).loop = loop;
        return value();
    });
    a["get_event_loop"] = function("get_event_loop", [](interpreter& in, arguments_t& args) -> value {
        CHECK(count_check(in, args, "get_event_loop", 0, 0));
        return current_loop_object(in);
    });
    const type_ptr& runner = in.types().runner;
    runner->construct = [](interpreter& in, arguments_t& args) -> value {
        args.take("debug");
        args.take("loop_factory");
        CHECK(count_check(in, args, "Runner", 0, 0));
        return value::of(make_object<runner_object>());
    };
    a["Runner"] = value::of(runner);
}

value asyncio_loop_attribute(const value& object, const std::string& name, bool& found) {
    found = true;
    if (object.as<loop_object>()) return loop_attribute(object, name, found);
    if (object.as<runner_object>()) return runner_attribute(object, name, found);
    found = false;
    return value();
}

}  // namespace loopstep::python

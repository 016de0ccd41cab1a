// The asyncio module of the Python subset, and the methods of its objects (Task, Future,
// Queue, Event, Lock, Semaphore, TaskGroup, the loop), built on loopstep_core.
#include <cmath>

#include "asyncio_parts.hpp"
#include "generators.hpp"

namespace loopstep::python {

value count_check(interpreter& in, call_arguments& args, const std::string& function, std::size_t low, std::size_t high) {
    value error = reject_keywords(in, args, function);
    if (error.is_raised()) return error;
    const std::size_t n = args.positional.size();
    if (n < low) return in.raise_type_error(function + "() missing " + std::to_string(low - n) + " required positional argument" + (low - n == 1 ? "" : "s"));
    if (n > high) return in.raise_type_error(function + "() takes " + std::to_string(high) + " positional argument" + (high == 1 ? "" : "s") + " but " + std::to_string(n) + " were given");
    return value();
}

value as_future(interpreter& in, const value& awaitable, future_ptr<value>& out) {
    if (auto* task = awaitable.as<task_object>()) {
        out = task->task;
        return value();
    }
    if (auto* future = awaitable.as<future_object>()) {
        out = future->future;
        return value();
    }
    if (awaitable.as<coroutine_object>() || awaitable.as<native_coroutine_object>()) {
        value task = in.create_task(awaitable, "");
        if (task.is_raised()) return task;
        out = task.as<task_object>()->task;
        return value();
    }
    return in.raise_type_error("An asyncio.Future, a coroutine or an awaitable is required");
}

value run_until_complete(interpreter& in, task<value>& core_task) {
    return run_loop(in, [&] { in.loop().run_until_done(core_task); });
}

value run_loop(interpreter& in, const std::function<void()>& run) {
    event_loop& loop = in.loop();
    try {
        run();
    } catch (const step_limit_error&) {
        return in.raise(in.types().step_budget_error,
                        "the event loop ran " + std::to_string(loop.steps_run()) +
                            " steps and the program has not finished: does a task loop forever? It was stopped.");
    } catch (const deadlock_error&) {
        // Timers still pending here are all at infinity (the loop stops only when none can fire).
        return in.raise(in.types().runtime_error,
                        loop.has_scheduled_work()
                            ? "the program can never finish: every task is waiting and the only timers left are "
                              "infinitely far away (a sleep or timeout of float('inf')?); CPython would wait for ever"
                            : in.last_unawaited_call.empty()
                                  ? "the program can never finish: every task is waiting and nothing will wake them "
                                    "(a future nobody resolves, or a queue nobody fills?)"
                                  : "the program can never finish: every task is waiting and nothing will wake them; " +
                                        in.last_unawaited_call + " was never awaited (a missing await?)");
    }
    return value();
}

void shut_down_loop(interpreter& in) {
    try {
        cancel_remaining_tasks(in.loop());
    } catch (...) {
        // the loop is already stopped for one of the reasons run_until_complete reports
    }
    // CPython's shutdown runs two more tasks (async generators, default executor): they take numbers.
    in.loop().next_task_number();
    in.loop().next_task_number();
}

namespace {

using arguments_t = call_arguments;

// ---- coroutines behind the awaitables (free functions: their frames own their arguments) ----

coro<value> sleep_for(double delay, value result) {
    co_await loopstep::sleep(delay);
    co_return result;
}

coro<value> wait_for_awaitable(interpreter& in, value awaitable, std::optional<double> timeout) {
    if (!timeout) co_return co_await in.await_value(std::move(awaitable));
    future_ptr<value> inner;
    value error = as_future(in, awaitable, inner);
    if (error.is_raised()) co_return error;
    co_return co_await loopstep::wait_for(inner, timeout);
}

coro<value> queue_get(std::shared_ptr<queue_object> q) { co_return co_await q->primitive.get(); }
coro<value> queue_put(std::shared_ptr<queue_object> q, value item) {
    co_await q->primitive.put(std::move(item));
    co_return value();
}
coro<value> queue_join(std::shared_ptr<queue_object> q) {
    co_await q->primitive.join();
    co_return value();
}
coro<value> event_wait(std::shared_ptr<event_object> e) {
    co_await e->primitive.wait();
    co_return value::boolean(true);
}
coro<value> lock_acquire(std::shared_ptr<lock_object> l) {
    co_await l->primitive.acquire();
    co_return value::boolean(true);
}
coro<value> semaphore_acquire(std::shared_ptr<semaphore_object> s) {
    co_await s->primitive.acquire();
    co_return value::boolean(true);
}

value exception_value(interpreter& in, const std::exception_ptr& error) {
    return value::of(in.from_cpp_exception(error).as_object());
}

// ---- asyncio.run ---------------------------------------------------------------------------

value asyncio_run(interpreter& in, arguments_t& args) {
    args.take("debug");
    CHECK(count_check(in, args, "run", 1, 1));
    event_loop& loop = in.loop();
    if (loop.is_running()) return in.raise(in.types().runtime_error, "asyncio.run() cannot be called from a running event loop");
    const value& main = args.positional[0];
    if (!main.as<coroutine_object>() && !main.as<native_coroutine_object>()) {
        return in.raise_value_error("a coroutine was expected, got " + in.repr(main));
    }
    asyncio_state_of(in).loop = value::of(make_object<loop_object>(loop));  // a new loop for each run
    value task = in.create_task(main, "");
    if (task.is_raised()) return task;
    auto& core_task = *task.as<task_object>()->task;
    value failure = run_until_complete(in, core_task);
    shut_down_loop(in);
    close_loop_object(in);
    if (failure.is_raised()) return failure;
    return guarded(in, [&] { return core_task.result(); });
}

value asyncio_sleep(interpreter& in, arguments_t& args) {
    value result = args.take("result", value());
    value delay_keyword = args.take("delay");
    if (!delay_keyword.is_unbound()) args.positional.insert(args.positional.begin(), delay_keyword);
    CHECK(count_check(in, args, "sleep", 1, 2));
    if (args.positional.size() == 2) result = args.positional[1];
    double delay = 0;
    if (!number(args.positional[0], delay)) {
        return in.raise_type_error("'<=' not supported between instances of '" + in.type_name(args.positional[0]) + "' and 'int'");
    }
    value sleeping = native("sleep", [delay, result] { return sleep_for(delay, result); });
    if (delay <= 0) sleeping.as<native_coroutine_object>()->bare_yield = result;
    return sleeping;
}

value asyncio_create_task(interpreter& in, arguments_t& args) {
    value name = args.take("name", value());
    args.take("context");
    CHECK(count_check(in, args, "create_task", 1, 1));
    if (!in.loop().is_running()) return in.raise(in.types().runtime_error, "no running event loop");
    return in.create_task(args.positional[0], name.is_none() ? std::string() : in.str(name));
}

value asyncio_gather(interpreter& in, arguments_t& args) {
    const bool return_exceptions = in.truthy(args.take("return_exceptions", value::boolean(false)));
    CHECK(reject_keywords(in, args, "gather"));
    std::vector<future_ptr<value>> children;
    for (const auto& awaitable : args.positional) {
        future_ptr<value> child;
        CHECK(as_future(in, awaitable, child));
        children.push_back(std::move(child));
    }
    interpreter* owner = &in;
    auto outer = gather_with<value, value>(in.loop(), std::move(children), return_exceptions,
                                           [owner, return_exceptions](const std::vector<future_ptr<value>>& done) {
        std::vector<value> results;
        for (const auto& child : done) {
            if (return_exceptions && child->cancelled()) {
                // CPython's gather makes CancelledError('') when the child had no message.
                results.push_back(owner->make_exception(owner->types().cancelled_error, {owner->make_str(child->cancel_message())}));
            } else if (auto error = child->exception()) {
                results.push_back(exception_value(*owner, error));
            } else {
                results.push_back(child->result());
            }
        }
        return owner->make_list(std::move(results));
    });
    return value::of(make_object<future_object>(outer));
}

value asyncio_wait_for(interpreter& in, arguments_t& args) {
    value timeout = args.take("timeout", value::unbound());
    CHECK(reject_keywords(in, args, "wait_for"));
    if (args.positional.size() == 2) timeout = args.positional[1];
    if (args.positional.empty() || args.positional.size() > 2 || timeout.is_unbound()) {
        return in.raise_type_error("wait_for() missing 1 required positional argument: 'timeout'");
    }
    std::optional<double> seconds;
    double d = 0;
    if (!timeout.is_none()) {
        if (!number(timeout, d)) return in.raise_type_error("'<=' not supported between instances of '" + in.type_name(timeout) + "' and 'int'");
        seconds = d;
    }
    interpreter* owner = &in;
    value awaitable = args.positional[0];
    return native("wait_for", [owner, awaitable, seconds] { return wait_for_awaitable(*owner, awaitable, seconds); });
}

value asyncio_timeout(interpreter& in, arguments_t& args, bool absolute) {
    CHECK(count_check(in, args, absolute ? "timeout_at" : "timeout", 1, 1));
    const value& delay = args.positional[0];
    std::optional<double> when;
    if (!delay.is_none()) {
        double d = 0;
        if (!number(delay, d)) return in.raise_type_error("unsupported operand type(s) for +: 'float' and '" + in.type_name(delay) + "'");
        when = absolute ? d : in.loop().time() + d;
    }
    return value::of(make_object<timeout_object>(when, absolute));
}

value asyncio_shield(interpreter& in, arguments_t& args) {
    CHECK(count_check(in, args, "shield", 1, 1));
    future_ptr<value> inner;
    CHECK(as_future(in, args.positional[0], inner));
    return value::of(make_object<future_object>(loopstep::shield(in.loop(), inner)));
}

value asyncio_as_completed(interpreter& in, arguments_t& args) {
    value timeout = args.take("timeout", value());
    CHECK(count_check(in, args, "as_completed", 1, 1));
    std::vector<value> awaitables;
    CHECK(in.to_list(args.positional[0], awaitables));
    std::vector<future_ptr<value>> inputs;
    for (const auto& awaitable : awaitables) {
        future_ptr<value> input;
        CHECK(as_future(in, awaitable, input));
        inputs.push_back(std::move(input));
    }
    std::optional<double> seconds;
    if (!timeout.is_none()) seconds = timeout.to_double();
    std::vector<value> waiters;
    for (auto& next : loopstep::as_completed(in.loop(), std::move(inputs), seconds)) {
        auto holder = std::make_shared<coro<value>>(std::move(next));
        waiters.push_back(native("_wait_for_one", [holder] { return std::move(*holder); }));
    }
    auto shared = std::make_shared<std::vector<value>>(std::move(waiters));
    auto index = std::make_shared<std::size_t>(0);
    return value::of(make_object<iterator_object>(
        [shared, index]() -> std::optional<value> {
            if (*index >= shared->size()) return std::nullopt;
            return (*shared)[(*index)++];
        },
        "generator"));
}

value asyncio_get_running_loop(interpreter& in, arguments_t& args) {
    CHECK(count_check(in, args, "get_running_loop", 0, 0));
    if (!in.loop().is_running()) return in.raise(in.types().runtime_error, "no running event loop");
    return current_loop_object(in);
}

value asyncio_current_task(interpreter& in, arguments_t& args) {
    CHECK(count_check(in, args, "current_task", 0, 1));
    if (args.positional.empty() && !in.loop().is_running()) return in.raise(in.types().runtime_error, "no running event loop");
    return in.current_task_value();
}

value make_type_constructor(interpreter& in, const type_ptr& type, native_function construct) {
    type->construct = std::move(construct);
    (void)in;
    return value::of(type);
}

}  // namespace

value make_asyncio_module(interpreter& in) {
    auto module = make_object<module_object>("asyncio");
    auto& a = module->attributes;
    const auto& t = in.types();
    a["run"] = function("run", asyncio_run);
    a["sleep"] = function("sleep", asyncio_sleep);
    a["create_task"] = function("create_task", asyncio_create_task);
    a["ensure_future"] = function("ensure_future", [](interpreter& in, arguments_t& args) -> value {
        CHECK(count_check(in, args, "ensure_future", 1, 1));
        if (args.positional[0].as<task_object>() || args.positional[0].as<future_object>()) return args.positional[0];
        return in.create_task(args.positional[0], "");
    });
    a["gather"] = function("gather", asyncio_gather);
    a["wait_for"] = function("wait_for", asyncio_wait_for);
    a["timeout"] = function("timeout", [](interpreter& in, arguments_t& args) { return asyncio_timeout(in, args, false); });
    a["timeout_at"] = function("timeout_at", [](interpreter& in, arguments_t& args) { return asyncio_timeout(in, args, true); });
    a["shield"] = function("shield", asyncio_shield);
    a["as_completed"] = function("as_completed", asyncio_as_completed);
    a["get_running_loop"] = function("get_running_loop", asyncio_get_running_loop);
    a["get_event_loop"] = function("get_event_loop", asyncio_get_running_loop);
    a["current_task"] = function("current_task", asyncio_current_task);
    a["iscoroutine"] = function("iscoroutine", [](interpreter& in, arguments_t& args) -> value {
        CHECK(count_check(in, args, "iscoroutine", 1, 1));
        const value& v = args.positional[0];
        // 3.11 counts generators too (generator-based coroutines).
        return value::boolean(v.as<coroutine_object>() || v.as<native_coroutine_object>() || (v.as<generator_object>() && !v.as<generator_object>()->is_async));
    });
    a["iscoroutinefunction"] = function("iscoroutinefunction", [](interpreter& in, arguments_t& args) -> value {
        CHECK(count_check(in, args, "iscoroutinefunction", 1, 1));
        value f = args.positional[0];
        if (auto* bound = f.as<method_object>()) f = bound->function;  // inspect looks through a bound method
        auto* function = f.as<function_object>();
        return value::boolean(function && function->code->is_async && !function->code->is_generator);
    });
    a["CancelledError"] = value::of(t.cancelled_error);
    a["TimeoutError"] = value::of(t.timeout_error);
    a["InvalidStateError"] = value::of(t.invalid_state_error);
    a["QueueEmpty"] = value::of(t.queue_empty);
    a["QueueFull"] = value::of(t.queue_full);
    a["Task"] = value::of(t.task);
    a["Future"] = make_type_constructor(in, t.future, [](interpreter& in, arguments_t& args) -> value {
        CHECK(count_check(in, args, "Future", 0, 0));
        return value::of(make_object<future_object>(create_future<value>(in.loop())));
    });
    a["Queue"] = make_type_constructor(in, t.queue, [](interpreter& in, arguments_t& args) -> value {
        value maxsize = args.take("maxsize", value::integer(0));
        CHECK(count_check(in, args, "Queue", 0, 1));
        if (!args.positional.empty()) maxsize = args.positional[0];
        if (!maxsize.is_int_like()) return in.raise_type_error("'" + in.type_name(maxsize) + "' object cannot be interpreted as an integer");
        return new_primitive<queue_object>(in, in.loop(), std::size_t(std::max<std::int64_t>(0, maxsize.as_int())));
    });
    a["Event"] = make_type_constructor(in, t.event, [](interpreter& in, arguments_t& args) -> value {
        CHECK(count_check(in, args, "Event", 0, 0));
        return new_primitive<event_object>(in, in.loop());
    });
    a["Lock"] = make_type_constructor(in, t.lock, [](interpreter& in, arguments_t& args) -> value {
        CHECK(count_check(in, args, "Lock", 0, 0));
        return new_primitive<lock_object>(in, in.loop());
    });
    a["Semaphore"] = make_type_constructor(in, t.semaphore, [](interpreter& in, arguments_t& args) -> value {
        value initial = args.take("value", value::integer(1));
        CHECK(count_check(in, args, "Semaphore", 0, 1));
        if (!args.positional.empty()) initial = args.positional[0];
        if (!initial.is_int_like()) return in.raise_type_error("'<' not supported between instances of '" + in.type_name(initial) + "' and 'int'");
        if (initial.as_int() < 0) return in.raise_value_error("Semaphore initial value must be >= 0");
        return new_primitive<semaphore_object>(in, in.loop(), int(initial.as_int()));
    });
    a["TaskGroup"] = make_type_constructor(in, t.task_group, [](interpreter& in, arguments_t& args) -> value {
        CHECK(count_check(in, args, "TaskGroup", 0, 0));
        return value::of(make_object<task_group_object>(in.loop()));
    });
    add_asyncio_sync(in, *module);
    add_asyncio_wait(in, *module);
    add_asyncio_loop(in, *module);
    add_asyncio_threads(in, *module);
    return value::of(module);
}

// ---- methods of the asyncio objects -----------------------------------------------------------

namespace {

value future_result(interpreter& in, future<value>& f) {
    return guarded(in, [&] { return f.result(); });
}

value future_exception(interpreter& in, future<value>& f) {
    return guarded(in, [&]() -> value {
        std::exception_ptr error = f.exception();
        return error ? exception_value(in, error) : value();
    });
}

value add_done_callback(interpreter& in, future<value>& f, const value& self, const value& callback) {
    interpreter* owner = &in;
    const future_id id = f.id();
    auto token = std::make_shared<std::uint64_t>(0);
    *token = f.add_done_callback([owner, self, callback, id, token](future_base&) {
        forget_done_callback(*owner, id, *token);
        call_arguments one{{self}, {}};
        owner->set_call_line(0);  // the loop calls it, from no line of the program
        value result = owner->call(callback, one);
        if (result.is_raised()) {
            owner->write_error("Exception in callback " + owner->repr(callback) + "(" + owner->repr(self) + ")\n" +
                               owner->type_name(value::of(result.as_object())) + ": " + owner->str(value::of(result.as_object())) + "\n");
        }
    });
    if (!f.done()) asyncio_state_of(in).done_callbacks[id].emplace_back(callback, *token);
    return value();
}

// Future.remove_done_callback(fn): takes out every registration of fn not run yet; how many.
value remove_done_callback(interpreter& in, future<value>& f, const value& callback) {
    auto& registered = asyncio_state_of(in).done_callbacks;
    auto found = registered.find(f.id());
    if (found == registered.end()) return value::integer(0);
    std::int64_t removed = 0;
    std::erase_if(found->second, [&](const std::pair<value, std::uint64_t>& entry) {
        if (!entry.first.is_object() || entry.first.as_object() != callback.as_object()) return false;
        removed += std::int64_t(f.remove_done_callback(entry.second));
        return true;
    });
    if (found->second.empty()) registered.erase(found);
    return value::integer(removed);
}

value future_method(const value& self, future<value>& f, const std::string& name, bool& found) {
    found = true;
    if (name == "done") return method(name, [&f](interpreter&, arguments_t&) { return value::boolean(f.done()); }, self);
    if (name == "cancelled") return method(name, [&f](interpreter&, arguments_t&) { return value::boolean(f.cancelled()); }, self);
    if (name == "result") return method(name, [&f](interpreter& in, arguments_t&) { return future_result(in, f); }, self);
    if (name == "exception") return method(name, [&f](interpreter& in, arguments_t&) { return future_exception(in, f); }, self);
    if (name == "cancel") {
        return method(name, [&f](interpreter& in, arguments_t& args) -> value {
            value message = args.take("msg", value());
            if (args.positional.size() > 1) message = args.positional[1];
            return value::boolean(f.cancel(message.is_none() ? std::string() : in.str(message)));
        }, self);
    }
    if (name == "add_done_callback") {
        return method(name, [&f](interpreter& in, arguments_t& args) -> value {
            args.take("context");
            CHECK(count_check(in, args, "add_done_callback", 2, 2));
            return add_done_callback(in, f, args.positional[0], args.positional[1]);
        }, self);
    }
    if (name == "remove_done_callback") {
        return method(name, [&f](interpreter& in, arguments_t& args) -> value {
            CHECK(count_check(in, args, "remove_done_callback", 2, 2));
            return remove_done_callback(in, f, args.positional[1]);
        }, self);
    }
    found = false;
    return value();
}

value task_method(const value& self, task<value>& t, const std::string& name, bool& found) {
    found = true;
    if (name == "get_name") return method(name, [&t](interpreter& in, arguments_t&) { return in.make_str(t.name()); }, self);
    if (name == "set_name") {
        return method(name, [&t](interpreter& in, arguments_t& args) -> value {
            CHECK(count_check(in, args, "set_name", 2, 2));
            t.set_name(in.str(args.positional[1]));
            return value();
        }, self);
    }
    if (name == "cancelling") return method(name, [&t](interpreter&, arguments_t&) { return value::integer(t.cancelling()); }, self);
    if (name == "uncancel") return method(name, [&t](interpreter&, arguments_t&) { return value::integer(t.uncancel()); }, self);
    if (name == "get_coro") return method(name, [](interpreter&, arguments_t&) { return value(); }, self);
    return future_method(self, t, name, found);
}

value loop_method(const value& self, const std::string& name, bool& found) {
    found = true;
    if (name == "time") return method(name, [](interpreter& in, arguments_t&) { return value::floating(in.loop().time()); }, self);
    if (name == "create_future") {
        return method(name, [](interpreter& in, arguments_t&) -> value {
            return value::of(make_object<future_object>(create_future<value>(in.loop())));
        }, self);
    }
    if (name == "create_task") {
        return method(name, [](interpreter& in, arguments_t& args) -> value {
            value task_name = args.take("name", value());
            CHECK(count_check(in, args, "create_task", 2, 2));
            return in.create_task(args.positional[1], task_name.is_none() ? std::string() : in.str(task_name));
        }, self);
    }
    if (name == "call_soon" || name == "call_later" || name == "call_at") {
        const bool immediate = name == "call_soon";
        const bool absolute = name == "call_at";
        return method(name, [immediate, absolute](interpreter& in, arguments_t& args) -> value {
            args.take("context");
            const std::size_t first = immediate ? 1 : 2;
            if (args.positional.size() < first + 1) return in.raise_type_error("call_later() missing required arguments");
            double when = 0;
            if (!immediate && !number(args.positional[1], when)) return in.raise_type_error("a number is required for the delay");
            value callback = args.positional[first];
            std::vector<value> extra(args.positional.begin() + first + 1, args.positional.end());
            interpreter* owner = &in;
            auto run = [owner, callback, extra] {
                call_arguments call{extra, {}};
                owner->set_call_line(0);  // the loop calls it, from no line of the program
                value result = owner->call(callback, call);
                if (result.is_raised()) {
                    owner->write_error("Exception in callback " + owner->repr(callback) + "\n" +
                                       owner->type_name(value::of(result.as_object())) + ": " + owner->str(value::of(result.as_object())) + "\n");
                }
            };
            if (immediate) in.loop().call_soon(run, "callback");
            else if (absolute) in.loop().call_at(when, run, "callback");
            else in.loop().call_later(when, run, "callback");
            return value();
        }, self);
    }
    found = false;
    return value();
}

}  // namespace

value asyncio_attribute(const value& object, const std::string& name, bool& found) {
    value more = asyncio_sync_attribute(object, name, found);
    if (!found) more = asyncio_loop_attribute(object, name, found);
    if (found) return more;
    found = true;
    if (auto* t = object.as<task_object>()) return task_method(object, *t->task, name, found);
    if (auto* f = object.as<future_object>()) {
        auto& fut = *f->future;
        if (name == "set_result") {
            return method(name, [&fut](interpreter& in, arguments_t& args) -> value {
                CHECK(count_check(in, args, "set_result", 2, 2));
                return guarded(in, [&] {
                    fut.set_result(args.positional[1]);
                    return value();
                });
            }, object);
        }
        if (name == "set_exception") {
            return method(name, [&fut](interpreter& in, arguments_t& args) -> value {
                CHECK(count_check(in, args, "set_exception", 2, 2));
                value exception = args.positional[1];
                if (exception.as<type_object>()) {
                    call_arguments none;
                    exception = in.call(exception, none);
                    if (exception.is_raised()) return exception;
                }
                if (!exception.as<exception_object>()) return in.raise_type_error("invalid exception object");
                return guarded(in, [&] {
                    fut.set_exception(in.as_cpp_exception(value::raised(exception.as_object())));
                    return value();
                });
            }, object);
        }
        return future_method(object, fut, name, found);
    }
    if (auto* q = object.as<queue_object>()) {
        auto shared = std::static_pointer_cast<queue_object>(object.as_object());
        if (name == "get") return method(name, [shared](interpreter&, arguments_t&) { return native("Queue.get", [shared] { return queue_get(shared); }); }, object);
        if (name == "put") {
            return method(name, [shared](interpreter& in, arguments_t& args) -> value {
                CHECK(count_check(in, args, "put", 2, 2));
                value item = args.positional[1];
                return native("Queue.put", [shared, item] { return queue_put(shared, item); });
            }, object);
        }
        if (name == "join") return method(name, [shared](interpreter&, arguments_t&) { return native("Queue.join", [shared] { return queue_join(shared); }); }, object);
        if (name == "get_nowait") return method(name, [shared](interpreter& in, arguments_t&) { return guarded(in, [&] { return shared->primitive.get_nowait(); }); }, object);
        if (name == "put_nowait") {
            return method(name, [shared](interpreter& in, arguments_t& args) -> value {
                CHECK(count_check(in, args, "put_nowait", 2, 2));
                return guarded(in, [&] {
                    shared->primitive.put_nowait(args.positional[1]);
                    return value();
                });
            }, object);
        }
        if (name == "task_done") {
            return method(name, [shared](interpreter& in, arguments_t&) {
                return guarded(in, [&] {
                    shared->primitive.task_done();
                    return value();
                });
            }, object);
        }
        if (name == "qsize") return method(name, [shared](interpreter&, arguments_t&) { return value::integer(std::int64_t(shared->primitive.qsize())); }, object);
        if (name == "empty") return method(name, [shared](interpreter&, arguments_t&) { return value::boolean(shared->primitive.empty()); }, object);
        if (name == "full") return method(name, [shared](interpreter&, arguments_t&) { return value::boolean(shared->primitive.full()); }, object);
        if (name == "maxsize") return value::integer(std::int64_t(q->primitive.maxsize()));
    }
    if (object.as<event_object>()) {
        auto shared = std::static_pointer_cast<event_object>(object.as_object());
        if (name == "wait") return method(name, [shared](interpreter&, arguments_t&) { return native("Event.wait", [shared] { return event_wait(shared); }); }, object);
        if (name == "set") {
            return method(name, [shared](interpreter&, arguments_t&) {
                shared->primitive.set();
                return value();
            }, object);
        }
        if (name == "clear") {
            return method(name, [shared](interpreter&, arguments_t&) {
                shared->primitive.clear();
                return value();
            }, object);
        }
        if (name == "is_set") return method(name, [shared](interpreter&, arguments_t&) { return value::boolean(shared->primitive.is_set()); }, object);
    }
    if (object.as<lock_object>()) {
        auto shared = std::static_pointer_cast<lock_object>(object.as_object());
        if (name == "acquire") return method(name, [shared](interpreter&, arguments_t&) { return native("Lock.acquire", [shared] { return lock_acquire(shared); }); }, object);
        if (name == "release") {
            return method(name, [shared](interpreter& in, arguments_t&) {
                return guarded(in, [&] {
                    shared->primitive.release();
                    return value();
                });
            }, object);
        }
        if (name == "locked") return method(name, [shared](interpreter&, arguments_t&) { return value::boolean(shared->primitive.locked()); }, object);
    }
    if (object.as<semaphore_object>()) {
        auto shared = std::static_pointer_cast<semaphore_object>(object.as_object());
        if (name == "acquire") return method(name, [shared](interpreter&, arguments_t&) { return native("Semaphore.acquire", [shared] { return semaphore_acquire(shared); }); }, object);
        if (name == "release") {
            return method(name, [shared](interpreter& in, arguments_t&) {
                return guarded(in, [&] {
                    shared->primitive.release();  // a BoundedSemaphore may refuse
                    return value();
                });
            }, object);
        }
        if (name == "locked") return method(name, [shared](interpreter&, arguments_t&) { return value::boolean(shared->primitive.locked()); }, object);
        if (name == "_value") return value::integer(shared->primitive.value());
    }
    if (object.as<task_group_object>()) {
        auto shared = std::static_pointer_cast<task_group_object>(object.as_object());
        if (name == "create_task") {
            return method(name, [shared](interpreter& in, arguments_t& args) -> value {
                value task_name = args.take("name", value());
                args.take("context");
                CHECK(count_check(in, args, "create_task", 2, 2));
                const value& awaitable = args.positional[1];
                if (!awaitable.as<coroutine_object>() && !awaitable.as<native_coroutine_object>()) {
                    return in.raise_type_error("a coroutine was expected, got " + in.repr(awaitable));
                }
                const std::string name = task_name.is_none() ? std::string() : in.str(task_name);
                return in.spawn_task(awaitable, [&](coro<value> body) { return shared->group.create_task(std::move(body), name); });
            }, object);
        }
    }
    if (object.as<loop_object>()) return loop_method(object, name, found);
    if (auto* timeout = object.as<timeout_object>()) {
        if (name == "when") {
            return method(name, [](interpreter&, arguments_t& args) -> value {
                auto* t = args.positional[0].as<timeout_object>();
                return t->delay ? value::floating(*t->delay) : value();
            }, object);
        }
        if (name == "expired") {
            return method(name, [](interpreter&, arguments_t& args) -> value {
                auto* t = args.positional[0].as<timeout_object>();
                return value::boolean(t->scope && t->scope->expired());
            }, object);
        }
        if (name == "reschedule") {
            return method(name, [](interpreter& in, arguments_t& args) -> value {
                CHECK(count_check(in, args, "reschedule", 2, 2));
                auto* t = args.positional[0].as<timeout_object>();
                std::optional<double> when;
                if (!args.positional[1].is_none()) when = args.positional[1].to_double();
                if (!t->scope) return in.raise(in.types().runtime_error, "Timeout has not been entered");
                return guarded(in, [&] {
                    t->scope->reschedule(when);
                    t->delay = when;
                    return value();
                });
            }, object);
        }
        (void)timeout;
    }
    found = false;
    return value();
}

std::vector<std::string> asyncio_attribute_names(const value& object) {
    if (auto names = asyncio_sync_attribute_names(object); !names.empty()) return names;
    if (object.as<task_object>()) {
        return {"add_done_callback", "cancel", "cancelled", "cancelling", "done", "exception", "get_coro", "get_name",
                "remove_done_callback", "result", "set_name", "uncancel"};
    }
    if (object.as<future_object>()) {
        return {"add_done_callback", "cancel", "cancelled", "done", "exception", "remove_done_callback", "result",
                "set_exception", "set_result"};
    }
    if (object.as<queue_object>()) return {"empty", "full", "get", "get_nowait", "join", "maxsize", "put", "put_nowait", "qsize", "task_done"};
    if (object.as<event_object>()) return {"clear", "is_set", "set", "wait"};
    if (object.as<lock_object>()) return {"acquire", "locked", "release"};
    if (object.as<semaphore_object>()) return {"acquire", "locked", "release"};
    if (object.as<task_group_object>()) return {"create_task"};
    if (object.as<loop_object>()) return {"call_at", "call_later", "call_soon", "create_future", "create_task", "time"};
    return {};
}

}  // namespace loopstep::python

// asyncio.wait (with FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED) and asyncio.all_tasks.
#include "asyncio_parts.hpp"
#include "loopstep/wait.hpp"
#include "sets.hpp"

namespace loopstep::python {

namespace {

using arguments_t = call_arguments;

value python_set(interpreter& in, std::vector<value> items) { return new_set(in, in.make_list(std::move(items))); }

// The checks CPython 3.11's wait() makes when it starts (it is a coroutine: at the await, not
// the call), in its order, then the wait. Coroutines are refused: 3.11 wants tasks.
coro<value> wait_for_some(interpreter& in, value awaitables, std::optional<double> timeout, value when_name) {
    if (awaitables.as<task_object>() || awaitables.as<future_object>() || awaitables.as<coroutine_object>() ||
        awaitables.as<native_coroutine_object>()) {
        co_return in.raise_type_error("expect a list of futures, not " + in.type_name(awaitables));
    }
    std::vector<value> given;
    value error = in.to_list(awaitables, given);
    if (error.is_raised()) co_return error;
    if (given.empty()) co_return in.raise_value_error("Set of Tasks/Futures is empty.");
    return_when when = return_when::all_completed;
    const std::string name = when_name.as<str_object>() ? in.str(when_name) : std::string();
    if (name == "FIRST_COMPLETED") when = return_when::first_completed;
    else if (name == "FIRST_EXCEPTION") when = return_when::first_exception;
    else if (name != "ALL_COMPLETED") co_return in.raise_value_error("Invalid return_when value: " + in.str(when_name));
    for (const value& awaitable : given) {
        if (awaitable.as<coroutine_object>() || awaitable.as<native_coroutine_object>()) {
            co_return in.raise_type_error("Passing coroutines is forbidden, use tasks explicitly.");
        }
    }
    // set(fs): the same task given twice is waited on once.
    std::vector<value> objects;
    std::vector<std::shared_ptr<future_base>> futures;
    for (const value& awaitable : given) {
        future_ptr<value> f;
        error = as_future(in, awaitable, f);
        if (error.is_raised()) co_return error;
        if (std::find(futures.begin(), futures.end(), f) != futures.end()) continue;
        futures.push_back(f);
        objects.push_back(awaitable);
    }
    wait_outcome outcome;
    try {
        outcome = co_await loopstep::wait(futures, timeout, when);
    } catch (...) {
        co_return in.from_cpp_exception(std::current_exception());
    }
    std::vector<value> done, pending;
    for (std::size_t i = 0; i < futures.size(); ++i) (futures[i]->done() ? done : pending).push_back(objects[i]);
    value done_set = python_set(in, std::move(done));
    if (done_set.is_raised()) co_return done_set;
    value pending_set = python_set(in, std::move(pending));
    if (pending_set.is_raised()) co_return pending_set;
    co_return in.make_tuple({done_set, pending_set});
}

value asyncio_wait(interpreter& in, arguments_t& args) {
    value timeout = args.take("timeout", value());
    value when_name = args.take("return_when", value::unbound());
    CHECK(count_check(in, args, "wait", 1, 1));
    if (when_name.is_unbound()) when_name = in.make_str("ALL_COMPLETED");
    std::optional<double> seconds;
    if (!timeout.is_none()) {
        double d = 0;
        if (!number(timeout, d)) return in.raise_type_error("unsupported operand type(s) for +: 'float' and '" + in.type_name(timeout) + "'");
        seconds = d;
    }
    interpreter* owner = &in;
    value awaitables = args.positional[0];
    return native("wait", [owner, awaitables, seconds, when_name] { return wait_for_some(*owner, awaitables, seconds, when_name); });
}

value asyncio_all_tasks(interpreter& in, arguments_t& args) {
    value loop = args.take("loop", value());
    if (loop.is_none() && args.positional.size() == 1) loop = args.positional[0];
    if (!loop.is_none()) args.positional.clear();  // a loop object: the program's loops share the one core loop
    CHECK(count_check(in, args, "all_tasks", 0, 0));
    if (loop.is_none() && !in.loop().is_running()) return in.raise(in.types().runtime_error, "no running event loop");
    std::vector<value> pending;
    for (task_base* live : in.loop().live_tasks()) {
        if (live->as_future().done()) continue;
        auto owner = task_behind<value>(live->as_future());
        if (owner) pending.push_back(in.task_value(owner));
    }
    return python_set(in, std::move(pending));
}

}  // namespace

void add_asyncio_wait(interpreter& in, module_object& module) {
    auto& a = module.attributes;
    a["wait"] = function("wait", asyncio_wait);
    a["all_tasks"] = function("all_tasks", asyncio_all_tasks);
    for (const char* name : {"FIRST_COMPLETED", "FIRST_EXCEPTION", "ALL_COMPLETED"}) a[name] = in.make_str(name);
}

}  // namespace loopstep::python

// What the files of the asyncio module share (module_asyncio*.cpp, worker_threads.cpp):
// argument checks, builtin functions and methods, awaitables made from core coroutines, and
// the entry points each file adds to the module and to attribute lookup.
#pragma once

#include <functional>
#include <string>
#include <unordered_map>

#include "interpreter.hpp"

namespace loopstep::python {

// TypeError unless `args` has from `low` to `high` positional arguments and no keywords.
value count_check(interpreter& in, call_arguments& args, const std::string& function, std::size_t low, std::size_t high);

inline value function(const std::string& name, native_function f) {
    return value::of(make_object<builtin_function_object>(name, std::move(f)));
}
inline value method(const std::string& name, native_function f, const value& self) {
    return value::of(make_object<builtin_function_object>(name, std::move(f), self));
}
// An awaitable whose await runs the core coroutine `start` makes.
// A new Lock, Event, Queue, ... numbered for the made-up address of its repr.
template <class Primitive, class... Args>
value new_primitive(interpreter& in, Args&&... args) {
    auto made = make_object<Primitive>(std::forward<Args>(args)...);
    made->number = in.next_object_number();
    in.note_sync_object_made(made);
    return value::of(std::move(made));
}
inline value native(const std::string& name, std::function<coro<value>()> start) {
    return value::of(make_object<native_coroutine_object>(name, std::move(start)));
}
inline bool number(const value& v, double& out) {
    if (!v.is_number()) return false;
    out = v.to_double();
    return true;
}
// Runs a synchronous core call, turning its C++ exception into a Python one.
template <class F>
value guarded(interpreter& in, F&& f) {
    try {
        return f();
    } catch (...) {
        return in.from_cpp_exception(std::current_exception());
    }
}
// A future (or task) to wait on for any awaitable; coroutines become tasks, as ensure_future does.
value as_future(interpreter& in, const value& awaitable, future_ptr<value>& out);

// asyncio.run's halves, shared with Runner and loop.run_until_complete: run the loop until
// `task` is done (stopping with a clear error if it never can), and the shutdown after it.
value run_until_complete(interpreter& in, task<value>& task);
value run_loop(interpreter& in, const std::function<void()>& run);  // run_forever, or run until a task is done
void shut_down_loop(interpreter& in);

struct worker_call;  // a function running on a worker thread (worker_threads.cpp)

// What the asyncio module keeps between calls (interpreter::asyncio).
struct asyncio_state {
    value loop;                 // the loop object the program sees, while it is not closed
    thread_pool threads;        // the default executor's threads
    worker_call* running = nullptr;  // the worker thread running now, if any (its time.sleep does not block the loop)
    // add_done_callback registrations not run yet, per future: for remove_done_callback.
    std::unordered_map<future_id, std::vector<std::pair<value, std::uint64_t>>> done_callbacks;
};
void forget_done_callback(interpreter& in, future_id future, std::uint64_t token);  // it ran
asyncio_state& asyncio_state_of(interpreter& in);
// The program's loop object (one for all of new_event_loop, get_event_loop, get_running_loop
// until it is closed).
value current_loop_object(interpreter& in);
void close_loop_object(interpreter& in);  // loop.close(), and the end of asyncio.run

// Each part of the module adds its names; attribute lookup on its objects (found: handled).
void add_asyncio_sync(interpreter& in, module_object& module);     // module_asyncio_sync.cpp
value asyncio_sync_attribute(const value& object, const std::string& name, bool& found);
std::vector<std::string> asyncio_sync_attribute_names(const value& object);
void add_asyncio_wait(interpreter& in, module_object& module);     // module_asyncio_wait.cpp
void add_asyncio_loop(interpreter& in, module_object& module);     // module_asyncio_loop.cpp
value asyncio_loop_attribute(const value& object, const std::string& name, bool& found);
void add_asyncio_threads(interpreter& in, module_object& module);  // worker_threads.cpp
// loop.run_in_executor(executor, f, *args) (worker_threads.cpp).
value run_in_executor(interpreter& in, call_arguments& args);

}  // namespace loopstep::python

#define CHECK(expression)                                \
    do {                                                 \
        value check_error = (expression);                \
        if (check_error.is_raised()) return check_error; \
    } while (false)

// The time module on the virtual clock: time.sleep blocks the loop and advances the clock.
#include <cmath>

#include "interpreter.hpp"
#include "worker_threads.hpp"

namespace loopstep::python {

void add_time_calendar(interpreter& in, module_object& module);

value make_time_module(interpreter& in) {
    auto module = make_object<module_object>("time");
    auto clock = [](interpreter& in, call_arguments& args) -> value {
        if (!args.positional.empty() || !args.keywords.empty()) return in.raise_type_error("time() takes no arguments");
        return value::floating(in.loop().time());
    };
    for (const char* name : {"time", "monotonic", "perf_counter"}) {
        module->attributes[name] = value::of(make_object<builtin_function_object>(name, clock));
    }
    module->attributes["sleep"] = value::of(make_object<builtin_function_object>("sleep", [](interpreter& in, call_arguments& args) -> value {
        if (args.positional.size() != 1 || !args.keywords.empty()) {
            return in.raise_type_error("time.sleep() takes exactly one argument (" + std::to_string(args.positional.size()) + " given)");
        }
        const value& seconds = args.positional[0];
        if (!seconds.is_number()) return in.raise_type_error("'" + in.type_name(seconds) + "' object cannot be interpreted as an integer");
        // CPython converts to whole nanoseconds in a 64-bit integer first, then checks the sign.
        const double length = seconds.to_double();
        if (length != length) return in.raise_value_error("Invalid value NaN (not a number)");
        if (std::fabs(length) * 1e9 >= 0x1p63) return in.raise(in.types().overflow_error, "timestamp out of range for platform time_t");
        if (length < 0) return in.raise_value_error("sleep length must be non-negative");
        if (sleep_in_worker_thread(in, length, in.repr(seconds))) return value();  // to_thread: the loop runs on
        in.loop().block_for(length, in.call_line());
        return value();
    }));
    add_time_calendar(in, *module);  // module_time_calendar.cpp
    return value::of(module);
}

}  // namespace loopstep::python

// The lesson's small standard library beyond asyncio and time: random, collections,
// itertools, functools, math, sys, datetime, string (one module_*.cpp each), and the
// helpers they share to define functions and check arguments.
#pragma once

#include <string>
#include <string_view>

#include "interpreter.hpp"
#include "method_arguments.hpp"

namespace loopstep::python {

using library_module_factory = value (*)(interpreter&);
// The factory of a library module by name, or null.
library_module_factory library_module(std::string_view name);

value make_random_module(interpreter& in);
value make_collections_module(interpreter& in);
value make_itertools_module(interpreter& in);
value make_functools_module(interpreter& in);
value make_math_module(interpreter& in);
value make_sys_module(interpreter& in);
value make_datetime_module(interpreter& in);
value make_string_module(interpreter& in);

// print(..., file=sys.stderr) writes to the error stream.
bool is_stderr(const value& file);

#define LIBRARY_RETURN_IF_RAISED(expression)               \
    do {                                                   \
        value raised_value = (expression);                 \
        if (raised_value.is_raised()) return raised_value; \
    } while (false)

inline void define_function(module_object& module, const std::string& name, native_function function) {
    module.attributes[name] = value::of(make_object<builtin_function_object>(name, std::move(function)));
}
// A library type (its instances are native_objects) named module.name.
inline type_ptr make_library_type(interpreter& in, const std::string& name, const std::string& module, native_function construct) {
    auto type = std::make_shared<type_object>(name, in.types().object, module);
    type->construct = std::move(construct);
    return type;
}
// An int argument (bool or int): else "'str' object cannot be interpreted as an integer".
inline value int_argument(interpreter& in, const value& v, std::int64_t& out) { return index_argument(in, v, out); }
// A real-number argument as a double: else "must be real number, not str".
value real_argument(interpreter& in, const value& v, double& out);
// A bound method of a native object: `function` gets the object as positional[0].
value bound_method(const std::string& name, const value& self, native_function function);

}  // namespace loopstep::python

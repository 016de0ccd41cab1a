// native_object's defaults, and the registry of library modules (library_modules.hpp).
#include "library_modules.hpp"

#include "big_int_value.hpp"

namespace loopstep::python {

value native_object::attribute(interpreter&, const value&, const std::string&, bool& found) {
    found = false;
    return value();
}

std::string native_object::repr(interpreter&) { return "<" + type->qualified_name() + " object>"; }

library_module_factory library_module(std::string_view name) {
    if (name == "random") return make_random_module;
    if (name == "collections") return make_collections_module;
    if (name == "itertools") return make_itertools_module;
    if (name == "functools") return make_functools_module;
    if (name == "math") return make_math_module;
    if (name == "sys") return make_sys_module;
    if (name == "datetime") return make_datetime_module;
    if (name == "string") return make_string_module;
    return nullptr;
}

value real_argument(interpreter& in, const value& v, double& out) {
    if (v.is_number()) {
        out = v.to_double();
        return value();
    }
    if (auto* b = v.as<big_int_object>()) {
        value f = big_to_float(in, b->number);
        if (f.is_raised()) return f;
        out = f.as_float();
        return value();
    }
    return in.raise_type_error("must be real number, not " + in.type_name(v));
}

value bound_method(const std::string& name, const value& self, native_function function) {
    return value::of(make_object<builtin_function_object>(name, std::move(function), self));
}

}  // namespace loopstep::python

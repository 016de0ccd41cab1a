// The TypeError texts of CPython 3.11's calling conventions (pairs with method_arguments.hpp).
#include "method_arguments.hpp"

namespace loopstep::python {

namespace {
std::string plural(std::size_t n, const char* word) { return std::to_string(n) + " " + word + (n == 1 ? "" : "s"); }

// _PyArg_CheckPositional
std::string clinic_message(const char* method, std::size_t low, std::size_t high, std::size_t given) {
    const bool too_few = given < low;
    const std::size_t bound = too_few ? low : high;
    const char* qualifier = low == high ? "" : too_few ? "at least " : "at most ";
    return std::string(method) + " expected " + qualifier + plural(bound, "argument") + ", got " + std::to_string(given);
}

// vgetargs1 (PyArg_ParseTuple) and the keyword-capable clinic parser say it the same way.
std::string parse_tuple_message(const char* method, std::size_t low, std::size_t high, std::size_t given) {
    const bool too_few = given < low;
    const std::size_t bound = too_few ? low : high;
    const char* qualifier = low == high ? "exactly " : too_few ? "at least " : "at most ";
    return std::string(method) + "() takes " + qualifier + plural(bound, "argument") + " (" + std::to_string(given) + " given)";
}
}  // namespace

value check_method_arguments(interpreter& in, const call_arguments& args, const char* type_name, const char* method,
                             method_convention convention, std::size_t low, std::size_t high) {
    const std::string qualified = std::string(type_name) + "." + method;
    if (!args.keywords.empty()) return in.raise_type_error(qualified + "() takes no keyword arguments");
    const std::size_t given = args.positional.size() - 1;
    switch (convention) {
        case method_convention::no_arguments:
            if (given == 0) return value();
            return in.raise_type_error(qualified + "() takes no arguments (" + std::to_string(given) + " given)");
        case method_convention::one_argument:
            if (given == 1) return value();
            return in.raise_type_error(qualified + "() takes exactly one argument (" + std::to_string(given) + " given)");
        case method_convention::var_arguments: return value();
        case method_convention::clinic:
            if (given >= low && given <= high) return value();
            return in.raise_type_error(clinic_message(method, low, high, given));
        case method_convention::parse_tuple:
            if (given >= low && given <= high) return value();
            return in.raise_type_error(parse_tuple_message(method, low, high, given));
    }
    return value();
}

}  // namespace loopstep::python

// Argument-count checks for methods of builtin types, with the TypeError text of each of
// CPython 3.11's calling conventions (the text differs by how the C function is declared).
// `args.positional[0]` is the bound object; counts exclude it.
#pragma once

#include <string>

#include "interpreter.hpp"

namespace loopstep::python {

enum class method_convention : std::uint8_t {
    no_arguments,   // METH_NOARGS:  "str.upper() takes no arguments (1 given)"
    one_argument,   // METH_O:       "list.append() takes exactly one argument (0 given)"
    var_arguments,  // METH_VARARGS taking any number: only keywords are refused
    clinic,         // Argument Clinic, positional only: "insert expected 2 arguments, got 1"
    parse_tuple,    // PyArg_ParseTuple style: "count() takes at least 1 argument (0 given)"
};

// Checks the arguments of `type_name`.`method` (e.g. "str", "count"); none or a raised TypeError.
// Keywords are refused ("str.count() takes no keyword arguments"): take the accepted ones first.
value check_method_arguments(interpreter& in, const call_arguments& args, const char* type_name, const char* method,
                             method_convention convention, std::size_t low = 0, std::size_t high = 0);

}  // namespace loopstep::python

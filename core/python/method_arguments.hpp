// Argument-count checks for methods of builtin types, with the TypeError text of each of
// CPython 3.11's calling conventions (the text differs by how the C function is declared).
// `args.positional[0]` is the bound object; counts exclude it.
#pragma once

#include <string>
#include <vector>

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
// The same for a builtin function (len, chr): its messages name it without a type.
value check_function_arguments(interpreter& in, const call_arguments& args, const char* function, method_convention convention,
                               std::size_t low = 0, std::size_t high = 0);

// An argument used as an index (__index__): an int or bool, else "'str' object cannot be
// interpreted as an integer".
value index_argument(interpreter& in, const value& v, std::int64_t& out);

// A parameter of a function parsed by Argument Clinic's keyword parser (round(number, ndigits)).
struct parameter_spec {
    enum class kind : std::uint8_t { positional_only, positional_or_keyword, keyword_only };
    const char* name;
    kind how = kind::positional_or_keyword;
    bool required = false;  // required parameters come first among their kind
};

// _PyArg_UnpackKeywords: fills `slots` (one per parameter, unbound where not given) from the
// positional arguments after the first `bound` ones and the keywords, with its error messages
// ("round() missing required argument 'number' (pos 1)", "'x' is an invalid keyword argument
// for int()").
value bind_parameters(interpreter& in, const call_arguments& args, std::size_t bound, const char* function,
                      const std::vector<parameter_spec>& parameters, std::vector<value>& slots);

}  // namespace loopstep::python

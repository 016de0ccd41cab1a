// Set algebra as CPython 3.11's setobject.c performs it: which operand is copied, which one is
// iterated and when tables are resized all decide the order a set prints in, so each operation
// follows CPython's steps, not just its result.
#pragma once

#include <map>
#include <string>

#include "interpreter.hpp"

namespace loopstep::python {

// set(iterable): a new set filled as set_update_internal fills it. Raised on error.
value new_set(interpreter& in, const value& iterable);
// A set display of constants, which CPython compiles to a frozenset constant (rebuilt once
// more in its own iteration order when the compiler merges constants) copied into a new set.
value new_set_from_constants(interpreter& in, const std::vector<value>& items);
// set_update_internal: adds every item of `iterable` (a set is merged, a dict's keys are
// added after one resize). None or raised.
value set_update(interpreter& in, set_object& set, const value& iterable);

// |, &, -, ^ and their in-place forms when both operands are sets; unbound otherwise.
value set_binary(interpreter& in, binary_op op, const value& left, const value& right, bool in_place);
// <, <=, >, >= when both operands are sets (subset and superset tests); unbound otherwise.
value set_compare(interpreter& in, compare_op op, const value& left, const value& right);

using set_method = value (*)(interpreter&, call_arguments&);
const std::map<std::string, set_method>& set_method_table();

}  // namespace loopstep::python

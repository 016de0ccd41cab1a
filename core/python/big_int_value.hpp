// Python ints as values: the immediate int64 while it fits, a big_int_object beyond, and
// the arithmetic that moves between the two (operators.cpp calls in on overflow).
#pragma once

#include "objects.hpp"

namespace loopstep::python {

class interpreter;

// The int `n` as a value: immediate when it fits 64 bits.
value int_value(big_int n);
// True for bool, int and big ints.
bool is_integer(const value& v);
// Any integer value as a big_int (is_integer(v) must hold).
big_int to_big_int(const value& v);
// -1, 0, 1 comparing two numbers of which one may be a big int; 2 when either is no
// number; 3 when unordered (NaN).
int compare_numbers(const value& a, const value& b);
// Integer arithmetic of any size, for operands that are integers and either is big or the
// 64-bit result overflowed; float operands mixed with a big int too. Unbound when it does not apply.
value big_binary(interpreter& in, binary_op op, const value& left, const value& right);
// int -> float for a big int, raising OverflowError("int too large to convert to float").
value big_to_float(interpreter& in, const big_int& n);
// str(n) with CPython 3.11's 4300-digit limit (ValueError beyond it).
value big_to_str(interpreter& in, const big_int& n);
std::string int_text(const value& v);  // decimal text of any integer value, no limit
// int(text, base) beyond 64 bits, with the same limit.
value big_from_text(interpreter& in, std::string_view digits, bool negative, int base);

// pow(base, exp, mod) when one of them is a big int.
value big_modular_power(interpreter& in, const value& base, const value& exponent, const value& modulus);
// format(n, spec) for a big int: "", "d" and the thousands separators "," and "_".
value big_format(interpreter& in, const big_int& n, const std::string& spec);

}  // namespace loopstep::python

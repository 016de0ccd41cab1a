// Python's text formatting of numbers and strings (repr, format specs, round, float()/int() parsing); format.cpp implements it.
// Pure functions over plain C++ values, so the interpreter's builtins, f-strings and str.format
// share one implementation of CPython 3.11's rules (Objects/floatobject.c, Python/pystrtod.c,
// Python/formatter_unicode.c, Objects/longobject.c).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace loopstep::python {

// What a bad format spec, an out-of-range 'c' or an unrepresentable round() raises in Python.
// Thrown only by the functions documented to throw it; callers turn it into a Python
// exception of class python_type ("ValueError", "OverflowError" or "MemoryError").
struct format_error {
    std::string python_type;
    std::string message;
};

// repr(x) / str(x) of a float: shortest round-trip digits, '1e+16', '1e-05', '1.0', 'inf', 'nan', '-0.0'.
std::string float_repr(double x);

// repr(n) / str(n) of an int.
std::string int_repr(std::int64_t n);

// repr(s) of a str given as UTF-8: CPython's quote choice and escapes. Non-printable code points
// (per Unicode 14.0, as Python 3.11's str.isprintable) become \xNN, \uNNNN or \UNNNNNNNN.
// Bytes that are not valid UTF-8 (which a Python str cannot hold) come out as \xNN.
std::string str_repr(std::string_view utf8);

// format(n, spec) for an int, including the float presentation types (e f g % E F G), which
// convert n to a float as Python does. An empty spec gives str(n). type_name goes into error
// messages ("Unknown format code 'q' for object of type 'bool'"); a bool with a non-empty spec
// formats as its int value, so callers pass 0/1 and "bool" (format(True, '') is the caller's 'True').
// Throws format_error (ValueError, or OverflowError for 'c' outside range(0x110000)).
std::string format_int(std::int64_t n, std::string_view spec, std::string_view type_name = "int");

// format(x, spec) for a float. An empty spec gives repr(x). Throws format_error.
// One deviation from CPython, in all three format_ functions: a width or float precision above
// 100,000,000 raises MemoryError up front (CPython would try to build the string; a wasm heap
// should not), even for 'g', whose trailing zeros CPython would drop.
std::string format_float(double x, std::string_view spec);

// format(s, spec) for a str (widths and precisions count code points). Throws format_error.
std::string format_str(std::string_view utf8, std::string_view spec);

// round(x, ndigits) for a float: correctly rounded from x's exact binary value, ties to even
// (round(2.675, 2) == 2.67). Throws format_error OverflowError "rounded value too large to
// represent" when a negative ndigits rounds past the largest double (round(1.7e308, -308)).
double python_round(double x, int ndigits);

// The float round(x) (ndigits omitted) rounds to before Python makes it an int: nearest, ties
// to even (round(0.5) == 0, round(1.5) == 2). Infinities and NaN come back unchanged; turning
// the result into an int (and raising for inf/nan/overflow) is the caller's job.
double python_round_half_even(double x);

// float(text) for a str: surrounding whitespace, '_' between digits, 'inf'/'infinity'/'nan' in
// any case with a sign; as in Python, any script's decimal digits count as digits. Returns false
// where Python raises "could not convert string to float".
// Overflow gives ±inf and underflow ±0 or a subnormal, as in Python.
bool parse_python_float(std::string_view text, double& out);

// int(text, base) for a str, base 0 or 2..36: whitespace, sign, '_' between digits, 0x/0o/0b
// prefixes (required for base 0's non-decimal bases, allowed for a matching base). Returns false
// where Python raises "invalid literal for int() with base N". Throws format_error ValueError
// "int() base must be >= 2 and <= 36, or 0" for a bad base, and OverflowError for a valid
// literal outside the 64-bit range loopstep's ints have (Python itself would give a big int).
bool parse_python_int(std::string_view text, int base, std::int64_t& out);

}  // namespace loopstep::python

// Python's bytes: an immutable sequence of ints 0..255 (bytes_object.cpp: the value, its repr,
// constructor and operators; bytes_methods.cpp: its methods; codecs.hpp: str <-> bytes).
// bytearray stays outside the lesson.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "objects.hpp"

namespace loopstep::python {

struct bytes_object : object {
    static constexpr object_kind static_kind = object_kind::bytes;
    explicit bytes_object(std::string data) : object(static_kind), value(std::move(data)) {}
    std::string value;  // the bytes themselves, any of 0..255
};

inline value make_bytes(std::string data) { return value::of(make_object<bytes_object>(std::move(data))); }

// CPython's bytes repr: b'...' (b"..." when only ' occurs), \t \n \r \\, \xhh for the rest
// outside printable ASCII.
std::string bytes_repr(std::string_view data);

// The hooks where the runtime dispatches on types; each returns unbound when it does not apply.
// left + right, left * n, n * right with a bytes operand (and its TypeErrors).
value bytes_binary(interpreter& in, binary_op op, const value& left, const value& right);
// `needle in haystack`: an int 0..255 or a bytes subsequence.
value bytes_contains(interpreter& in, const bytes_object& haystack, const value& needle);
// Iteration yields ints.
value bytes_iterator(const std::shared_ptr<bytes_object>& bytes);

// A bytes-like argument (only bytes in the lesson): its bytes, or null.
inline const std::string* bytes_argument(const value& v) {
    auto* b = v.as<bytes_object>();
    return b ? &b->value : nullptr;
}

// Whether `raised` is make_iterator's "'T' object is not iterable" (which bytes() and join
// word their own way).
bool is_not_iterable_error(interpreter& in, const value& raised);

// The builtin `bytes`: its constructor and class methods (bytes.fromhex); and `bytearray`,
// a type whose construction is outside the lesson.
void install_bytes_type(interpreter& in, globals_table& globals);

using bytes_method = value (*)(interpreter&, call_arguments&);
const std::map<std::string, bytes_method>& bytes_method_table();
// CPython's bytes methods the lesson leaves out (they stop with "not supported in this lesson").
bool is_unsupported_bytes_method(std::string_view name);

}  // namespace loopstep::python

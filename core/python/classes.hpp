// Classes the program defines (classes.cpp): the class statement (__build_class__), instances,
// attribute lookup through the chain of bases, bound methods, super(), staticmethod,
// classmethod, property; and the special methods the runtime calls (special_methods.cpp).
#pragma once

#include <string>
#include <vector>

#include "interpreter.hpp"

namespace loopstep::python {

// __build_class__, object, super, staticmethod, classmethod, property, issubclass, hasattr,
// getattr, setattr, vars.
void install_class_builtins(interpreter& in, globals_table& globals);

// The type of a staticmethod, classmethod, property, native method or dataclass field.
type_ptr class_member_type(const interpreter& in, const class_member_object& member);

// Gives `cls` the user_equal hook containers use when it (or a base) defines __eq__.
void set_user_equality(interpreter& in, type_object& cls);

// `name` as a class statement of `type` or of one of its bases defined it (builtin types
// define nothing here), or null.
const value* class_lookup(const type_object& type, const std::string& name);

// The class the program defined that `v` is an instance of (an instance_object, or an
// exception of a user exception class), or null.
type_ptr user_class_of(const value& v);

// `member` (found on a class) as `object.name` gives it: a function bound to the instance,
// a classmethod bound to the class, a property's value, ...
value bind_member(interpreter& in, const value& member, const value& self, const type_ptr& type);

// Attribute lookup on instances, classes, exceptions, super() and bound methods. `found`
// is false when none of them applies (the builtin lookup goes on).
value class_get_attribute(interpreter& in, const value& object, const std::string& name, bool& found);
// The names dir() would list for them, for "Did you mean" suggestions.
void class_attribute_names(const value& object, std::vector<std::string>& names);

// Calls the special method `name` (__len__, __eq__, ...) that `self`'s class defines, with
// `args` after self. `found` is false if its class defines none (None counts as defined:
// __hash__ = None).
value call_special(interpreter& in, const value& self, const char* name, std::vector<value> args, bool& found);

// ---- special methods the runtime calls (special_methods.cpp) ----------------------------
// Each returns unbound when `v` (or both operands) has no such method, so the caller goes on.

// The default repr of an instance (<__main__.Point object at 0x7f0000001000>): the address is
// made up from the instance's creation number, the same on every run.
std::string default_instance_repr(const value& v);
// repr()/str() through __repr__/__str__ (unbound if the class defines neither); an error
// goes to interpreter::fail_repr.
value special_repr(interpreter& in, const value& v, bool as_str);
std::string class_object_repr(interpreter& in, const value& v);  // instances, methods, super, members
value special_truth(interpreter& in, const value& v);              // __bool__, then __len__
value special_len(interpreter& in, const value& v);
value special_iterator(interpreter& in, const value& v);           // __iter__ (and __next__)
value special_compare(interpreter& in, compare_op op, const value& left, const value& right);
value special_binary(interpreter& in, binary_op op, const value& left, const value& right);
value special_hash(interpreter& in, const value& v, std::int64_t& hash);
value special_get_item(interpreter& in, const value& container, const value& index);
value special_set_item(interpreter& in, const value& container, const value& index, const value& item);
value special_call(interpreter& in, const value& callee, call_arguments& arguments);

// The `with` statement: [manager] -> its bound __exit__ (into `exit`) and __enter__()'s result.
value with_enter(interpreter& in, const value& manager, value& exit);
// Calls __exit__ with `exception` (None: leaving without one).
value with_exit(interpreter& in, const value& exit, const value& exception);
// `async with` on an object of the program: __aenter__() / __aexit__(...) (their coroutines),
// or unbound if its class defines neither.
value async_with_enter(interpreter& in, const value& manager);
value async_with_exit(interpreter& in, const value& manager, const value& exception);

// `async for` over an object of the program: its __aiter__() (a raised TypeError if its class
// has none), and an iterator's __anext__() (the awaitable of the next item); unbound if `v` is
// not an instance of a class of the program (or, for __anext__, its class has none).
value special_aiter(interpreter& in, const value& v);
value special_anext(interpreter& in, const value& iterator);

}  // namespace loopstep::python

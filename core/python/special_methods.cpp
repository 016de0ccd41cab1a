// The special methods (__repr__, __eq__, __len__, __iter__, __enter__, ...) of the program's
// classes, where the runtime calls them (pairs with classes.hpp). Each returns unbound when
// the class defines no such method, and the caller goes on with the builtin behaviour.
#include <cstdio>

#include "classes.hpp"

namespace loopstep::python {

namespace {

value call_bound(interpreter& in, const value& callee, std::vector<value> args) {
    call_arguments arguments{std::move(args), {}};
    return in.call(callee, arguments);
}

// The special method `name` of `v`'s class bound to `v`, or unbound.
value bound_special(interpreter& in, const value& v, const char* name) {
    type_ptr cls = user_class_of(v);
    const value* member = cls ? class_lookup(*cls, name) : nullptr;
    if (!member) return value::unbound();
    return bind_member(in, *member, v, cls);
}

bool is_not_implemented(interpreter& in, const value& v) {
    const value* singleton = in.builtins()->find("NotImplemented");
    return singleton && v.is_object() && singleton->is_object() && v.as_object() == singleton->as_object();
}

// Calls `name` on `self` with `other`; unbound if undefined or it returned NotImplemented.
value try_special(interpreter& in, const value& self, const char* name, const value& other) {
    bool found = false;
    value result = call_special(in, self, name, {other}, found);
    if (!found || (!result.is_raised() && is_not_implemented(in, result))) return value::unbound();
    return result;
}

std::string qualified_class_name(const type_object& type) {
    if (type.dict) {
        if (const value* qualname = type.dict->find("__qualname__"); qualname && qualname->as<str_object>()) {
            return type.module + "." + qualname->as<str_object>()->value;
        }
    }
    return type.module == "builtins" ? type.name : type.module + "." + type.name;
}

}  // namespace

std::string default_instance_repr(const value& v) {
    auto* instance = v.as<instance_object>();
    if (instance->type->name == "NotImplementedType" && instance->type->module == "builtins") return "NotImplemented";
    char address[32];
    std::snprintf(address, sizeof address, "0x%llx", static_cast<unsigned long long>(0x7f0000000000ull + instance->number * 0x10));
    return "<" + qualified_class_name(*instance->type) + " object at " + address + ">";
}

value special_repr(interpreter& in, const value& v, bool as_str) {
    if (in.plain_reprs() || !user_class_of(v)) return value::unbound();
    const char* name = as_str ? "__str__" : "__repr__";
    value method = bound_special(in, v, name);
    if (method.is_unbound() && as_str && v.as<instance_object>()) {
        name = "__repr__";  // object.__str__ is repr()
        method = bound_special(in, v, name);
    }
    if (method.is_unbound()) return value::unbound();
    value text = call_bound(in, method, {});
    if (!text.is_raised() && !text.as<str_object>()) {
        text = in.raise_type_error(std::string(name) + " returned non-string (type " + in.type_name(text) + ")");
    }
    if (text.is_raised()) {
        in.fail_repr(std::move(text));
        return in.make_str("");
    }
    return text;
}

std::string class_object_repr(interpreter& in, const value& v) {
    if (v.as<instance_object>()) {
        value text = special_repr(in, v, false);
        return text.is_unbound() ? default_instance_repr(v) : text.as<str_object>()->value;
    }
    if (auto* method = v.as<method_object>()) {
        std::string name = "?";
        if (auto* function = method->function.as<function_object>()) name = function->qualified_name;
        return "<bound method " + name + " of " + in.repr(method->self) + ">";
    }
    if (auto* proxy = v.as<super_object>()) return "<super: <class '" + proxy->after->name + "'>, <" + in.type_name(proxy->self) + " object>>";
    if (auto* member = v.as<class_member_object>()) {
        const std::string type = class_member_type(in, *member)->name;
        if (member->what == class_member_object::role::native_method) return in.repr(member->function);
        return "<" + type + " object>";
    }
    return "<object>";
}

value special_truth(interpreter& in, const value& v) {
    if (!v.as<instance_object>()) return value::unbound();
    bool found = false;
    value result = call_special(in, v, "__bool__", {}, found);
    if (found) {
        if (!result.is_raised() && !result.is_bool()) {
            return in.raise_type_error("__bool__ should return bool, returned " + in.type_name(result));
        }
        return result;
    }
    result = special_len(in, v);
    if (result.is_unbound() || result.is_raised()) return result;
    return value::boolean(result.as_int() != 0);
}

value special_len(interpreter& in, const value& v) {
    bool found = false;
    value result = call_special(in, v, "__len__", {}, found);
    if (!found || result.is_raised()) return found ? result : value::unbound();
    if (!result.is_int_like()) return in.raise_type_error("'" + in.type_name(result) + "' object cannot be interpreted as an integer");
    if (result.as_int() < 0) return in.raise_value_error("__len__() should return >= 0");
    return value::integer(result.as_int());
}

value special_iterator(interpreter& in, const value& v) {
    bool found = false;
    value iterator = call_special(in, v, "__iter__", {}, found);
    if (!found || iterator.is_raised() || iterator.as<iterator_object>()) return found ? iterator : value::unbound();
    value next = bound_special(in, iterator, "__next__");
    if (next.is_unbound()) return in.raise_type_error("iter() returned non-iterator of type '" + in.type_name(iterator) + "'");
    interpreter* owner = &in;
    return value::of(make_object<iterator_object>(
        [owner, next]() -> std::optional<value> {
            value item = call_bound(*owner, next, {});
            if (item.is_raised() && owner->is_instance(value::of(item.as_object()), *owner->types().stop_iteration)) return std::nullopt;
            return item;
        },
        in.type_name(iterator)));
}

value special_compare(interpreter& in, compare_op op, const value& left, const value& right) {
    auto boolean = [&](value result) { return result.is_raised() ? result : value::boolean(in.truthy(result)); };
    switch (op) {
        case compare_op::equal:
        case compare_op::not_equal: {
            const bool equal = op == compare_op::equal;
            value result = try_special(in, left, equal ? "__eq__" : "__ne__", right);
            if (result.is_unbound()) result = try_special(in, right, equal ? "__eq__" : "__ne__", left);
            if (!result.is_unbound() || equal) return result;
            // No __ne__: the opposite of __eq__, as object.__ne__ does.
            result = try_special(in, left, "__eq__", right);
            if (result.is_unbound()) result = try_special(in, right, "__eq__", left);
            if (result.is_unbound() || result.is_raised()) return result;
            return value::boolean(!in.truthy(result));
        }
        case compare_op::in:
        case compare_op::not_in: {
            bool found = false;
            value result = call_special(in, right, "__contains__", {left}, found);
            if (!found) return value::unbound();
            result = boolean(result);
            if (result.is_raised() || op == compare_op::in) return result;
            return value::boolean(!result.as_bool());
        }
        case compare_op::is:
        case compare_op::is_not: return value::unbound();
        default: break;
    }
    static const char* const forward[] = {"__lt__", "__le__", "__gt__", "__ge__"};
    static const char* const reflected[] = {"__gt__", "__ge__", "__lt__", "__le__"};
    const int index = int(op) - int(compare_op::less);
    value result = try_special(in, left, forward[index], right);
    if (result.is_unbound()) result = try_special(in, right, reflected[index], left);
    return result;
}

value special_binary(interpreter& in, binary_op op, const value& left, const value& right) {
    static const char* const names[] = {"add", "sub", "mul", "truediv", "floordiv", "mod", "pow", "lshift", "rshift", "and", "or", "xor"};
    const std::string name = names[int(op)];
    value result = try_special(in, left, ("__" + name + "__").c_str(), right);
    if (result.is_unbound()) result = try_special(in, right, ("__r" + name + "__").c_str(), left);
    return result;
}

value special_hash(interpreter& in, const value& v, std::int64_t& hash) {
    type_ptr cls = user_class_of(v);
    const value* member = cls ? class_lookup(*cls, "__hash__") : nullptr;
    if (!member) return value::unbound();
    if (member->is_none()) return in.raise_type_error("unhashable type: '" + cls->name + "'");
    value result = call_bound(in, bind_member(in, *member, v, cls), {});
    if (result.is_raised()) return result;
    if (!result.is_int_like()) return in.raise_type_error("__hash__ method should return an integer");
    hash = result.as_int() == -1 ? -2 : result.as_int();
    return value();
}

value special_get_item(interpreter& in, const value& container, const value& index) {
    bool found = false;
    value result = call_special(in, container, "__getitem__", {index}, found);
    return found ? result : value::unbound();
}

value special_set_item(interpreter& in, const value& container, const value& index, const value& item) {
    bool found = false;
    value result = call_special(in, container, "__setitem__", {index, item}, found);
    if (!found) return value::unbound();
    return result.is_raised() ? result : value();
}

value special_call(interpreter& in, const value& callee, call_arguments& arguments) {
    if (!callee.as<instance_object>()) return value::unbound();
    value method = bound_special(in, callee, "__call__");
    if (method.is_unbound()) return value::unbound();
    return in.call(method, arguments);
}

namespace {
// A builtin object's own __enter__/__exit__ (a Runner, a contextmanager's manager, suppress),
// or unbound if it has none.
value builtin_special(interpreter& in, const value& manager, const char* name) {
    if (user_class_of(manager)) return value::unbound();
    value method = in.get_attribute(manager, name);
    return method.is_raised() ? value::unbound() : method;
}
}  // namespace

value with_enter(interpreter& in, const value& manager, value& exit) {
    if (value enter = builtin_special(in, manager, "__enter__"); !enter.is_unbound()) {
        exit = builtin_special(in, manager, "__exit__");
        if (exit.is_unbound()) {
            return in.raise_type_error("'" + in.type_name(manager) + "' object does not support the context manager protocol (missed __exit__ method)");
        }
        return call_bound(in, enter, {});
    }
    value enter = bound_special(in, manager, "__enter__");
    if (enter.is_unbound()) return in.raise_type_error("'" + in.type_name(manager) + "' object does not support the context manager protocol");
    exit = bound_special(in, manager, "__exit__");
    if (exit.is_unbound()) {
        return in.raise_type_error("'" + in.type_name(manager) + "' object does not support the context manager protocol (missed __exit__ method)");
    }
    return call_bound(in, enter, {});
}

namespace {
// The three arguments of __exit__/__aexit__: the traceback is a stand-in object (not None,
// so `tb is None` tests as in CPython; its frames are not inspectable here).
std::vector<value> exit_arguments(interpreter& in, const value& exception) {
    if (exception.is_none()) return {value(), value(), value()};
    auto traceback = make_object<instance_object>(in.types().traceback, 0);
    traceback->number = in.register_instance(traceback);
    return {value::of(in.type_of(exception)), exception, value::of(traceback)};
}
}  // namespace

value with_exit(interpreter& in, const value& exit, const value& exception) { return call_bound(in, exit, exit_arguments(in, exception)); }

value async_with_enter(interpreter& in, const value& manager) {
    value enter = bound_special(in, manager, "__aenter__");
    if (enter.is_unbound()) return value::unbound();
    if (bound_special(in, manager, "__aexit__").is_unbound()) {
        return in.raise_type_error("'" + in.type_name(manager) + "' object does not support the asynchronous context manager protocol (missed __aexit__ method)");
    }
    return call_bound(in, enter, {});
}

value async_with_exit(interpreter& in, const value& manager, const value& exception) {
    value exit = bound_special(in, manager, "__aexit__");
    if (exit.is_unbound()) return value::unbound();
    return call_bound(in, exit, exit_arguments(in, exception));
}

value special_aiter(interpreter& in, const value& v) {
    if (!user_class_of(v)) return value::unbound();
    value aiter = bound_special(in, v, "__aiter__");
    if (aiter.is_unbound()) return in.raise_type_error("'async for' requires an object with __aiter__ method, got " + in.type_name(v));
    return call_bound(in, aiter, {});
}

value special_anext(interpreter& in, const value& iterator) {
    value next = bound_special(in, iterator, "__anext__");
    if (next.is_unbound()) return value::unbound();
    return call_bound(in, next, {});
}

}  // namespace loopstep::python

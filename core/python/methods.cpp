// Methods and attributes of builtin types: str, list, dict, set, tuple, exceptions, types,
// and the asyncio objects (Task, Future, Queue, Event, Lock, Semaphore, TaskGroup, loop).
#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>

#include "format.hpp"
#include "classes.hpp"
#include "generators.hpp"
#include "big_int_value.hpp"
#include "bytes_object.hpp"
#include "interpreter.hpp"
#include "method_arguments.hpp"
#include "sets.hpp"
#include "str_methods.hpp"

namespace loopstep::python {

value asyncio_attribute(const value& object, const std::string& name, bool& found);
std::vector<std::string> asyncio_attribute_names(const value& object);

namespace {

using method = value (*)(interpreter&, call_arguments&);
using method_table = std::map<std::string, method>;

#define CHECK_ARGUMENTS(type, name, ...)                                                                          \
    do {                                                                                                          \
        value argument_error = check_method_arguments(in, args, type, name, method_convention::__VA_ARGS__);      \
        if (argument_error.is_raised()) return argument_error;                                                    \
    } while (false)

#define RETURN_IF_RAISED(expression)                       \
    do {                                                   \
        value raised_value = (expression);                 \
        if (raised_value.is_raised()) return raised_value; \
    } while (false)

// ---- list, tuple --------------------------------------------------------------------------

std::vector<value>& self_list(call_arguments& args) { return args.positional[0].as<list_object>()->items; }
const std::vector<value>& self_tuple(call_arguments& args) { return args.positional[0].as<tuple_object>()->items; }

value list_append(interpreter& in, call_arguments& args) {
    CHECK_ARGUMENTS("list", "append", one_argument);
    value error;
    if (!in.fits(self_list(args).size() + 1, error)) return error;
    self_list(args).push_back(args.positional[1]);
    return value();
}

value list_extend(interpreter& in, call_arguments& args) {
    CHECK_ARGUMENTS("list", "extend", one_argument);
    std::vector<value> items;
    value error = in.to_list(args.positional[1], items);
    if (error.is_raised()) return error;
    auto& list = self_list(args);
    if (!in.fits(list.size() + items.size(), error)) return error;
    list.insert(list.end(), items.begin(), items.end());
    return value();
}

value list_pop(interpreter& in, call_arguments& args) {
    CHECK_ARGUMENTS("list", "pop", clinic, 0, 1);
    std::int64_t i = -1;
    if (args.positional.size() > 1) RETURN_IF_RAISED(index_argument(in, args.positional[1], i));
    auto& list = self_list(args);
    if (list.empty()) return in.raise(in.types().index_error, "pop from empty list");
    if (i < 0) i += std::int64_t(list.size());
    if (i < 0 || i >= std::int64_t(list.size())) return in.raise(in.types().index_error, "pop index out of range");
    value item = list[std::size_t(i)];
    list.erase(list.begin() + i);
    return item;
}

value list_insert(interpreter& in, call_arguments& args) {
    CHECK_ARGUMENTS("list", "insert", clinic, 2, 2);
    std::int64_t i = 0;
    RETURN_IF_RAISED(index_argument(in, args.positional[1], i));
    auto& list = self_list(args);
    const auto n = std::int64_t(list.size());
    if (i < 0) i = std::max<std::int64_t>(0, i + n);
    list.insert(list.begin() + std::min(i, n), args.positional[2]);
    return value();
}

// A start/stop bound of index(): an int (negative counts from the end), clamped to the items.
value search_bound(interpreter& in, const value& v, std::int64_t size, std::int64_t& out) {
    if (!v.is_int_like()) return in.raise_type_error("slice indices must be integers or have an __index__ method");
    out = v.as_int();
    if (out < 0) out = std::max<std::int64_t>(0, out + size);
    return value();
}

// list.index / tuple.index: the first equal item in [start, stop).
value sequence_index(interpreter& in, call_arguments& args, const std::vector<value>& items, const char* type) {
    CHECK_ARGUMENTS(type, "index", clinic, 1, 3);
    const auto size = std::int64_t(items.size());
    std::int64_t start = 0, stop = size;
    if (args.positional.size() > 2) RETURN_IF_RAISED(search_bound(in, args.positional[2], size, start));
    if (args.positional.size() > 3) RETURN_IF_RAISED(search_bound(in, args.positional[3], size, stop));
    for (std::int64_t i = start; i < std::min(stop, size); ++i) {
        if (values_equal(items[std::size_t(i)], args.positional[1])) return value::integer(i);
    }
    if (std::string(type) == "list") return in.raise_value_error(in.repr(args.positional[1]) + " is not in list");
    return in.raise_value_error("tuple.index(x): x not in tuple");
}
value list_index(interpreter& in, call_arguments& args) { return sequence_index(in, args, self_list(args), "list"); }
value tuple_index(interpreter& in, call_arguments& args) { return sequence_index(in, args, self_tuple(args), "tuple"); }

value sequence_count(interpreter& in, call_arguments& args, const std::vector<value>& items, const char* type) {
    CHECK_ARGUMENTS(type, "count", one_argument);
    return value::integer(std::count_if(items.begin(), items.end(), [&](const value& v) { return values_equal(v, args.positional[1]); }));
}
value list_count(interpreter& in, call_arguments& args) { return sequence_count(in, args, self_list(args), "list"); }
value tuple_count(interpreter& in, call_arguments& args) { return sequence_count(in, args, self_tuple(args), "tuple"); }

value list_remove(interpreter& in, call_arguments& args) {
    CHECK_ARGUMENTS("list", "remove", one_argument);
    auto& list = self_list(args);
    for (auto it = list.begin(); it != list.end(); ++it) {
        if (values_equal(*it, args.positional[1])) {
            list.erase(it);
            return value();
        }
    }
    return in.raise_value_error("list.remove(x): x not in list");
}

value list_sort(interpreter& in, call_arguments& args) {
    value key, reverse;
    RETURN_IF_RAISED(sort_keywords(in, args, 1, key, reverse));
    return builtin_sort(in, self_list(args), key, reverse.as_bool());
}

value list_reverse(interpreter& in, call_arguments& args) {
    CHECK_ARGUMENTS("list", "reverse", no_arguments);
    std::reverse(self_list(args).begin(), self_list(args).end());
    return value();
}

value list_copy(interpreter& in, call_arguments& args) {
    CHECK_ARGUMENTS("list", "copy", no_arguments);
    return in.make_list(self_list(args));
}

value list_clear(interpreter& in, call_arguments& args) {
    CHECK_ARGUMENTS("list", "clear", no_arguments);
    self_list(args).clear();
    return value();
}

// ---- dict ---------------------------------------------------------------------------------

dict_object& self_dict(call_arguments& args) { return *args.positional[0].as<dict_object>(); }

value dict_view(interpreter& in, call_arguments& args, dict_view_object::part which) {
    CHECK_ARGUMENTS("dict", which == dict_view_object::part::keys ? "keys" : which == dict_view_object::part::values ? "values" : "items",
                    no_arguments);
    auto dict = std::static_pointer_cast<dict_object>(args.positional[0].as_object());
    return value::of(make_object<dict_view_object>(std::move(dict), which));
}
value dict_keys(interpreter& in, call_arguments& args) { return dict_view(in, args, dict_view_object::part::keys); }
value dict_values(interpreter& in, call_arguments& args) { return dict_view(in, args, dict_view_object::part::values); }
value dict_items(interpreter& in, call_arguments& args) { return dict_view(in, args, dict_view_object::part::items); }

value dict_get(interpreter& in, call_arguments& args) {
    CHECK_ARGUMENTS("dict", "get", clinic, 1, 2);
    std::int64_t h = 0;
    RETURN_IF_RAISED(in.hash_key(args.positional[1], h));
    if (value* found = self_dict(args).find(args.positional[1], h)) return *found;
    return args.positional.size() > 2 ? args.positional[2] : value();
}

value dict_setdefault(interpreter& in, call_arguments& args) {
    CHECK_ARGUMENTS("dict", "setdefault", clinic, 1, 2);
    std::int64_t h = 0;
    RETURN_IF_RAISED(in.hash_key(args.positional[1], h));
    if (value* found = self_dict(args).find(args.positional[1], h)) return *found;
    value fallback = args.positional.size() > 2 ? args.positional[2] : value();
    self_dict(args).set(args.positional[1], h, fallback);
    return fallback;
}

value dict_pop(interpreter& in, call_arguments& args) {
    CHECK_ARGUMENTS("dict", "pop", clinic, 1, 2);
    std::int64_t h = 0;
    RETURN_IF_RAISED(in.hash_key(args.positional[1], h));
    if (value* found = self_dict(args).find(args.positional[1], h)) {
        value item = *found;
        self_dict(args).erase(args.positional[1], h);
        return item;
    }
    if (args.positional.size() > 2) return args.positional[2];
    return value::raised(in.make_exception(in.types().key_error, {args.positional[1]}).as_object());
}

// The last item inserted, removed.
value dict_popitem(interpreter& in, call_arguments& args) {
    CHECK_ARGUMENTS("dict", "popitem", no_arguments);
    auto& dict = self_dict(args);
    for (auto it = dict.entries.rbegin(); it != dict.entries.rend(); ++it) {
        if (!it->alive) continue;
        value pair = in.make_tuple({it->key, it->item});
        dict.erase(it->key, it->hash);
        return pair;
    }
    return value::raised(in.make_exception(in.types().key_error, {in.make_str("popitem(): dictionary is empty")}).as_object());
}

value dict_update(interpreter& in, call_arguments& args) {
    if (args.positional.size() > 2) {
        return in.raise_type_error("update expected at most 1 argument, got " + std::to_string(args.positional.size() - 1));
    }
    auto& dict = self_dict(args);
    if (args.positional.size() > 1) RETURN_IF_RAISED(dict_update_from(in, dict, args.positional[1]));
    for (auto& [name, item] : args.keywords) {
        value key = in.make_str(name);
        std::int64_t h = 0;
        hash_of(key, h);
        dict.set(key, h, item);
    }
    return value();
}

value dict_copy(interpreter& in, call_arguments& args) {
    CHECK_ARGUMENTS("dict", "copy", no_arguments);
    auto copy = make_object<dict_object>();
    for (auto& entry : self_dict(args).entries) {
        if (entry.alive) copy->set(entry.key, entry.hash, entry.item);
    }
    return value::of(copy);
}

value dict_clear(interpreter& in, call_arguments& args) {
    CHECK_ARGUMENTS("dict", "clear", no_arguments);
    auto& dict = self_dict(args);
    dict.entries.clear();
    dict.index.clear();
    dict.live = 0;
    return value();
}

// ---- tables ---------------------------------------------------------------------------------

const method_table& str_methods() { return str_method_table(); }

const method_table& list_methods() {
    static const method_table table = {
        {"append", list_append}, {"extend", list_extend}, {"pop", list_pop}, {"insert", list_insert},
        {"index", list_index}, {"count", list_count}, {"remove", list_remove}, {"sort", list_sort},
        {"reverse", list_reverse}, {"copy", list_copy}, {"clear", list_clear},
    };
    return table;
}

const method_table& tuple_methods() {
    static const method_table table = {{"index", tuple_index}, {"count", tuple_count}};
    return table;
}

const method_table& dict_methods() {
    static const method_table table = {
        {"keys", dict_keys}, {"values", dict_values}, {"items", dict_items}, {"get", dict_get},
        {"setdefault", dict_setdefault}, {"pop", dict_pop}, {"popitem", dict_popitem}, {"update", dict_update},
        {"copy", dict_copy}, {"clear", dict_clear},
    };
    return table;
}

const method_table& set_methods() { return set_method_table(); }

const method_table* table_for(const value& object) {
    if (object.as<str_object>()) return &str_methods();
    if (object.as<bytes_object>()) return &bytes_method_table();
    if (object.as<list_object>()) return &list_methods();
    if (object.as<tuple_object>()) return &tuple_methods();
    if (object.as<dict_object>()) return &dict_methods();
    if (object.as<set_object>()) return &set_methods();
    return nullptr;
}

// Every other builtin attribute: a type's, a function's, an exception's, a generator's, a
// number's and asyncio's. Out of line: a method call on a str, list or dict does not get here.
[[gnu::noinline]] value special_attribute(interpreter& in, const value& object, const std::string& name, bool& found) {
    if (auto* type = object.as<type_object>()) {
        auto attribute = type->class_attributes.find(name);
        if (attribute != type->class_attributes.end()) return attribute->second;
        if (name == "__name__") return in.make_str(type->name);
        if (name == "__qualname__") return in.make_str(type->name);
        if (name == "__module__") return in.make_str(type->module);
    }
    if (auto* function = object.as<function_object>()) {
        if (name == "__name__") return in.make_str(function->definition->name);
        if (name == "__qualname__") return in.make_str(function->qualified_name);
    }
    if (auto* builtin = object.as<builtin_function_object>()) {
        if (name == "__name__") return in.make_str(builtin->name);
    }
    if (auto* exception = object.as<exception_object>()) {
        if (name == "args") return in.make_tuple(exception->args);
        if (name == "exceptions" && in.is_instance(object, *in.types().base_exception_group)) return in.make_tuple(exception->group);
        if (name == "message" && in.is_instance(object, *in.types().base_exception_group)) {
            return exception->args.empty() ? in.make_str("") : exception->args[0];
        }
        if (name == "__cause__") return exception->cause;
        if (name == "__context__") return exception->context;
        if (name == "__class__") return value::of(exception->type);
        if (name == "value" && exception->type->is_subclass_of(*in.types().stop_iteration)) {
            return exception->args.empty() ? value() : exception->args[0];
        }
    }
    bool generator_member = false;
    if (value result = generator_attribute(in, object, name, generator_member); generator_member) return result;
    if ((object.is_int_like() || object.as<big_int_object>()) && name == "bit_length") {
        return value::of(make_object<builtin_function_object>(name, [](interpreter& in, call_arguments& args) -> value {
            if (args.positional.size() != 1 || !args.keywords.empty()) return in.raise_type_error("int.bit_length() takes no arguments (" + std::to_string(args.positional.size() - 1) + " given)");
            return value::integer(std::int64_t(to_big_int(args.positional[0]).bit_length()));
        }, object));
    }
    if (object.is_float() && name == "is_integer") {
        return value::of(make_object<builtin_function_object>(name, [](interpreter&, call_arguments& args) -> value {
            const double f = args.positional[0].as_float();
            return value::boolean(std::isfinite(f) && f == std::floor(f));
        }, object));
    }
    if (name == "__class__") return value::of(in.type_of(object));
    value result = asyncio_attribute(object, name, found);
    if (found) return result;
    found = false;
    return value();
}

}  // namespace

value builtin_attribute(interpreter& in, const value& object, const std::string& name, bool& found) {
    if (auto* n = object.as<native_object>()) {
        value result = n->attribute(in, object, name, found);
        if (found) return result;
    }
    value result = collections_attribute(in, object, name, found);  // namedtuple fields, Counter methods
    if (found) return result;
    found = true;
    if (const method_table* table = table_for(object)) {
        auto m = table->find(name);
        if (m != table->end()) return value::of(make_object<builtin_function_object>(name, m->second, object));
    }
    return special_attribute(in, object, name, found);
}

std::vector<std::string> attribute_names(interpreter&, const value& object) {
    std::vector<std::string> names;
    if (const method_table* table = table_for(object)) {
        for (auto& [name, _] : *table) names.push_back(name);
    }
    for (auto& name : asyncio_attribute_names(object)) names.push_back(name);
    class_attribute_names(object, names);
    if (auto* n = object.as<native_object>()) {
        for (auto& name : n->attribute_names()) names.push_back(name);
    }
    std::sort(names.begin(), names.end());
    return names;
}

}  // namespace loopstep::python

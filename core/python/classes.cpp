// Classes the program defines (pairs with classes.hpp): the class statement, instances,
// attribute lookup and assignment, bound methods, super(), and the builtins around them.
#include "classes.hpp"

#include "frame.hpp"
#include "vm.hpp"

namespace loopstep::python {

const value* class_lookup(const type_object& type, const std::string& name) {
    for (const type_object* t = &type; t && t->dict; t = t->base.get()) {
        if (const value* member = t->dict->find(name)) return member;
    }
    return nullptr;
}

type_ptr user_class_of(const value& v) {
    if (auto* instance = v.as<instance_object>()) return instance->type;
    if (auto* exception = v.as<exception_object>(); exception && exception->type->dict) return exception->type;
    return nullptr;
}

type_ptr class_member_type(const interpreter& in, const class_member_object& member) {
    switch (member.what) {
        case class_member_object::role::static_method: return in.types().static_method;
        case class_member_object::role::class_method: return in.types().class_method;
        case class_member_object::role::property: return in.types().property;
        case class_member_object::role::native_method: return in.types().builtin_function;
        case class_member_object::role::dataclass_field: return in.types().field;
    }
    return in.types().object;
}

value bind_member(interpreter& in, const value& member, const value& self, const type_ptr& type) {
    if (member.as<function_object>()) return value::of(make_object<method_object>(member, self));
    auto* special = member.as<class_member_object>();
    if (!special) return member;
    switch (special->what) {
        case class_member_object::role::static_method: return special->function;
        case class_member_object::role::class_method: return value::of(make_object<method_object>(special->function, value::of(type)));
        case class_member_object::role::property: {
            call_arguments arguments{{self}, {}};
            return in.call(special->function, arguments);
        }
        case class_member_object::role::native_method: {
            auto* native = special->function.as<builtin_function_object>();
            return value::of(make_object<builtin_function_object>(native->name, native->function, self));
        }
        case class_member_object::role::dataclass_field: return member;
    }
    return member;
}

namespace {

value make_member(class_member_object::role role, value function) {
    return value::of(make_object<class_member_object>(role, std::move(function)));
}

value no_attribute(interpreter& in, const std::string& owner, const std::string& name) {
    return in.raise(in.types().attribute_error, owner + " has no attribute '" + name + "'");
}

// A class accessed directly (Point.x): functions stay plain functions, a classmethod binds
// to the class, a property is the property itself.
value class_member(const value& member, const value& cls) {
    auto* special = member.as<class_member_object>();
    if (!special) return member;
    if (special->what == class_member_object::role::static_method) return special->function;
    if (special->what == class_member_object::role::class_method) return value::of(make_object<method_object>(special->function, cls));
    if (special->what == class_member_object::role::native_method) return special->function;
    return member;
}

value call_with(interpreter& in, const value& callee, std::vector<value> args) {
    call_arguments arguments{std::move(args), {}};
    return in.call(callee, arguments);
}

// What object and BaseException give a subclass through super(): __init__, __str__, __repr__,
// __setattr__, __eq__, __hash__.
value builtin_base_member(const value& self, const std::string& name, bool& found) {
    found = true;
    auto native = [&](native_function f) { return value::of(make_object<builtin_function_object>(name, std::move(f), self)); };
    if (name == "__init__") {
        return native([](interpreter& in, call_arguments& args) -> value {
            if (auto* exception = args.positional[0].as<exception_object>()) {
                exception->args.assign(args.positional.begin() + 1, args.positional.end());
                return value();
            }
            if (args.positional.size() > 1 || !args.keywords.empty()) {
                return in.raise_type_error("object.__init__() takes exactly one argument (the instance to initialize)");
            }
            return value();
        });
    }
    if (name == "__str__" || name == "__repr__") {
        const bool as_str = name == "__str__";
        return native([as_str](interpreter& in, call_arguments& args) -> value {
            const value& target = args.positional[0];
            if (target.as<instance_object>()) return in.make_str(default_instance_repr(target));
            // An exception: its own str/repr without the class's override.
            auto* exception = target.as<exception_object>();
            type_ptr builtin = exception->type;
            while (builtin->dict) builtin = builtin->base;
            auto plain = make_object<exception_object>(builtin, exception->args);
            std::string text = as_str ? in.str(value::of(plain)) : in.repr(value::of(plain));
            if (!as_str) text = exception->type->name + text.substr(builtin->name.size());
            return in.make_str(std::move(text));
        });
    }
    if (name == "__setattr__") {
        return native([](interpreter& in, call_arguments& args) -> value {
            if (args.positional.size() != 3) return in.raise_type_error("expected 2 arguments, got " + std::to_string(args.positional.size() - 1));
            auto* key = args.positional[1].as<str_object>();
            if (!key) return in.raise_type_error("attribute name must be string, not '" + in.type_name(args.positional[1]) + "'");
            if (auto* instance = args.positional[0].as<instance_object>()) {
                instance->attributes.set(key->value, args.positional[2]);
                return value();
            }
            return in.set_attribute(args.positional[0], key->value, args.positional[2]);
        });
    }
    found = false;
    return value();
}

// super(cls, obj).name: the classes after cls in obj's chain, then object's own methods.
value super_attribute(interpreter& in, const super_object& proxy, const std::string& name) {
    const type_ptr owner = proxy.self.as<type_object>() ? std::static_pointer_cast<type_object>(proxy.self.as_object()) : in.type_of(proxy.self);
    for (type_ptr t = proxy.after->base; t && t->dict; t = t->base) {
        if (const value* member = t->dict->find(name)) {
            if (proxy.self.as<type_object>()) return class_member(*member, proxy.self);
            return bind_member(in, *member, proxy.self, owner);
        }
    }
    bool found = false;
    value inherited = builtin_base_member(proxy.self, name, found);
    if (found) return inherited;
    return no_attribute(in, "'super' object", name);
}

value instance_dict(interpreter& in, const globals_table& table) {
    auto dict = make_object<dict_object>();
    for (const auto& name : table.order) {
        value key = in.make_str(name);
        std::int64_t hash = 0;
        hash_of(key, hash);
        dict->set(key, hash, *table.find(name));
    }
    return value::of(dict);
}

value property_attribute(const value& object, const class_member_object& member, const std::string& name, bool& found) {
    if (member.what == class_member_object::role::property) {
        if (name == "setter") {
            return value::of(make_object<builtin_function_object>("setter", [](interpreter&, call_arguments& args) -> value {
                auto* old = args.positional[0].as<class_member_object>();
                auto updated = make_object<class_member_object>(class_member_object::role::property, old->function);
                if (args.positional.size() > 1) updated->setter = args.positional[1];
                return value::of(updated);
            }, object));
        }
        if (name == "fget") return member.function;
        if (name == "fset") return member.setter.is_unbound() ? value() : member.setter;
    }
    if (name == "__func__" && member.what != class_member_object::role::property) return member.function;
    found = false;
    return value();
}

}  // namespace

value class_get_attribute(interpreter& in, const value& object, const std::string& name, bool& found) {
    found = true;
    if (type_ptr cls = user_class_of(object)) {
        const value* member = class_lookup(*cls, name);
        if (auto* special = member ? member->as<class_member_object>() : nullptr; special && special->what == class_member_object::role::property) {
            return bind_member(in, *member, object, cls);  // a property comes before the instance's own attributes
        }
        const globals_table* own = object.as<instance_object>() ? &object.as<instance_object>()->attributes : object.as<exception_object>()->attributes.get();
        if (own) {
            if (const value* attribute = own->find(name)) return *attribute;
        }
        if (member) return bind_member(in, *member, object, cls);
        if (name == "__dict__" && object.as<instance_object>()) return instance_dict(in, *own);
        if (name == "__class__") return value::of(cls);
        if (object.as<exception_object>()) {
            // args, __cause__, ... of the builtin exception it derives from
            found = false;
            return value();
        }
        if (const value* fallback = class_lookup(*cls, "__getattr__")) {
            return call_with(in, bind_member(in, *fallback, object, cls), {in.make_str(name)});
        }
        found = false;
        return value();
    }
    if (auto* exception = object.as<exception_object>(); exception && exception->attributes) {
        if (const value* attribute = exception->attributes->find(name)) return *attribute;
    }
    if (auto* type = object.as<type_object>(); type && type->dict) {
        if (const value* member = class_lookup(*type, name)) return class_member(*member, object);
        if (name == "__base__") return type->base ? value::of(type->base) : value();
        if (name == "__bases__") return in.make_tuple({value::of(type->base)});
        if (name == "__name__" || name == "__module__") {
            found = false;  // the builtin lookup has them
            return value();
        }
        if (name == "__doc__") return value();
        return no_attribute(in, "type object '" + type->name + "'", name);
    }
    if (auto* proxy = object.as<super_object>()) return super_attribute(in, *proxy, name);
    if (auto* method = object.as<method_object>()) {
        if (name == "__self__") return method->self;
        if (name == "__func__") return method->function;
        return in.get_attribute(method->function, name);
    }
    if (auto* member = object.as<class_member_object>()) return property_attribute(object, *member, name, found);
    if (auto* instance = object.as<instance_object>(); instance && name == "__class__") return value::of(instance->type);
    found = false;
    return value();
}

void class_attribute_names(const value& object, std::vector<std::string>& names) {
    type_ptr cls = user_class_of(object);
    if (auto* type = object.as<type_object>(); type && type->dict) cls = std::static_pointer_cast<type_object>(object.as_object());
    if (!cls) return;
    if (auto* instance = object.as<instance_object>()) names.insert(names.end(), instance->attributes.order.begin(), instance->attributes.order.end());
    for (const type_object* t = cls.get(); t && t->dict; t = t->base.get()) names.insert(names.end(), t->dict->order.begin(), t->dict->order.end());
}

value interpreter::set_attribute(const value& object, const std::string& name, const value& item) {
    if (type_ptr cls = user_class_of(object)) {
        const value* member = class_lookup(*cls, name);
        if (auto* special = member ? member->as<class_member_object>() : nullptr; special && special->what == class_member_object::role::property) {
            if (special->setter.is_unbound()) {
                return raise(types_.attribute_error, "property '" + special->function.as<function_object>()->definition->name + "' of '" +
                                                         cls->name + "' object has no setter");
            }
            value result = call_with(*this, special->setter, {object, item});
            return result.is_raised() ? result : value();
        }
        if (const value* custom = class_lookup(*cls, "__setattr__")) {
            value result = call_with(*this, bind_member(*this, *custom, object, cls), {make_str(name), item});
            return result.is_raised() ? result : value();
        }
    }
    if (auto* instance = object.as<instance_object>()) {
        instance->attributes.set(name, item);
        return value();
    }
    if (auto* exception = object.as<exception_object>()) {
        if (!exception->attributes) exception->attributes = std::make_shared<globals_table>();
        exception->attributes->set(name, item);
        return value();
    }
    if (auto* type = object.as<type_object>(); type && type->dict) {
        type->dict->set(name, item);
        return value();
    }
    if (object.as<type_object>()) {
        return raise_type_error("cannot set '" + name + "' attribute of immutable type '" + object.as<type_object>()->name + "'");
    }
    return raise(types_.attribute_error, "'" + type_name(object) + "' object has no attribute '" + name + "'");
}

value call_special(interpreter& in, const value& self, const char* name, std::vector<value> args, bool& found) {
    type_ptr cls = user_class_of(self);
    const value* member = cls ? class_lookup(*cls, name) : nullptr;
    found = member != nullptr;
    if (!member) return value();
    if (member->is_none()) return in.raise_type_error("'NoneType' object is not callable");
    return call_with(in, bind_member(in, *member, self, cls), std::move(args));
}

namespace {

// Calling a class: a new instance (an exception_object for exception classes), then __init__.
value instantiate(interpreter& in, const type_ptr& cls, call_arguments& arguments) {
    value self;
    const bool is_exception = cls->is_subclass_of(*in.types().base_exception);
    if (is_exception) {
        self = in.make_exception(cls, arguments.positional);
    } else {
        auto instance = make_object<instance_object>(cls, 0);
        instance->number = in.register_instance(instance);
        self = value::of(instance);
    }
    const value* init = class_lookup(*cls, "__init__");
    if (!init) {
        if (!arguments.keywords.empty()) return in.raise_type_error(cls->name + "() takes no keyword arguments");
        if (!is_exception && !arguments.positional.empty()) return in.raise_type_error(cls->name + "() takes no arguments");
        return self;
    }
    value result = in.call(bind_member(in, *init, self, cls), arguments);
    if (result.is_raised()) return result;
    if (!result.is_none()) return in.raise_type_error("__init__() should return None, not '" + in.type_name(result) + "'");
    return self;
}

}  // namespace

void set_user_equality(interpreter& in, type_object& cls) {
    cls.user_equal = nullptr;
    for (const type_object* t = &cls; t && t->dict; t = t->base.get()) {
        if (!t->dict->find("__eq__")) continue;
        interpreter* owner = &in;
        cls.user_equal = [owner](const value& a, const value& b) {
            value same = special_compare(*owner, compare_op::equal, a, b);
            if (same.is_unbound()) return a.as_object() == b.as_object() ? equality::equal : equality::different;  // both said NotImplemented
            if (same.is_raised()) {
                const bool too_deep = owner->is_instance(value::of(same.as_object()), *owner->types().recursion_error);
                return too_deep ? equality::too_deep : equality::different;
            }
            return owner->truthy(same) ? equality::equal : equality::different;
        };
        return;
    }
}

namespace {

value build_class(interpreter& in, call_arguments& args) {
    if (args.positional.size() < 2 || !args.positional[0].as<function_object>() || !args.positional[1].as<str_object>()) {
        return in.raise_type_error("__build_class__: func and name are required");
    }
    if (args.positional.size() > 3) return in.raise_type_error("multiple inheritance is not supported in this lesson");
    auto body = std::static_pointer_cast<function_object>(args.positional[0].as_object());
    const std::string name = args.positional[1].as<str_object>()->value;
    type_ptr base = in.types().object;
    if (args.positional.size() == 3) {
        auto* given = args.positional[2].as<type_object>();
        if (!given) return in.raise_type_error("bases must be types");
        base = std::static_pointer_cast<type_object>(args.positional[2].as_object());
        if (!base->dict && base != in.types().object && !base->is_subclass_of(*in.types().base_exception)) {
            return in.raise_type_error("subclassing '" + base->name + "' is not supported in this lesson");
        }
    }
    auto names = std::make_shared<globals_table>();
    names->set("__module__", in.make_str("__main__"));
    names->set("__qualname__", in.make_str(body->qualified_name));
    auto annotations = make_object<dict_object>();
    names->set("__annotations__", value::of(annotations));
    call_arguments none;
    std::vector<value> locals;
    value error = in.bind_arguments(*body, none, locals);
    if (error.is_raised()) return error;
    frame_ptr f = function_frame(body, std::move(locals));
    f->names = names;
    value cell = in.run_frame(f);
    if (cell.is_raised()) return cell;
    if (annotations->size() == 0) names->erase("__annotations__");
    if (names->find("__eq__") && !names->find("__hash__")) names->set("__hash__", value());  // as type.__new__ does
    auto cls = std::make_shared<type_object>(name, base, "__main__");
    cls->dict = names;
    set_user_equality(in, *cls);
    std::weak_ptr<type_object> weak = cls;
    cls->construct = [weak](interpreter& in, call_arguments& arguments) { return instantiate(in, weak.lock(), arguments); };
    if (auto* class_cell = cell.as<cell_object>()) class_cell->content = value::of(cls);
    in.register_instance(cls);
    return value::of(cls);
}

value super_of(interpreter& in, call_arguments& args) {
    if (args.positional.empty()) return in.raise(in.types().runtime_error, "super(): no arguments");
    auto* cls = args.positional[0].as<type_object>();
    if (!cls) return in.raise_type_error("super() argument 1 must be a type, not " + in.type_name(args.positional[0]));
    if (args.positional.size() != 2) return in.raise_type_error("super() with one argument is not supported in this lesson");
    const value& self = args.positional[1];
    const bool fits = self.as<type_object>() ? self.as<type_object>()->is_subclass_of(*cls) : in.is_instance(self, *cls);
    if (!fits) return in.raise_type_error("super(type, obj): obj must be an instance or subtype of type");
    return value::of(make_object<super_object>(std::static_pointer_cast<type_object>(args.positional[0].as_object()), self));
}

value one_function(interpreter& in, call_arguments& args, const char* name, class_member_object::role role) {
    if (args.positional.size() != 1 || !args.keywords.empty()) {
        return in.raise_type_error(std::string(name) + " expected 1 argument, got " + std::to_string(args.positional.size()));
    }
    return make_member(role, args.positional[0]);
}

value attribute_name(interpreter& in, const value& v, const char* function, std::string& out) {
    auto* name = v.as<str_object>();
    if (!name) return in.raise_type_error(std::string(function) + "(): attribute name must be string");
    out = name->value;
    return value();
}

bool is_attribute_error(interpreter& in, const value& raised) {
    return in.is_instance(value::of(raised.as_object()), *in.types().attribute_error);
}

value subclass_check(interpreter& in, call_arguments& args) {
    if (args.positional.size() != 2) return in.raise_type_error("issubclass expected 2 arguments, got " + std::to_string(args.positional.size()));
    auto* cls = args.positional[0].as<type_object>();
    if (!cls) return in.raise_type_error("issubclass() arg 1 must be a class");
    std::vector<value> candidates;
    if (auto* tuple = args.positional[1].as<tuple_object>()) candidates = tuple->items;
    else candidates.push_back(args.positional[1]);
    for (const auto& candidate : candidates) {
        auto* type = candidate.as<type_object>();
        if (!type) return in.raise_type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union");
        if (cls->is_subclass_of(*type)) return value::boolean(true);
    }
    return value::boolean(false);
}

}  // namespace

void install_class_builtins(interpreter& in, globals_table& g) {
    auto define = [&](const std::string& name, native_function function) {
        g.names[name] = value::of(make_object<builtin_function_object>(name, std::move(function)));
    };
    auto define_type = [&](const type_ptr& type, native_function construct) {
        type->construct = std::move(construct);
        g.names[type->name] = value::of(type);
    };
    const auto& t = in.types();
    define("__build_class__", build_class);
    define_type(t.object, [](interpreter& in, call_arguments& args) -> value {
        if (!args.positional.empty() || !args.keywords.empty()) return in.raise_type_error("object() takes no arguments");
        auto instance = make_object<instance_object>(in.types().object, 0);
        instance->number = in.register_instance(instance);
        return value::of(instance);
    });
    define_type(t.super_type, super_of);
    define_type(t.static_method, [](interpreter& in, call_arguments& args) {
        return one_function(in, args, "staticmethod", class_member_object::role::static_method);
    });
    define_type(t.class_method, [](interpreter& in, call_arguments& args) {
        return one_function(in, args, "classmethod", class_member_object::role::class_method);
    });
    define_type(t.property, [](interpreter& in, call_arguments& args) -> value {
        value getter = args.take("fget", value::unbound());
        value setter = args.take("fset", value::unbound());
        if (!args.positional.empty()) getter = args.positional[0];
        if (args.positional.size() > 1) setter = args.positional[1];
        if (getter.is_unbound()) return in.raise_type_error("property without a getter is not supported in this lesson");
        auto member = make_object<class_member_object>(class_member_object::role::property, getter);
        member->setter = setter;
        return value::of(member);
    });
    // NotImplemented: what a comparison method returns to let the other operand try.
    auto not_implemented = make_object<instance_object>(std::make_shared<type_object>("NotImplementedType", t.object), 0);
    g.names["NotImplemented"] = value::of(not_implemented);
    define("issubclass", subclass_check);
    define("hasattr", [](interpreter& in, call_arguments& args) -> value {
        if (args.positional.size() != 2) return in.raise_type_error("hasattr expected 2 arguments, got " + std::to_string(args.positional.size()));
        std::string name;
        if (value error = attribute_name(in, args.positional[1], "hasattr", name); error.is_raised()) return error;
        value result = in.get_attribute(args.positional[0], name);
        if (!result.is_raised()) return value::boolean(true);
        return is_attribute_error(in, result) ? value::boolean(false) : result;
    });
    define("getattr", [](interpreter& in, call_arguments& args) -> value {
        const std::size_t count = args.positional.size();
        if (count < 2 || count > 3) return in.raise_type_error("getattr expected 2 or 3 arguments, got " + std::to_string(count));
        std::string name;
        if (value error = attribute_name(in, args.positional[1], "getattr", name); error.is_raised()) return error;
        value result = in.get_attribute(args.positional[0], name);
        if (result.is_raised() && count == 3 && is_attribute_error(in, result)) return args.positional[2];
        return result;
    });
    define("setattr", [](interpreter& in, call_arguments& args) -> value {
        if (args.positional.size() != 3) return in.raise_type_error("setattr expected 3 arguments, got " + std::to_string(args.positional.size()));
        std::string name;
        if (value error = attribute_name(in, args.positional[1], "setattr", name); error.is_raised()) return error;
        return in.set_attribute(args.positional[0], name, args.positional[2]);
    });
    define("vars", [](interpreter& in, call_arguments& args) -> value {
        if (args.positional.size() != 1) return in.raise_type_error("vars() with no argument is not supported in this lesson");
        if (auto* instance = args.positional[0].as<instance_object>()) return instance_dict(in, instance->attributes);
        if (auto* type = args.positional[0].as<type_object>(); type && type->dict) return instance_dict(in, *type->dict);
        return in.raise_type_error("vars() argument must have __dict__ attribute");
    });
}

}  // namespace loopstep::python

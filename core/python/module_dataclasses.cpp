// The dataclasses module: @dataclass (with init, repr, eq, order, frozen) and field(),
// fields() and asdict(). The generated methods are native (CPython generates Python source
// and exec()s it); their messages are CPython's.
#include "classes.hpp"

namespace loopstep::python {

namespace {

struct dataclass_field {
    std::string name;
    value default_value = value::unbound();
    value default_factory = value::unbound();
};

struct dataclass_options {
    bool init = true, repr = true, eq = true, order = false, frozen = false;
};

struct dataclass_spec {
    std::string qualified_name;  // the class's __qualname__
    std::vector<dataclass_field> fields;
    type_ptr frozen_error;
};
using spec_ptr = std::shared_ptr<const dataclass_spec>;

value str_key(interpreter& in, const std::string& text, std::int64_t& hash) {
    value key = in.make_str(text);
    hash_of(key, hash);
    return key;
}

value field_value(interpreter& in, const value& self, const std::string& name) { return in.get_attribute(self, name); }

std::string quoted_names(const std::vector<std::string>& names) {
    std::string text;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) text += names.size() == 2 ? " and " : (i + 1 == names.size() ? ", and " : ", ");
        text += "'" + names[i] + "'";
    }
    return text;
}

value store_field(interpreter& in, const spec_ptr& spec, const value& self, const std::string& name, const value& item) {
    if (spec->frozen_error) {
        if (auto* instance = self.as<instance_object>()) {
            instance->attributes.set(name, item);
            return value();
        }
    }
    return in.set_attribute(self, name, item);
}

// __init__(self, field1, field2=default, ...): binds as a def with those parameters would.
value generated_init(interpreter& in, const spec_ptr& spec, call_arguments& args) {
    const value self = args.positional[0];
    const auto& fields = spec->fields;
    const std::string name = spec->qualified_name + ".__init__";
    std::vector<value> values(fields.size(), value::unbound());
    const std::size_t given = args.positional.size() - 1;
    if (given > fields.size()) {
        std::size_t with_default = 0;
        for (const auto& f : fields) with_default += !f.default_value.is_unbound() || !f.default_factory.is_unbound();
        const std::size_t most = fields.size() + 1;
        const std::string takes = with_default ? "from " + std::to_string(most - with_default) + " to " + std::to_string(most) : std::to_string(most);
        return in.raise_type_error(name + "() takes " + takes + " positional argument" + (most == 1 && !with_default ? "" : "s") + " but " +
                                   std::to_string(given + 1) + (given + 1 == 1 ? " was" : " were") + " given");
    }
    for (std::size_t i = 0; i < given; ++i) values[i] = args.positional[i + 1];
    for (auto& [keyword, item] : args.keywords) {
        std::size_t i = 0;
        while (i < fields.size() && fields[i].name != keyword) ++i;
        if (i == fields.size()) return in.raise_type_error(name + "() got an unexpected keyword argument '" + keyword + "'");
        if (!values[i].is_unbound()) return in.raise_type_error(name + "() got multiple values for argument '" + keyword + "'");
        values[i] = item;
    }
    std::vector<std::string> missing;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (!values[i].is_unbound()) continue;
        if (!fields[i].default_value.is_unbound()) {
            values[i] = fields[i].default_value;
        } else if (!fields[i].default_factory.is_unbound()) {
            call_arguments none;
            values[i] = in.call(fields[i].default_factory, none);
            if (values[i].is_raised()) return values[i];
        } else {
            missing.push_back(fields[i].name);
        }
    }
    if (!missing.empty()) {
        return in.raise_type_error(name + "() missing " + std::to_string(missing.size()) + " required positional argument" +
                                   (missing.size() == 1 ? "" : "s") + ": " + quoted_names(missing));
    }
    for (std::size_t i = 0; i < fields.size(); ++i) {
        value error = store_field(in, spec, self, fields[i].name, values[i]);
        if (error.is_raised()) return error;
    }
    bool found = false;
    value post = call_special(in, self, "__post_init__", {}, found);
    return post.is_raised() ? post : value();
}

value generated_repr(interpreter& in, const spec_ptr& spec, const value& self) {
    type_ptr cls = in.type_of(self);
    std::string text;
    if (const value* qualname = cls->dict ? cls->dict->find("__qualname__") : nullptr; qualname && qualname->as<str_object>()) {
        text = qualname->as<str_object>()->value;
    } else {
        text = cls->name;
    }
    text += "(";
    for (std::size_t i = 0; i < spec->fields.size(); ++i) {
        value item = field_value(in, self, spec->fields[i].name);
        if (item.is_raised()) return item;
        text += (i ? ", " : "") + spec->fields[i].name + "=" + in.repr(item);
    }
    return in.make_str(text + ")");
}

value not_implemented(interpreter& in) {
    const value* singleton = in.builtins()->find("NotImplemented");
    return singleton ? *singleton : value();
}

// The first field where self and other differ (compared with ==), or fields.size().
value first_difference(interpreter& in, const spec_ptr& spec, const value& self, const value& other, std::size_t& at, value& mine,
                       value& theirs) {
    for (at = 0; at < spec->fields.size(); ++at) {
        mine = field_value(in, self, spec->fields[at].name);
        if (mine.is_raised()) return mine;
        theirs = field_value(in, other, spec->fields[at].name);
        if (theirs.is_raised()) return theirs;
        if (mine.is_object() && theirs.is_object() && mine.as_object() == theirs.as_object()) continue;
        value same = in.compare(compare_op::equal, mine, theirs);
        if (same.is_raised()) return same;
        if (!in.truthy(same)) break;
    }
    return value();
}

// __eq__ and the orderings compare the fields as tuples, only with an instance of the same class.
value generated_compare(interpreter& in, const spec_ptr& spec, compare_op op, call_arguments& args) {
    if (args.positional.size() != 2) return in.raise_type_error("expected 1 argument, got " + std::to_string(args.positional.size() - 1));
    const value& self = args.positional[0];
    const value& other = args.positional[1];
    if (in.type_of(self) != in.type_of(other)) return not_implemented(in);
    std::size_t at = 0;
    value mine, theirs;
    value error = first_difference(in, spec, self, other, at, mine, theirs);
    if (error.is_raised()) return error;
    if (op == compare_op::equal) return value::boolean(at == spec->fields.size());
    if (at == spec->fields.size()) return value::boolean(op == compare_op::less_equal || op == compare_op::greater_equal);
    return in.compare(op, mine, theirs);
}

value generated_hash(interpreter& in, const spec_ptr& spec, const value& self) {
    std::vector<value> items;
    for (const auto& f : spec->fields) {
        value item = field_value(in, self, f.name);
        if (item.is_raised()) return item;
        items.push_back(std::move(item));
    }
    std::int64_t hash = 0;
    value error = in.hash_key(in.make_tuple(std::move(items)), hash);
    return error.is_raised() ? error : value::integer(hash);
}

void set_method(type_object& cls, const std::string& name, native_function function, bool replace = false) {
    if (!replace && cls.dict->find(name)) return;  // the class's own definition wins
    cls.dict->set(name, value::of(make_object<class_member_object>(class_member_object::role::native_method,
                                                                   value::of(make_object<builtin_function_object>(name, std::move(function))))));
}

// The fields: the bases' first, then the class's own annotations, in order.
value collect_fields(interpreter& in, type_object& cls, std::vector<dataclass_field>& fields) {
    if (cls.base && cls.base->dict) {
        if (const value* inherited = cls.base->dict->find("__dataclass_fields__"); inherited && inherited->as<dict_object>()) {
            for (const auto& entry : inherited->as<dict_object>()->entries) {
                if (!entry.alive) continue;
                auto* field = entry.item.as<class_member_object>();
                fields.push_back({entry.key.as<str_object>()->value, field->extra, field->function});
            }
        }
    }
    const value* annotations = cls.dict->find("__annotations__");
    auto* names = annotations ? annotations->as<dict_object>() : nullptr;
    bool seen_default = false;
    for (std::size_t e = 0; names && e < names->entries.size(); ++e) {
        if (!names->entries[e].alive) continue;
        dataclass_field field{names->entries[e].key.as<str_object>()->value};
        if (const value* assigned = cls.dict->find(field.name)) {
            if (auto* spec = assigned->as<class_member_object>(); spec && spec->what == class_member_object::role::dataclass_field) {
                field.default_value = spec->extra;
                field.default_factory = spec->function;
                if (field.default_value.is_unbound()) cls.dict->erase(field.name);
                else cls.dict->set(field.name, field.default_value);
            } else {
                field.default_value = *assigned;
            }
        }
        const value& d = field.default_value;
        if (d.as<list_object>() || d.as<dict_object>() || d.as<set_object>()) {
            return in.raise_value_error("mutable default <class '" + in.type_name(d) + "'> for field " + field.name +
                                        " is not allowed: use default_factory");
        }
        const bool has_default = !d.is_unbound() || !field.default_factory.is_unbound();
        if (seen_default && !has_default) return in.raise_type_error("non-default argument '" + field.name + "' follows default argument");
        seen_default |= has_default;
        auto existing = std::find_if(fields.begin(), fields.end(), [&](const dataclass_field& f) { return f.name == field.name; });
        if (existing != fields.end()) *existing = field;
        else fields.push_back(field);
    }
    return value();
}

value process_class(interpreter& in, const value& target, const dataclass_options& options, const type_ptr& frozen_error) {
    auto* cls = target.as<type_object>();
    if (!cls || !cls->dict) return in.raise_type_error("dataclass() should be called on a class defined in the program");
    auto spec = std::make_shared<dataclass_spec>();
    if (const value* qualname = cls->dict->find("__qualname__"); qualname && qualname->as<str_object>()) {
        spec->qualified_name = qualname->as<str_object>()->value;
    } else {
        spec->qualified_name = cls->name;
    }
    value error = collect_fields(in, *cls, spec->fields);
    if (error.is_raised()) return error;
    if (options.frozen) spec->frozen_error = frozen_error;
    auto field_table = make_object<dict_object>();
    for (const auto& f : spec->fields) {
        std::int64_t hash = 0;
        value key = str_key(in, f.name, hash);
        auto member = make_object<class_member_object>(class_member_object::role::dataclass_field, f.default_factory);
        member->extra = f.default_value;
        field_table->set(key, hash, value::of(member));
    }
    cls->dict->set("__dataclass_fields__", value::of(field_table));
    spec_ptr shared = spec;
    if (options.init) set_method(*cls, "__init__", [shared](interpreter& in, call_arguments& args) { return generated_init(in, shared, args); });
    if (options.repr) {
        set_method(*cls, "__repr__", [shared](interpreter& in, call_arguments& args) { return generated_repr(in, shared, args.positional[0]); });
    }
    const bool defines_hash = cls->dict->find("__hash__") && !cls->dict->find("__hash__")->is_none();
    if (options.eq) {
        set_method(*cls, "__eq__", [shared](interpreter& in, call_arguments& args) { return generated_compare(in, shared, compare_op::equal, args); });
        if (options.frozen && !defines_hash) {
            set_method(*cls, "__hash__", [shared](interpreter& in, call_arguments& args) { return generated_hash(in, shared, args.positional[0]); }, true);
        } else if (!defines_hash) {
            cls->dict->set("__hash__", value());  // eq without frozen: unhashable, as CPython makes it
        }
    }
    set_user_equality(in, *cls);
    if (options.order) {
        const std::pair<const char*, compare_op> orderings[] = {
            {"__lt__", compare_op::less}, {"__le__", compare_op::less_equal}, {"__gt__", compare_op::greater}, {"__ge__", compare_op::greater_equal}};
        for (const auto& [name, op] : orderings) {
            const compare_op chosen = op;
            set_method(*cls, name, [shared, chosen](interpreter& in, call_arguments& args) { return generated_compare(in, shared, chosen, args); });
        }
    }
    if (options.frozen) {
        set_method(*cls, "__setattr__", [shared](interpreter& in, call_arguments& args) -> value {
            auto* name = args.positional.size() > 1 ? args.positional[1].as<str_object>() : nullptr;
            return value::raised(in.make_exception(shared->frozen_error, {in.make_str("cannot assign to field '" + (name ? name->value : std::string()) + "'")}).as_object());
        }, true);
    }
    return target;
}

value read_options(interpreter& in, call_arguments& args, dataclass_options& options) {
    for (auto& [name, setting] : args.keywords) {
        bool* flag = name == "init" ? &options.init : name == "repr" ? &options.repr : name == "eq" ? &options.eq
                   : name == "order" ? &options.order : name == "frozen" ? &options.frozen : nullptr;
        if (!flag) return in.raise_type_error("dataclass() got an unexpected keyword argument '" + name + "' (or it is not supported in this lesson)");
        *flag = in.truthy(setting);
    }
    if (options.order && !options.eq) return in.raise_value_error("eq must be true if order is true");
    return value();
}

// asdict(): the fields as a dict, dataclasses inside it (and in lists, tuples, dicts) too.
value as_dict(interpreter& in, const value& v, int depth) {
    if (depth > max_nesting) return in.raise(in.types().recursion_error, "maximum recursion depth exceeded");
    type_ptr cls = user_class_of(v);
    const value* table = cls ? class_lookup(*cls, "__dataclass_fields__") : nullptr;
    if (table && table->as<dict_object>()) {
        auto dict = make_object<dict_object>();
        for (const auto& entry : table->as<dict_object>()->entries) {
            if (!entry.alive) continue;
            value item = in.get_attribute(v, entry.key.as<str_object>()->value);
            if (!item.is_raised()) item = as_dict(in, item, depth + 1);
            if (item.is_raised()) return item;
            dict->set(entry.key, entry.hash, item);
        }
        return value::of(dict);
    }
    auto convert_all = [&](const std::vector<value>& items, std::vector<value>& out) {
        for (const auto& item : items) {
            value converted = as_dict(in, item, depth + 1);
            if (converted.is_raised()) return converted;
            out.push_back(std::move(converted));
        }
        return value();
    };
    std::vector<value> out;
    if (auto* list = v.as<list_object>()) {
        value error = convert_all(list->items, out);
        return error.is_raised() ? error : in.make_list(std::move(out));
    }
    if (auto* tuple = v.as<tuple_object>()) {
        value error = convert_all(tuple->items, out);
        return error.is_raised() ? error : in.make_tuple(std::move(out));
    }
    if (auto* dict = v.as<dict_object>()) {
        auto copy = make_object<dict_object>();
        for (const auto& entry : dict->entries) {
            if (!entry.alive) continue;
            value item = as_dict(in, entry.item, depth + 1);
            if (item.is_raised()) return item;
            copy->set(entry.key, entry.hash, item);
        }
        return value::of(copy);
    }
    return v;
}

}  // namespace

value make_dataclasses_module(interpreter& in) {
    auto module = make_object<module_object>("dataclasses");
    auto frozen_error = std::make_shared<type_object>("FrozenInstanceError", in.types().attribute_error, "dataclasses");
    std::weak_ptr<type_object> weak_error = frozen_error;
    frozen_error->construct = [weak_error](interpreter& in, call_arguments& args) { return in.make_exception(weak_error.lock(), args.positional); };
    module->attributes["FrozenInstanceError"] = value::of(frozen_error);
    auto define = [&](const std::string& name, native_function function) {
        module->attributes[name] = value::of(make_object<builtin_function_object>(name, std::move(function)));
    };
    define("dataclass", [frozen_error](interpreter& in, call_arguments& args) -> value {
        dataclass_options options;
        if (value error = read_options(in, args, options); error.is_raised()) return error;
        if (!args.positional.empty()) return process_class(in, args.positional[0], options, frozen_error);
        // @dataclass(...): a decorator with these options
        return value::of(make_object<builtin_function_object>("wrap", [options, frozen_error](interpreter& in, call_arguments& inner) -> value {
            if (inner.positional.size() != 1) return in.raise_type_error("wrap() takes exactly one argument");
            return process_class(in, inner.positional[0], options, frozen_error);
        }));
    });
    define("field", [](interpreter& in, call_arguments& args) -> value {
        if (!args.positional.empty()) return in.raise_type_error("field() takes 0 positional arguments but " + std::to_string(args.positional.size()) + " were given");
        value default_value = args.take("default");
        value factory = args.take("default_factory");
        if (!args.keywords.empty()) return in.raise_type_error("field() argument '" + args.keywords.front().first + "' is not supported in this lesson");
        if (!default_value.is_unbound() && !factory.is_unbound()) return in.raise_value_error("cannot specify both default and default_factory");
        auto member = make_object<class_member_object>(class_member_object::role::dataclass_field, factory);
        member->extra = default_value;
        return value::of(member);
    });
    define("asdict", [](interpreter& in, call_arguments& args) -> value {
        if (args.positional.size() != 1) return in.raise_type_error("asdict() takes 1 positional argument");
        type_ptr cls = user_class_of(args.positional[0]);
        if (!cls || !class_lookup(*cls, "__dataclass_fields__")) return in.raise_type_error("asdict() should be called on dataclass instances");
        return as_dict(in, args.positional[0], 0);
    });
    define("is_dataclass", [](interpreter&, call_arguments& args) -> value {
        if (args.positional.size() != 1) return value::boolean(false);
        type_ptr cls = user_class_of(args.positional[0]);
        if (auto* type = args.positional[0].as<type_object>(); type && type->dict) return value::boolean(class_lookup(*type, "__dataclass_fields__"));
        return value::boolean(cls && class_lookup(*cls, "__dataclass_fields__"));
    });
    return value::of(module);
}

}  // namespace loopstep::python

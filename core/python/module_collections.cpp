// The collections module: deque (a native object), defaultdict, Counter and OrderedDict
// (dicts of another type: dict_object::subtype), namedtuple (tuples of a generated type).
#include <algorithm>
#include <deque>

#include "library_modules.hpp"

namespace loopstep::python {

namespace {

bool is_collections_type(const type_ptr& type, const char* name) {
    return type && type->module == "collections" && type->name == name;
}

// ---- deque ------------------------------------------------------------------------------

struct deque_object : native_object {
    explicit deque_object(type_ptr type) : native_object(std::move(type)) {}
    std::deque<value> items;
    std::optional<std::size_t> maxlen;

    void push_back(const value& v) {
        if (maxlen && *maxlen == 0) return;
        if (maxlen && items.size() == *maxlen) items.pop_front();
        items.push_back(v);
    }
    void push_front(const value& v) {
        if (maxlen && *maxlen == 0) return;
        if (maxlen && items.size() == *maxlen) items.pop_back();
        items.push_front(v);
    }
    value attribute(interpreter& in, const value& self, const std::string& name, bool& found) override;
    std::vector<std::string> attribute_names() const override {
        return {"append", "appendleft", "clear", "copy", "count", "extend", "extendleft", "index", "maxlen", "pop", "popleft", "remove", "reverse", "rotate"};
    }
    std::string repr(interpreter& in) override {
        std::string text = "deque([";
        for (std::size_t i = 0; i < items.size(); ++i) text += (i ? ", " : "") + in.repr(items[i]);
        text += "]";
        if (maxlen) text += ", maxlen=" + std::to_string(*maxlen);
        return text + ")";
    }
    value iterator(interpreter& in) override {
        // A snapshot: CPython raises if the deque changes while iterated; the lesson iterates a copy.
        return in.make_iterator(in.make_list(std::vector<value>(items.begin(), items.end())));
    }
    std::optional<std::int64_t> length() const override { return std::int64_t(items.size()); }
    value get_item(interpreter& in, const value& index) override {
        if (!index.is_int_like()) return in.raise_type_error("sequence index must be integer, not '" + in.type_name(index) + "'");
        std::int64_t i = index.as_int();
        if (i < 0) i += std::int64_t(items.size());
        if (i < 0 || i >= std::int64_t(items.size())) return in.raise(in.types().index_error, "deque index out of range");
        return items[std::size_t(i)];
    }
    int order(const value& other) const override {
        auto* o = other.as<deque_object>();
        if (!o || o->items.size() != items.size()) return 2;
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (!values_equal(items[i], o->items[i])) return 2;
        }
        return 0;
    }
    bool hash(std::int64_t&) const override { return false; }
    void take_values(std::vector<object_ptr>& out) override {
        for (auto& v : items) {
            if (v.is_object()) out.push_back(v.take_object());
        }
        items.clear();
    }
};

deque_object& deque_of(const call_arguments& args) { return static_cast<deque_object&>(*args.positional[0].as_object()); }

value deque_method(interpreter& in, call_arguments& args, const std::string& name) {
    deque_object& d = deque_of(args);
    const std::size_t given = args.positional.size() - 1;
    auto arity = [&](std::size_t low, std::size_t high) -> value {
        if (!args.keywords.empty()) return in.raise_type_error("deque." + name + "() takes no keyword arguments");
        if (given < low || given > high) {
            if (low == high && low == 0) return in.raise_type_error("deque." + name + "() takes no arguments (" + std::to_string(given) + " given)");
            if (low == high) return in.raise_type_error("deque." + name + "() takes exactly one argument (" + std::to_string(given) + " given)");
            return in.raise_type_error(name + " expected at most " + std::to_string(high) + " argument" + (high == 1 ? "" : "s") + ", got " + std::to_string(given));
        }
        return value();
    };
    if (name == "append" || name == "appendleft") {
        LIBRARY_RETURN_IF_RAISED(arity(1, 1));
        if (name == "append") d.push_back(args.positional[1]);
        else d.push_front(args.positional[1]);
        return value();
    }
    if (name == "pop" || name == "popleft") {
        LIBRARY_RETURN_IF_RAISED(arity(0, 0));
        if (d.items.empty()) return in.raise(in.types().index_error, "pop from an empty deque");
        value v = name == "pop" ? d.items.back() : d.items.front();
        if (name == "pop") d.items.pop_back();
        else d.items.pop_front();
        return v;
    }
    if (name == "extend" || name == "extendleft") {
        LIBRARY_RETURN_IF_RAISED(arity(1, 1));
        std::vector<value> incoming;
        LIBRARY_RETURN_IF_RAISED(in.to_list(args.positional[1], incoming));
        for (const auto& v : incoming) {
            if (name == "extend") d.push_back(v);
            else d.push_front(v);
        }
        return value();
    }
    if (name == "clear") {
        LIBRARY_RETURN_IF_RAISED(arity(0, 0));
        d.items.clear();
        return value();
    }
    if (name == "copy") {
        LIBRARY_RETURN_IF_RAISED(arity(0, 0));
        auto copy = std::make_shared<deque_object>(d.type);
        copy->items = d.items;
        copy->maxlen = d.maxlen;
        return value::of(copy);
    }
    if (name == "count") {
        LIBRARY_RETURN_IF_RAISED(arity(1, 1));
        return value::integer(std::count_if(d.items.begin(), d.items.end(), [&](const value& v) { return values_equal(v, args.positional[1]); }));
    }
    if (name == "index" || name == "remove") {
        LIBRARY_RETURN_IF_RAISED(arity(1, 1));
        auto it = std::find_if(d.items.begin(), d.items.end(), [&](const value& v) { return values_equal(v, args.positional[1]); });
        if (it == d.items.end()) {
            return in.raise_value_error(name == "index" ? in.repr(args.positional[1]) + " is not in deque" : "deque.remove(x): x not in deque");
        }
        if (name == "index") return value::integer(it - d.items.begin());
        d.items.erase(it);
        return value();
    }
    if (name == "reverse") {
        LIBRARY_RETURN_IF_RAISED(arity(0, 0));
        std::reverse(d.items.begin(), d.items.end());
        return value();
    }
    if (name == "rotate") {
        LIBRARY_RETURN_IF_RAISED(arity(0, 1));
        std::int64_t n = 1;
        if (given == 1) LIBRARY_RETURN_IF_RAISED(int_argument(in, args.positional[1], n));
        if (d.items.empty()) return value();
        const auto size = std::int64_t(d.items.size());
        const std::int64_t shift = ((n % size) + size) % size;
        std::rotate(d.items.begin(), d.items.begin() + (size - shift), d.items.end());
        return value();
    }
    return in.raise_type_error("unknown deque method");
}

value deque_object::attribute(interpreter&, const value& self, const std::string& name, bool& found) {
    found = true;
    if (name == "maxlen") return maxlen ? value::integer(std::int64_t(*maxlen)) : value();
    const auto names = attribute_names();
    if (std::find(names.begin(), names.end(), name) != names.end()) {
        return bound_method(name, self, [name](interpreter& in, call_arguments& args) { return deque_method(in, args, name); });
    }
    found = false;
    return value();
}

value construct_deque(interpreter& in, call_arguments& args, const type_ptr& type) {
    std::vector<value> slots;
    LIBRARY_RETURN_IF_RAISED(bind_parameters(in, args, 0, "deque", {{"iterable"}, {"maxlen"}}, slots));
    auto d = std::make_shared<deque_object>(type);
    if (!slots[1].is_unbound() && !slots[1].is_none()) {
        if (!slots[1].is_int_like()) return in.raise_type_error("an integer is required");
        if (slots[1].as_int() < 0) return in.raise_value_error("maxlen must be non-negative");
        d->maxlen = std::size_t(slots[1].as_int());
    }
    if (!slots[0].is_unbound()) {
        std::vector<value> items;
        LIBRARY_RETURN_IF_RAISED(in.to_list(slots[0], items));
        for (const auto& v : items) d->push_back(v);
    }
    return value::of(d);
}

// ---- defaultdict, Counter, OrderedDict ----------------------------------------------------

std::string plain_dict_repr(interpreter& in, const dict_object& dict) {
    std::string text = "{";
    bool first = true;
    for (const auto& entry : dict.entries) {
        if (!entry.alive) continue;
        text += (first ? "" : ", ") + in.repr(entry.key) + ": " + in.repr(entry.item);
        first = false;
    }
    return text + "}";
}

// Counter.most_common's order: by count, largest first, ties in insertion order.
value most_common_entries(interpreter& in, const dict_object& dict, std::vector<const dict_object::entry*>& out) {
    for (const auto& entry : dict.entries) {
        if (entry.alive) out.push_back(&entry);
    }
    value error;
    std::stable_sort(out.begin(), out.end(), [&](const dict_object::entry* a, const dict_object::entry* b) {
        if (error.is_raised()) return false;
        value greater = in.compare(compare_op::greater, a->item, b->item);
        if (greater.is_raised()) {
            error = greater;
            return false;
        }
        return greater.as_bool();
    });
    return error;
}

value counter_add(interpreter& in, dict_object& dict, const value& key, const value& amount, bool subtract = false) {
    std::int64_t hash = 0;
    LIBRARY_RETURN_IF_RAISED(in.hash_key(key, hash));
    value* current = dict.find(key, hash);
    value total = in.binary(subtract ? binary_op::subtract : binary_op::add, current ? *current : value::integer(0), amount);
    if (total.is_raised()) return total;
    dict.set(key, hash, total);
    return value();
}

// Counter.update / subtract / the constructor: counts an iterable, or adds a mapping's counts.
value counter_update(interpreter& in, dict_object& dict, call_arguments& args, std::size_t bound, bool subtract) {
    if (args.positional.size() > bound + 1) return in.raise_type_error("expected at most 1 arguments, got " + std::to_string(args.positional.size() - bound));
    if (args.positional.size() > bound) {
        const value& source = args.positional[bound];
        if (auto* other = source.as<dict_object>()) {
            for (const auto& entry : std::vector<dict_object::entry>(other->entries)) {
                if (entry.alive) LIBRARY_RETURN_IF_RAISED(counter_add(in, dict, entry.key, entry.item, subtract));
            }
        } else {
            std::vector<value> items;
            LIBRARY_RETURN_IF_RAISED(in.to_list(source, items));
            for (const auto& item : items) LIBRARY_RETURN_IF_RAISED(counter_add(in, dict, item, value::integer(1), subtract));
        }
    }
    for (const auto& [key, amount] : args.keywords) LIBRARY_RETURN_IF_RAISED(counter_add(in, dict, in.make_str(key), amount, subtract));
    return value();
}

value counter_method(interpreter& in, call_arguments& args, const std::string& name) {
    const value self = args.positional[0];
    auto& dict = *self.as<dict_object>();
    if (name == "update" || name == "subtract") return counter_update(in, dict, args, 1, name == "subtract");
    if (name == "most_common") {
        std::vector<value> slots;
        LIBRARY_RETURN_IF_RAISED(bind_parameters(in, args, 1, "most_common", {{"n"}}, slots));
        std::vector<const dict_object::entry*> entries;
        LIBRARY_RETURN_IF_RAISED(most_common_entries(in, dict, entries));
        std::size_t n = entries.size();
        if (!slots[0].is_unbound() && !slots[0].is_none()) {
            std::int64_t limit = 0;
            LIBRARY_RETURN_IF_RAISED(int_argument(in, slots[0], limit));
            n = std::min(n, std::size_t(std::max<std::int64_t>(limit, 0)));
        }
        std::vector<value> pairs;
        for (std::size_t i = 0; i < n; ++i) pairs.push_back(in.make_tuple({entries[i]->key, entries[i]->item}));
        return in.make_list(std::move(pairs));
    }
    if (name == "total") {
        value total = value::integer(0);
        for (const auto& entry : dict.entries) {
            if (!entry.alive) continue;
            total = in.binary(binary_op::add, total, entry.item);
            if (total.is_raised()) return total;
        }
        return total;
    }
    if (name == "elements") {
        std::vector<value> items;
        for (const auto& entry : dict.entries) {
            if (!entry.alive || !entry.item.is_int_like()) continue;
            for (std::int64_t i = 0; i < entry.item.as_int(); ++i) items.push_back(entry.key);
        }
        return in.make_iterator(in.make_list(std::move(items)));
    }
    return in.raise_type_error("unknown Counter method");
}

// ---- namedtuple -------------------------------------------------------------------------

value named_tuple_asdict(interpreter& in, const tuple_object& tuple) {
    auto dict = make_object<dict_object>();
    for (std::size_t i = 0; i < tuple.items.size() && i < tuple.named_type->field_names.size(); ++i) {
        value key = in.make_str(tuple.named_type->field_names[i]);
        std::int64_t hash = 0;
        in.hash_key(key, hash);
        dict->set(key, hash, tuple.items[i]);
    }
    return value::of(dict);
}

value field_tuple(interpreter& in, const type_object& type) {
    std::vector<value> names;
    for (const auto& field : type.field_names) names.push_back(in.make_str(field));
    return in.make_tuple(std::move(names));
}

// Splits "x y" or "x, y" or an iterable of names.
value field_list(interpreter& in, const value& spec, std::vector<std::string>& fields) {
    if (auto* s = spec.as<str_object>()) {
        std::string current;
        for (char c : s->value + " ") {
            if (c == ',' || c == ' ') {
                if (!current.empty()) fields.push_back(current);
                current.clear();
            } else {
                current += c;
            }
        }
    } else {
        std::vector<value> names;
        LIBRARY_RETURN_IF_RAISED(in.to_list(spec, names));
        for (const auto& n : names) {
            auto* text = n.as<str_object>();
            if (!text) return in.raise_type_error("Type names and field names must be strings");
            fields.push_back(text->value);
        }
    }
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const std::string& f = fields[i];
        const bool identifier = !f.empty() && !std::isdigit(static_cast<unsigned char>(f[0])) &&
                                std::all_of(f.begin(), f.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || (c & 0x80); });
        if (!identifier) return in.raise_value_error("Type names and field names must be valid identifiers: " + in.repr(in.make_str(f)));
        if (f[0] == '_') return in.raise_value_error("Field names cannot start with an underscore: " + in.repr(in.make_str(f)));
        if (std::find(fields.begin(), fields.begin() + std::ptrdiff_t(i), f) != fields.begin() + std::ptrdiff_t(i)) {
            return in.raise_value_error("Encountered duplicate field name: " + in.repr(in.make_str(f)));
        }
    }
    return value();
}

value make_namedtuple_type(interpreter& in, call_arguments& args) {
    value defaults = args.take("defaults", value());
    args.take("rename");
    value module_name = args.take("module", value());
    std::vector<value> slots;
    LIBRARY_RETURN_IF_RAISED(bind_parameters(in, args, 0, "namedtuple", {{"typename", parameter_spec::kind::positional_or_keyword, true},
                                                                         {"field_names", parameter_spec::kind::positional_or_keyword, true}}, slots));
    auto* name = slots[0].as<str_object>();
    if (!name) return in.raise_type_error("Type names and field names must be strings");
    std::vector<std::string> fields;
    LIBRARY_RETURN_IF_RAISED(field_list(in, slots[1], fields));
    std::vector<value> default_values;
    if (!defaults.is_none()) LIBRARY_RETURN_IF_RAISED(in.to_list(defaults, default_values));
    if (default_values.size() > fields.size()) return in.raise_type_error("Got more default values than field names");
    auto type = std::make_shared<type_object>(name->value, in.types().tuple, module_name.as<str_object>() ? module_name.as<str_object>()->value : "__main__");
    type->field_names = fields;
    std::weak_ptr<type_object> weak = type;
    type->construct = [weak, default_values](interpreter& in, call_arguments& call) -> value {
        auto self_type = weak.lock();
        const auto& names = self_type->field_names;
        std::vector<value> items(names.size(), value::unbound());
        if (call.positional.size() > names.size()) {
            return in.raise_type_error(self_type->name + ".__new__() takes " + std::to_string(names.size() + 1) + " positional arguments but " +
                                       std::to_string(call.positional.size() + 1) + " were given");
        }
        for (std::size_t i = 0; i < call.positional.size(); ++i) items[i] = call.positional[i];
        for (const auto& [key, v] : call.keywords) {
            auto it = std::find(names.begin(), names.end(), key);
            if (it == names.end()) return in.raise_type_error(self_type->name + ".__new__() got an unexpected keyword argument '" + key + "'");
            const auto i = std::size_t(it - names.begin());
            if (!items[i].is_unbound()) return in.raise_type_error(self_type->name + ".__new__() got multiple values for argument '" + key + "'");
            items[i] = v;
        }
        const std::size_t first_default = names.size() - default_values.size();
        std::vector<std::string> missing;
        for (std::size_t i = 0; i < names.size(); ++i) {
            if (!items[i].is_unbound()) continue;
            if (i >= first_default) items[i] = default_values[i - first_default];
            else missing.push_back("'" + names[i] + "'");
        }
        if (!missing.empty()) {
            std::string list;
            for (std::size_t i = 0; i < missing.size(); ++i) {
                list += (i == 0 ? "" : i + 1 == missing.size() ? (missing.size() > 2 ? ", and " : " and ") : ", ") + missing[i];
            }
            return in.raise_type_error(self_type->name + ".__new__() missing " + std::to_string(missing.size()) + " required positional argument" +
                                       (missing.size() == 1 ? "" : "s") + ": " + list);
        }
        auto tuple = make_object<tuple_object>(std::move(items));
        tuple->named_type = self_type;
        return value::of(tuple);
    };
    return value::of(type);
}

type_ptr make_dict_type(interpreter& in, const char* name) { return std::make_shared<type_object>(name, in.types().dict, "collections"); }

value new_dict_of(const type_ptr& type) {
    auto dict = make_object<dict_object>();
    dict->subtype = type;
    return value::of(dict);
}

}  // namespace

std::string named_tuple_repr(interpreter& in, const tuple_object& tuple) {
    std::string text = tuple.named_type->name + "(";
    for (std::size_t i = 0; i < tuple.items.size(); ++i) {
        text += (i ? ", " : "") + (i < tuple.named_type->field_names.size() ? tuple.named_type->field_names[i] : "?") + "=" + in.repr(tuple.items[i]);
    }
    return text + ")";
}

std::string dict_subtype_repr(interpreter& in, const value& v) {
    auto& dict = *v.as<dict_object>();
    const std::string& name = dict.subtype->name;
    if (is_collections_type(dict.subtype, "defaultdict")) {
        return "defaultdict(" + in.repr(dict.default_factory) + ", " + plain_dict_repr(in, dict) + ")";
    }
    if (is_collections_type(dict.subtype, "Counter")) {
        if (dict.size() == 0) return "Counter()";
        std::vector<const dict_object::entry*> entries;
        if (most_common_entries(in, dict, entries).is_raised()) return "Counter(" + plain_dict_repr(in, dict) + ")";
        std::string text = "Counter({";
        for (std::size_t i = 0; i < entries.size(); ++i) text += (i ? ", " : "") + in.repr(entries[i]->key) + ": " + in.repr(entries[i]->item);
        return text + "})";
    }
    if (is_collections_type(dict.subtype, "OrderedDict")) {
        if (dict.size() == 0) return "OrderedDict()";
        std::string text = "OrderedDict([";
        bool first = true;
        for (const auto& entry : dict.entries) {
            if (!entry.alive) continue;
            text += (first ? "(" : ", (") + in.repr(entry.key) + ", " + in.repr(entry.item) + ")";
            first = false;
        }
        return text + "])";
    }
    return name + "(" + plain_dict_repr(in, dict) + ")";
}

value dict_missing(interpreter& in, const value& dict_value, const value& key, std::int64_t hash) {
    auto& dict = *dict_value.as<dict_object>();
    if (is_collections_type(dict.subtype, "Counter")) return value::integer(0);
    if (is_collections_type(dict.subtype, "defaultdict") && !dict.default_factory.is_none()) {
        call_arguments none;
        value made = in.call(dict.default_factory, none);
        if (made.is_raised()) return made;
        dict.set(key, hash, made);
        return made;
    }
    return value::raised(in.make_exception(in.types().key_error, {key}).as_object());
}

value collections_attribute(interpreter& in, const value& object, const std::string& name, bool& found) {
    found = true;
    if (auto* tuple = object.as<tuple_object>(); tuple && tuple->named_type) {
        const auto& names = tuple->named_type->field_names;
        auto it = std::find(names.begin(), names.end(), name);
        if (it != names.end()) return tuple->items[std::size_t(it - names.begin())];
        if (name == "_fields") return field_tuple(in, *tuple->named_type);
        if (name == "_asdict") {
            return bound_method(name, object, [](interpreter& in, call_arguments& args) { return named_tuple_asdict(in, *args.positional[0].as<tuple_object>()); });
        }
        if (name == "_replace") {
            return bound_method(name, object, [](interpreter& in, call_arguments& args) -> value {
                auto* self = args.positional[0].as<tuple_object>();
                const auto& names = self->named_type->field_names;
                std::vector<value> items = self->items;
                for (const auto& [key, v] : args.keywords) {
                    auto at = std::find(names.begin(), names.end(), key);
                    if (at == names.end()) return in.raise_value_error("Got unexpected field names: ['" + key + "']");
                    items[std::size_t(at - names.begin())] = v;
                }
                auto tuple = make_object<tuple_object>(std::move(items));
                tuple->named_type = self->named_type;
                return value::of(tuple);
            });
        }
    }
    if (auto* type = object.as<type_object>(); type && !type->field_names.empty()) {
        if (name == "_fields") return field_tuple(in, *type);
    }
    if (auto* dict = object.as<dict_object>(); dict && dict->subtype) {
        if (is_collections_type(dict->subtype, "defaultdict") && name == "default_factory") return dict->default_factory;
        if (is_collections_type(dict->subtype, "Counter") &&
            (name == "most_common" || name == "update" || name == "subtract" || name == "total" || name == "elements")) {
            return bound_method(name, object, [name](interpreter& in, call_arguments& args) { return counter_method(in, args, name); });
        }
    }
    found = false;
    return value();
}

value make_collections_module(interpreter& in) {
    auto module = make_object<module_object>("collections");
    auto deque_type = make_library_type(in, "deque", "collections", nullptr);
    std::weak_ptr<type_object> weak_deque = deque_type;
    deque_type->construct = [weak_deque](interpreter& in, call_arguments& args) { return construct_deque(in, args, weak_deque.lock()); };
    module->attributes["deque"] = value::of(deque_type);

    auto defaultdict_type = make_dict_type(in, "defaultdict");
    std::weak_ptr<type_object> weak_defaultdict = defaultdict_type;
    defaultdict_type->construct = [weak_defaultdict](interpreter& in, call_arguments& args) -> value {
        value made = new_dict_of(weak_defaultdict.lock());
        auto& dict = *made.as<dict_object>();
        if (!args.positional.empty()) {
            const value& factory = args.positional[0];
            const bool callable = factory.is_none() || factory.as<type_object>() || factory.as<function_object>() || factory.as<builtin_function_object>();
            if (!callable) return in.raise_type_error("first argument must be callable or None");
            dict.default_factory = factory;
        }
        if (args.positional.size() > 2) return in.raise_type_error("dict expected at most 1 argument, got " + std::to_string(args.positional.size() - 1));
        if (args.positional.size() == 2) LIBRARY_RETURN_IF_RAISED(dict_update_from(in, dict, args.positional[1]));
        for (const auto& [key, v] : args.keywords) LIBRARY_RETURN_IF_RAISED(in.set_item(made, in.make_str(key), v));
        return made;
    };
    module->attributes["defaultdict"] = value::of(defaultdict_type);

    auto counter_type = make_dict_type(in, "Counter");
    std::weak_ptr<type_object> weak_counter = counter_type;
    counter_type->construct = [weak_counter](interpreter& in, call_arguments& args) -> value {
        value made = new_dict_of(weak_counter.lock());
        LIBRARY_RETURN_IF_RAISED(counter_update(in, *made.as<dict_object>(), args, 0, false));
        return made;
    };
    module->attributes["Counter"] = value::of(counter_type);

    auto ordered_type = make_dict_type(in, "OrderedDict");
    std::weak_ptr<type_object> weak_ordered = ordered_type;
    ordered_type->construct = [weak_ordered](interpreter& in, call_arguments& args) -> value {
        value made = new_dict_of(weak_ordered.lock());
        if (args.positional.size() > 1) return in.raise_type_error("expected at most 1 arguments, got " + std::to_string(args.positional.size()));
        if (!args.positional.empty()) LIBRARY_RETURN_IF_RAISED(dict_update_from(in, *made.as<dict_object>(), args.positional[0]));
        for (const auto& [key, v] : args.keywords) LIBRARY_RETURN_IF_RAISED(in.set_item(made, in.make_str(key), v));
        return made;
    };
    module->attributes["OrderedDict"] = value::of(ordered_type);

    define_function(*module, "namedtuple", make_namedtuple_type);
    return value::of(module);
}

}  // namespace loopstep::python

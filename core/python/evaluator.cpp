// Expression and statement evaluation, sync and async (pairs with evaluator.hpp).
#include "evaluator.hpp"

#include <algorithm>

#include "suggestions.hpp"

namespace loopstep::python {

namespace {
bool raised(const value& v) { return v.is_raised(); }

outcome raised_outcome(value v) { return {flow::raised, std::move(v)}; }

exception_object* exception_of(const value& raised_value) {
    return static_cast<exception_object*>(raised_value.as_object().get());
}
}  // namespace

// ---- names ---------------------------------------------------------------------------

value evaluator::lookup_global(const std::string& name) {
    auto found = frame_.globals->names.find(name);
    if (found != frame_.globals->names.end()) return found->second;
    auto builtin = in_.builtins()->names.find(name);
    if (builtin != in_.builtins()->names.end()) return builtin->second;
    value error = in_.raise(in_.types().name_error, "name '" + name + "' is not defined");
    std::vector<std::string> candidates;
    if (frame_.definition) candidates = frame_.definition->locals;
    for (auto& [global, _] : frame_.globals->names) candidates.push_back(global);
    for (auto& [builtin_name, _] : in_.builtins()->names) candidates.push_back(builtin_name);
    std::string suggestion = suggest_name(name, candidates);
    if (!suggestion.empty()) exception_of(error)->note = ". Did you mean: '" + suggestion + "'?";
    return error;
}

value evaluator::load(const name_expr& n) {
    switch (n.binding.scope) {
        case name_scope::local: {
            const value& v = frame_.locals[n.binding.index];
            if (!v.is_unbound()) return v;
            break;
        }
        case name_scope::cell: {
            auto* cell = frame_.locals[n.binding.index].as<cell_object>();
            if (cell && !cell->content.is_unbound()) return cell->content;
            break;
        }
        case name_scope::free: {
            const value& v = (*frame_.closure)[n.binding.index]->content;
            if (!v.is_unbound()) return v;
            return in_.raise(in_.types().name_error, "cannot access free variable '" + n.id +
                                                         "' where it is not associated with a value in enclosing scope");
        }
        case name_scope::global:
        case name_scope::unresolved: return lookup_global(n.id);
    }
    return in_.raise(in_.types().unbound_local_error,
                     "cannot access local variable '" + n.id + "' where it is not associated with a value");
}

void evaluator::store(const name_binding& binding, const std::string& name, value v) {
    switch (binding.scope) {
        case name_scope::local: frame_.locals[binding.index] = std::move(v); return;
        case name_scope::cell: frame_.locals[binding.index].as<cell_object>()->content = std::move(v); return;
        case name_scope::free: (*frame_.closure)[binding.index]->content = std::move(v); return;
        case name_scope::global:
        case name_scope::unresolved: frame_.globals->names[name] = std::move(v); return;
    }
}

value evaluator::unpack(const sequence_expr& target, const value& v) {
    std::vector<value> items;
    value error = in_.to_list(v, items);
    if (raised(error)) {
        if (exception_of(error)->type == in_.types().type_error && !in_.is_instance(v, *in_.types().str)) {
            return in_.raise_type_error("cannot unpack non-iterable " + in_.type_name(v) + " object");
        }
        return error;
    }
    std::size_t star = target.elements.size();
    for (std::size_t i = 0; i < target.elements.size(); ++i) {
        if (target.elements[i]->kind == expr_kind::starred) star = i;
    }
    const std::size_t wanted = target.elements.size();
    if (star == wanted) {
        if (items.size() > wanted) {
            return in_.raise_value_error("too many values to unpack (expected " + std::to_string(wanted) + ")");
        }
        if (items.size() < wanted) {
            return in_.raise_value_error("not enough values to unpack (expected " + std::to_string(wanted) + ", got " +
                                         std::to_string(items.size()) + ")");
        }
        for (std::size_t i = 0; i < wanted; ++i) {
            value e = assign(*target.elements[i], items[i]);
            if (raised(e)) return e;
        }
        return value();
    }
    const std::size_t after = wanted - star - 1;
    if (items.size() < wanted - 1) {
        return in_.raise_value_error("not enough values to unpack (expected at least " + std::to_string(wanted - 1) +
                                     ", got " + std::to_string(items.size()) + ")");
    }
    for (std::size_t i = 0; i < star; ++i) {
        value e = assign(*target.elements[i], items[i]);
        if (raised(e)) return e;
    }
    std::vector<value> rest(items.begin() + star, items.end() - after);
    value e = assign(*static_cast<const starred_expr&>(*target.elements[star]).value, in_.make_list(std::move(rest)));
    if (raised(e)) return e;
    for (std::size_t i = 0; i < after; ++i) {
        e = assign(*target.elements[star + 1 + i], items[items.size() - after + i]);
        if (raised(e)) return e;
    }
    return value();
}

value evaluator::assign(const expr& target, const value& v) {
    switch (target.kind) {
        case expr_kind::name: {
            auto& n = static_cast<const name_expr&>(target);
            store(n.binding, n.id, v);
            return value();
        }
        case expr_kind::tuple:
        case expr_kind::list: return unpack(static_cast<const sequence_expr&>(target), v);
        case expr_kind::subscript: {
            auto& s = static_cast<const subscript_expr&>(target);
            value container = eval(*s.object);
            if (raised(container)) return container;
            value index = eval(*s.index);
            if (raised(index)) return index;
            return in_.set_item(container, index, v);
        }
        case expr_kind::attribute: {
            auto& a = static_cast<const attribute_expr&>(target);
            value object = eval(*a.object);
            if (raised(object)) return object;
            return in_.raise(in_.types().attribute_error,
                             "'" + in_.type_name(object) + "' object attribute '" + a.attribute + "' is read-only");
        }
        default: return in_.raise(in_.types().type_error, "cannot assign to this expression");
    }
}

// ---- expressions: sync -------------------------------------------------------------------

value evaluator::eval_unary(unary_op op, const value& operand) {
    switch (op) {
        case unary_op::logical_not: return value::boolean(!in_.truthy(operand));
        case unary_op::negate:
            if (operand.is_float()) return value::floating(-operand.as_float());
            if (operand.is_int_like()) {
                if (operand.as_int() == INT64_MIN) return in_.raise(in_.types().overflow_error, "integer overflow: the result does not fit in 64 bits (this lesson's limit)");
                return value::integer(-operand.as_int());
            }
            break;
        case unary_op::plus:
            if (operand.is_float()) return operand;
            if (operand.is_int_like()) return value::integer(operand.as_int());
            break;
        case unary_op::invert:
            if (operand.is_int_like()) return value::integer(~operand.as_int());
            break;
    }
    static const char* names[] = {"-", "+", "not", "~"};
    return in_.raise_type_error(std::string("bad operand type for unary ") + names[int(op)] + ": '" +
                                in_.type_name(operand) + "'");
}

namespace {
bool is_constant(const expr& e) {
    switch (e.kind) {
        case expr_kind::int_literal:
        case expr_kind::float_literal:
        case expr_kind::str_literal:
        case expr_kind::bool_literal:
        case expr_kind::none_literal: return true;
        default: return false;
    }
}

bool is_constant_set_display(const expr& e) {
    if (e.kind != expr_kind::set) return false;
    auto& elements = static_cast<const sequence_expr&>(e).elements;
    return elements.size() > 2 && std::all_of(elements.begin(), elements.end(), [](const expr_ptr& x) { return is_constant(*x); });
}
}  // namespace

value evaluator::eval_display(const expr& e, std::vector<value> items) {
    auto& elements = static_cast<const sequence_expr&>(e).elements;
    std::vector<value> flat;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (elements[i]->kind == expr_kind::starred) {
            value error = in_.to_list(items[i], flat);
            if (raised(error)) return error;
        } else {
            flat.push_back(std::move(items[i]));
        }
    }
    if (e.kind == expr_kind::list) return in_.make_list(std::move(flat));
    if (e.kind == expr_kind::tuple) return in_.make_tuple(std::move(flat));
    auto set = make_object<set_object>();
    for (auto& item : flat) {
        std::int64_t hash = 0;
        value error = in_.hash_key(item, hash);
        if (raised(error)) return error;
        set->add(item, hash);
    }
    if (is_constant_set_display(e)) {
        // CPython folds a display of 3+ constants into a frozenset constant, which its
        // compiler rebuilds once more in iteration order: members land where that puts them.
        auto rebuilt = make_object<set_object>();
        for (const auto& member : set->members()) {
            std::int64_t hash = 0;
            hash_of(member, hash);
            rebuilt->add(member, hash);
        }
        return value::of(rebuilt);
    }
    return value::of(set);
}

value evaluator::eval_dict(const dict_expr& d, std::vector<value> keys, std::vector<value> values) {
    auto dict = make_object<dict_object>();
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (!d.keys[i]) {
            auto* source = values[i].as<dict_object>();
            if (!source) return in_.raise_type_error("'" + in_.type_name(values[i]) + "' object is not a mapping");
            for (auto& entry : source->entries) {
                if (entry.alive) dict->set(entry.key, entry.hash, entry.item);
            }
            continue;
        }
        std::int64_t hash = 0;
        value error = in_.hash_key(keys[i], hash);
        if (raised(error)) return error;
        dict->set(keys[i], hash, std::move(values[i]));
    }
    return value::of(dict);
}

value evaluator::eval_slice(const slice_expr&, value lower, value upper, value step) {
    return value::of(make_object<slice_object>(std::move(lower), std::move(upper), std::move(step)));
}

value evaluator::collect_call_arguments(const call_expr& call, const std::vector<value>& arguments,
                                        const std::vector<value>& keyword_values, call_arguments& out) {
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        if (call.arguments[i]->kind == expr_kind::starred) {
            value error = in_.to_list(arguments[i], out.positional);
            if (raised(error)) return error;
        } else {
            out.positional.push_back(arguments[i]);
        }
    }
    for (std::size_t i = 0; i < keyword_values.size(); ++i) {
        const auto& keyword = call.keywords[i];
        if (!keyword.name.empty()) {
            out.keywords.emplace_back(keyword.name, keyword_values[i]);
            continue;
        }
        auto* mapping = keyword_values[i].as<dict_object>();
        if (!mapping) return in_.raise_type_error("argument after ** must be a mapping, not " + in_.type_name(keyword_values[i]));
        for (auto& entry : mapping->entries) {
            if (entry.alive) out.keywords.emplace_back(in_.str(entry.key), entry.item);
        }
    }
    return value();
}

value evaluator::eval_call(const call_expr& call, value callee, std::vector<value> arguments,
                           std::vector<value> keyword_values) {
    call_arguments collected;
    value error = collect_call_arguments(call, arguments, keyword_values, collected);
    if (raised(error)) return error;
    in_.set_call_line(call.where.line);  // after the arguments: their calls set it too
    value result = in_.call(callee, collected);
    return result;
}

value evaluator::format_field(const fstring_part& part, value v, std::string& out) {
    std::string spec;
    if (!part.format_spec.empty()) {
        value error = fstring_parts(part.format_spec, spec);
        if (raised(error)) return error;
    }
    if (!part.debug_text.empty()) out += part.debug_text;
    char conversion = part.conversion;
    if (!part.debug_text.empty() && conversion == 0 && spec.empty()) conversion = 'r';
    if (conversion == 'r' || conversion == 'a') v = in_.make_str(in_.repr(v));
    else if (conversion == 's') v = in_.make_str(in_.str(v));
    value text = builtin_format(in_, v, spec);
    if (raised(text)) return text;
    out += text.as<str_object>()->value;
    return value();
}

value evaluator::fstring_parts(const std::vector<fstring_part>& parts, std::string& out) {
    for (const auto& part : parts) {
        if (!part.value) {
            out += part.literal;
            continue;
        }
        value v = eval(*part.value);
        if (raised(v)) return v;
        value error = format_field(part, std::move(v), out);
        if (raised(error)) return error;
    }
    return value();
}

value evaluator::eval_fstring(const fstring_expr& f) {
    std::string out;
    value error = fstring_parts(f.parts, out);
    if (raised(error)) return error;
    return in_.make_str(std::move(out));
}

value evaluator::new_comprehension_result(const comprehension_expr& c) {
    switch (c.kind) {
        case expr_kind::set_comp: return value::of(make_object<set_object>());
        case expr_kind::dict_comp: return value::of(make_object<dict_object>());
        default: return in_.make_list({});
    }
}

value evaluator::add_to_comprehension(const comprehension_expr& c, value& result, value element, value item) {
    if (auto* list = result.as<list_object>()) {
        list->items.push_back(std::move(element));
        return value();
    }
    std::int64_t hash = 0;
    value error = in_.hash_key(element, hash);
    if (raised(error)) return error;
    if (c.kind == expr_kind::set_comp) result.as<set_object>()->add(element, hash);
    else result.as<dict_object>()->set(element, hash, std::move(item));
    return value();
}

value evaluator::finish_comprehension(const comprehension_expr& c, value result) {
    if (c.kind != expr_kind::generator) return result;
    // Generator expressions are consumed at once: the subset has no lazy generators.
    auto items = std::make_shared<std::vector<value>>(std::move(result.as<list_object>()->items));
    auto position = std::make_shared<std::size_t>(0);
    return value::of(make_object<iterator_object>(
        [items, position]() -> std::optional<value> {
            if (*position >= items->size()) return std::nullopt;
            return (*items)[(*position)++];
        },
        "generator"));
}

value evaluator::comprehension_level(const comprehension_expr& c, std::size_t level, value& result) {
    if (level == c.generators.size()) {
        value element = eval(*c.element);
        if (raised(element)) return element;
        value item;
        if (c.value) {
            item = eval(*c.value);
            if (raised(item)) return item;
        }
        return add_to_comprehension(c, result, std::move(element), std::move(item));
    }
    const auto& generator = c.generators[level];
    value iterable = eval(*generator.iterable);
    if (raised(iterable)) return iterable;
    value failure;
    value error = in_.iterate(iterable, [&](const value& item) {
        failure = assign(*generator.target, item);
        if (raised(failure)) return false;
        for (const auto& condition : generator.conditions) {
            value test = eval(*condition);
            if (raised(test)) {
                failure = test;
                return false;
            }
            if (!in_.truthy(test)) return true;
        }
        failure = comprehension_level(c, level + 1, result);
        return !raised(failure);
    });
    if (raised(error)) return error;
    return failure;
}

value evaluator::eval_comprehension(const comprehension_expr& c) {
    value result = new_comprehension_result(c);
    value error = comprehension_level(c, 0, result);
    if (raised(error)) return error;
    return finish_comprehension(c, std::move(result));
}

// eval() recurses once per nested call in the learner's program: its frame must stay
// small (the browser's stack is about 1 MB), so the bulky cases live in their own functions.
value evaluator::eval(const expr& e) {
    switch (e.kind) {
        case expr_kind::int_literal: return value::integer(static_cast<const int_literal&>(e).value);
        case expr_kind::float_literal: return value::floating(static_cast<const float_literal&>(e).value);
        case expr_kind::str_literal: return in_.make_str(static_cast<const str_literal&>(e).value);
        case expr_kind::bool_literal: return value::boolean(static_cast<const bool_literal&>(e).value);
        case expr_kind::none_literal: return value();
        case expr_kind::name: return load(static_cast<const name_expr&>(e));
        case expr_kind::fstring: return eval_fstring(static_cast<const fstring_expr&>(e));
        case expr_kind::list:
        case expr_kind::tuple:
        case expr_kind::set: return eval_sequence(e);
        case expr_kind::dict: return eval_dict_display(static_cast<const dict_expr&>(e));
        case expr_kind::list_comp:
        case expr_kind::set_comp:
        case expr_kind::dict_comp:
        case expr_kind::generator: return eval_comprehension(static_cast<const comprehension_expr&>(e));
        case expr_kind::unary: {
            auto& u = static_cast<const unary_expr&>(e);
            value operand = eval(*u.operand);
            if (raised(operand)) return operand;
            return eval_unary(u.op, operand);
        }
        case expr_kind::binary: return eval_binary(static_cast<const binary_expr&>(e));
        case expr_kind::bool_op: {
            auto& b = static_cast<const bool_op_expr&>(e);
            value v;
            for (const auto& operand : b.values) {
                v = eval(*operand);
                if (raised(v)) return v;
                if (in_.truthy(v) != b.is_and) return v;
            }
            return v;
        }
        case expr_kind::compare: return eval_compare(static_cast<const compare_expr&>(e));
        case expr_kind::call: return eval_call_expr(static_cast<const call_expr&>(e));
        case expr_kind::attribute: {
            auto& a = static_cast<const attribute_expr&>(e);
            value object = eval(*a.object);
            if (raised(object)) return object;
            return in_.get_attribute(object, a.attribute);
        }
        case expr_kind::subscript: return eval_subscript(static_cast<const subscript_expr&>(e));
        case expr_kind::slice: return eval_slice_expr(static_cast<const slice_expr&>(e));
        case expr_kind::conditional: {
            auto& c = static_cast<const conditional_expr&>(e);
            value test = eval(*c.test);
            if (raised(test)) return test;
            return eval(in_.truthy(test) ? *c.body : *c.orelse);
        }
        case expr_kind::lambda: return in_.make_function(static_cast<const lambda_expr&>(e).function, frame_);
        case expr_kind::await: return in_.raise(in_.types().runtime_error, "await evaluated synchronously (internal error)");
        case expr_kind::starred: return in_.raise_type_error("can't use starred expression here");
    }
    return value();
}

value evaluator::eval_sequence(const expr& e) {
    std::vector<value> items;
    for (const auto& element : static_cast<const sequence_expr&>(e).elements) {
        const expr& source = element->kind == expr_kind::starred ? *static_cast<const starred_expr&>(*element).value : *element;
        value v = eval(source);
        if (raised(v)) return v;
        items.push_back(std::move(v));
    }
    return eval_display(e, std::move(items));
}

value evaluator::eval_dict_display(const dict_expr& d) {
    std::vector<value> keys, values;
    for (std::size_t i = 0; i < d.values.size(); ++i) {
        value key;
        if (d.keys[i]) {
            key = eval(*d.keys[i]);
            if (raised(key)) return key;
        }
        value item = eval(*d.values[i]);
        if (raised(item)) return item;
        keys.push_back(std::move(key));
        values.push_back(std::move(item));
    }
    return eval_dict(d, std::move(keys), std::move(values));
}

value evaluator::eval_binary(const binary_expr& b) {
    value left = eval(*b.left);
    if (raised(left)) return left;
    value right = eval(*b.right);
    if (raised(right)) return right;
    return in_.binary(b.op, left, right);
}

value evaluator::eval_compare(const compare_expr& c) {
    value left = eval(*c.left);
    if (raised(left)) return left;
    for (std::size_t i = 0; i < c.ops.size(); ++i) {
        value right = eval(*c.comparators[i]);
        if (raised(right)) return right;
        value result = in_.compare(c.ops[i], left, right);
        if (raised(result) || !result.as_bool()) return result;
        left = std::move(right);
    }
    return value::boolean(true);
}

value evaluator::eval_call_expr(const call_expr& call) {
    value callee = eval(*call.function);
    if (raised(callee)) return callee;
    std::vector<value> arguments, keyword_values;
    for (const auto& argument : call.arguments) {
        const expr& source = argument->kind == expr_kind::starred ? *static_cast<const starred_expr&>(*argument).value : *argument;
        value v = eval(source);
        if (raised(v)) return v;
        arguments.push_back(std::move(v));
    }
    for (const auto& keyword : call.keywords) {
        value v = eval(*keyword.value);
        if (raised(v)) return v;
        keyword_values.push_back(std::move(v));
    }
    return eval_call(call, std::move(callee), std::move(arguments), std::move(keyword_values));
}

value evaluator::eval_subscript(const subscript_expr& s) {
    value object = eval(*s.object);
    if (raised(object)) return object;
    value index = eval(*s.index);
    if (raised(index)) return index;
    return in_.get_item(object, index);
}

value evaluator::eval_slice_expr(const slice_expr& s) {
    value parts[3];
    const expr* sources[3] = {s.lower.get(), s.upper.get(), s.step.get()};
    for (int i = 0; i < 3; ++i) {
        if (!sources[i]) continue;
        parts[i] = eval(*sources[i]);
        if (raised(parts[i])) return parts[i];
    }
    return eval_slice(s, parts[0], parts[1], parts[2]);
}

// ---- expressions: async (only nodes that contain an await get here) ---------------------

coro<value> evaluator::eval_child(const expr& e) {
    if (!e.contains_await) co_return eval(e);
    co_return co_await eval_async(e);
}

coro<value> evaluator::comprehension_level_async(const comprehension_expr& c, std::size_t level, value& result) {
    if (level == c.generators.size()) {
        value element = co_await eval_child(*c.element);
        if (raised(element)) co_return element;
        value item;
        if (c.value) {
            item = co_await eval_child(*c.value);
            if (raised(item)) co_return item;
        }
        co_return add_to_comprehension(c, result, std::move(element), std::move(item));
    }
    const auto& generator = c.generators[level];
    value iterable = co_await eval_child(*generator.iterable);
    if (raised(iterable)) co_return iterable;
    std::vector<value> items;
    value error = in_.to_list(iterable, items);
    if (raised(error)) co_return error;
    for (auto& item : items) {
        value failure = assign(*generator.target, item);
        if (raised(failure)) co_return failure;
        bool keep = true;
        for (const auto& condition : generator.conditions) {
            value test = co_await eval_child(*condition);
            if (raised(test)) co_return test;
            if (!in_.truthy(test)) {
                keep = false;
                break;
            }
        }
        if (!keep) continue;
        failure = co_await comprehension_level_async(c, level + 1, result);
        if (raised(failure)) co_return failure;
    }
    co_return value();
}

coro<value> evaluator::eval_comprehension_async(const comprehension_expr& c) {
    value result = new_comprehension_result(c);
    value error = co_await comprehension_level_async(c, 0, result);
    if (raised(error)) co_return error;
    co_return finish_comprehension(c, std::move(result));
}

coro<value> evaluator::eval_async(const expr& e) {
    switch (e.kind) {
        case expr_kind::await: {
            value awaitable = co_await eval_child(*static_cast<const await_expr&>(e).value);
            if (raised(awaitable)) co_return awaitable;
            frame_.line = e.where.line;
            in_.at_line(e.where.line);  // an await further in, if any, overrides it: the innermost wins
            value result = co_await in_.await_value(std::move(awaitable));
            in_.reset_ticks();
            co_return result;
        }
        case expr_kind::call: {
            auto& call = static_cast<const call_expr&>(e);
            value callee = co_await eval_child(*call.function);
            if (raised(callee)) co_return callee;
            std::vector<value> arguments, keyword_values;
            for (const auto& argument : call.arguments) {
                const expr& source = argument->kind == expr_kind::starred ? *static_cast<const starred_expr&>(*argument).value : *argument;
                value v = co_await eval_child(source);
                if (raised(v)) co_return v;
                arguments.push_back(std::move(v));
            }
            for (const auto& keyword : call.keywords) {
                value v = co_await eval_child(*keyword.value);
                if (raised(v)) co_return v;
                keyword_values.push_back(std::move(v));
            }
            co_return eval_call(call, std::move(callee), std::move(arguments), std::move(keyword_values));
        }
        case expr_kind::binary: {
            auto& b = static_cast<const binary_expr&>(e);
            value left = co_await eval_child(*b.left);
            if (raised(left)) co_return left;
            value right = co_await eval_child(*b.right);
            if (raised(right)) co_return right;
            co_return in_.binary(b.op, left, right);
        }
        case expr_kind::unary: {
            auto& u = static_cast<const unary_expr&>(e);
            value operand = co_await eval_child(*u.operand);
            if (raised(operand)) co_return operand;
            co_return eval_unary(u.op, operand);
        }
        case expr_kind::bool_op: {
            auto& b = static_cast<const bool_op_expr&>(e);
            value v;
            for (const auto& operand : b.values) {
                v = co_await eval_child(*operand);
                if (raised(v)) co_return v;
                if (in_.truthy(v) != b.is_and) co_return v;
            }
            co_return v;
        }
        case expr_kind::compare: {
            auto& c = static_cast<const compare_expr&>(e);
            value left = co_await eval_child(*c.left);
            if (raised(left)) co_return left;
            for (std::size_t i = 0; i < c.ops.size(); ++i) {
                value right = co_await eval_child(*c.comparators[i]);
                if (raised(right)) co_return right;
                value result = in_.compare(c.ops[i], left, right);
                if (raised(result) || !result.as_bool()) co_return result;
                left = std::move(right);
            }
            co_return value::boolean(true);
        }
        case expr_kind::conditional: {
            auto& c = static_cast<const conditional_expr&>(e);
            value test = co_await eval_child(*c.test);
            if (raised(test)) co_return test;
            co_return co_await eval_child(in_.truthy(test) ? *c.body : *c.orelse);
        }
        case expr_kind::attribute: {
            auto& a = static_cast<const attribute_expr&>(e);
            value object = co_await eval_child(*a.object);
            if (raised(object)) co_return object;
            co_return in_.get_attribute(object, a.attribute);
        }
        case expr_kind::subscript: {
            auto& s = static_cast<const subscript_expr&>(e);
            value object = co_await eval_child(*s.object);
            if (raised(object)) co_return object;
            value index = co_await eval_child(*s.index);
            if (raised(index)) co_return index;
            co_return in_.get_item(object, index);
        }
        case expr_kind::list:
        case expr_kind::tuple:
        case expr_kind::set: {
            std::vector<value> items;
            for (const auto& element : static_cast<const sequence_expr&>(e).elements) {
                const expr& source = element->kind == expr_kind::starred ? *static_cast<const starred_expr&>(*element).value : *element;
                value v = co_await eval_child(source);
                if (raised(v)) co_return v;
                items.push_back(std::move(v));
            }
            co_return eval_display(e, std::move(items));
        }
        case expr_kind::dict: {
            auto& d = static_cast<const dict_expr&>(e);
            std::vector<value> keys, values;
            for (std::size_t i = 0; i < d.values.size(); ++i) {
                value key;
                if (d.keys[i]) {
                    key = co_await eval_child(*d.keys[i]);
                    if (raised(key)) co_return key;
                }
                value item = co_await eval_child(*d.values[i]);
                if (raised(item)) co_return item;
                keys.push_back(std::move(key));
                values.push_back(std::move(item));
            }
            co_return eval_dict(d, std::move(keys), std::move(values));
        }
        case expr_kind::list_comp:
        case expr_kind::set_comp:
        case expr_kind::dict_comp:
        case expr_kind::generator: co_return co_await eval_comprehension_async(static_cast<const comprehension_expr&>(e));
        case expr_kind::fstring: {
            std::string out;
            for (const auto& part : static_cast<const fstring_expr&>(e).parts) {
                if (!part.value) {
                    out += part.literal;
                    continue;
                }
                value v = co_await eval_child(*part.value);
                if (raised(v)) co_return v;
                value error = format_field(part, std::move(v), out);
                if (raised(error)) co_return error;
            }
            co_return in_.make_str(std::move(out));
        }
        default: co_return eval(e);
    }
}

// ---- statements ----------------------------------------------------------------------------

outcome evaluator::exec_block(const block& statements) {
    for (const auto& statement : statements) {
        outcome result = exec(*statement);
        if (result.kind != flow::normal) return result;
    }
    return {};
}

coro<outcome> evaluator::exec_block_async(const block& statements) {
    for (const auto& statement : statements) {
        // (no co_await inside ?: — g++ 12 destroys that branch's temporaries too early)
        outcome result;
        if (statement->contains_await) result = co_await exec_async(*statement);
        else result = exec(*statement);
        if (result.kind != flow::normal) co_return result;
    }
    co_return outcome{};
}

outcome evaluator::exec_assign(const assign_stmt& s, value v) {
    if (raised(v)) return raised_outcome(std::move(v));
    for (const auto& target : s.targets) {
        value error = assign(*target, v);
        if (raised(error)) return raised_outcome(std::move(error));
    }
    return {};
}

outcome evaluator::exec_aug_assign(const aug_assign_stmt& s, value current, value operand) {
    if (raised(current)) return raised_outcome(std::move(current));
    if (raised(operand)) return raised_outcome(std::move(operand));
    value result;
    // list += iterable extends in place, as list.__iadd__ does
    if (auto* list = current.as<list_object>(); list && s.op == binary_op::add) {
        std::vector<value> items;
        value error = in_.to_list(operand, items);
        if (raised(error)) return raised_outcome(std::move(error));
        if (!in_.fits(list->items.size() + items.size(), error)) return raised_outcome(std::move(error));
        list->items.insert(list->items.end(), items.begin(), items.end());
        result = current;
    } else {
        result = in_.binary(s.op, current, operand);
        if (raised(result)) return raised_outcome(std::move(result));
    }
    value error = assign(*s.target, result);
    if (raised(error)) return raised_outcome(std::move(error));
    return {};
}

outcome evaluator::exec_raise(const raise_stmt& s, value exception, value cause) {
    if (raised(exception)) return raised_outcome(std::move(exception));
    if (raised(cause)) return raised_outcome(std::move(cause));
    if (!s.exception) {
        if (frame_.handling.is_none()) return raised_outcome(in_.raise(in_.types().runtime_error, "No active exception to reraise"));
        return raised_outcome(value::raised(frame_.handling.as_object()));
    }
    if (auto* type = exception.as<type_object>()) {
        if (!type->is_subclass_of(*in_.types().base_exception)) {
            return raised_outcome(in_.raise_type_error("exceptions must derive from BaseException"));
        }
        call_arguments none;
        exception = in_.call(exception, none);
        if (raised(exception)) return raised_outcome(std::move(exception));
    }
    auto* object = exception.as<exception_object>();
    if (!object) return raised_outcome(in_.raise_type_error("exceptions must derive from BaseException"));
    if (s.cause) {
        if (cause.is_none()) {
            object->cause = value();
        } else {
            if (auto* cause_type = cause.as<type_object>()) {
                call_arguments none;
                cause = in_.call(cause, none);
                (void)cause_type;
            }
            object->cause = cause;
        }
        object->suppress_context = true;
    }
    object->traceback.clear();
    return raised_outcome(value::raised(exception.as_object()));
}

outcome evaluator::exec_assert(const assert_stmt& s) {
    value test = eval(*s.test);
    if (raised(test)) return raised_outcome(std::move(test));
    if (in_.truthy(test)) return {};
    std::vector<value> args;
    if (s.message) {
        value message = eval(*s.message);
        if (raised(message)) return raised_outcome(std::move(message));
        args.push_back(std::move(message));
    }
    return raised_outcome(value::raised(in_.make_exception(in_.types().assertion_error, std::move(args)).as_object()));
}

outcome evaluator::exec_import(const stmt& s) {
    if (s.kind == stmt_kind::import) {
        for (const auto& alias : static_cast<const import_stmt&>(s).names) {
            value module = in_.import_module(alias.name);
            if (raised(module)) return raised_outcome(std::move(module));
            store(alias.binding, alias.alias.empty() ? alias.name : alias.alias, module);
        }
        return {};
    }
    auto& from = static_cast<const import_from_stmt&>(s);
    value module = in_.import_module(from.module);
    if (raised(module)) return raised_outcome(std::move(module));
    for (const auto& alias : from.names) {
        value item = in_.get_attribute(module, alias.name);
        if (raised(item)) {
            return raised_outcome(in_.raise(in_.types().type_error, "cannot import name '" + alias.name + "' from '" + from.module + "'"));
        }
        store(alias.binding, alias.alias.empty() ? alias.name : alias.alias, item);
    }
    return {};
}

outcome evaluator::exec_for(const for_stmt& s) {
    value iterable = eval(*s.iterable);
    if (raised(iterable)) return raised_outcome(std::move(iterable));
    outcome result;
    bool broke = false;
    value error = in_.iterate(iterable, [&](const value& item) {
        value tick_error;
        if (!in_.tick(tick_error)) {
            result = raised_outcome(std::move(tick_error));
            return false;
        }
        value e = assign(*s.target, item);
        if (raised(e)) {
            result = raised_outcome(std::move(e));
            return false;
        }
        outcome body = exec_block(s.body);
        if (body.kind == flow::broke) {
            broke = true;
            return false;
        }
        if (body.kind == flow::returned || body.kind == flow::raised) {
            result = std::move(body);
            return false;
        }
        return true;
    });
    if (raised(error)) return raised_outcome(std::move(error));
    if (result.kind != flow::normal) return result;
    if (!broke) return exec_block(s.orelse);
    return {};
}

coro<outcome> evaluator::exec_for_async(const for_stmt& s) {
    value iterable = co_await eval_child(*s.iterable);
    if (raised(iterable)) co_return raised_outcome(std::move(iterable));
    value iterator = in_.make_iterator(iterable);
    if (raised(iterator)) co_return raised_outcome(std::move(iterator));
    auto* it = iterator.as<iterator_object>();
    for (;;) {
        std::optional<value> item = it->next();
        if (!item) break;
        if (raised(*item)) co_return raised_outcome(std::move(*item));
        value tick_error;
        if (!in_.tick(tick_error)) co_return raised_outcome(std::move(tick_error));
        value e = assign(*s.target, *item);
        if (raised(e)) co_return raised_outcome(std::move(e));
        outcome body = co_await exec_block_async(s.body);
        if (body.kind == flow::broke) co_return outcome{};
        if (body.kind == flow::returned || body.kind == flow::raised) co_return body;
    }
    co_return co_await exec_block_async(s.orelse);
}

outcome evaluator::exec(const stmt& s) {
    frame_.line = s.where.line;
    switch (s.kind) {
        case stmt_kind::expression: {
            value v = eval(*static_cast<const expression_stmt&>(s).value);
            if (raised(v)) return raised_outcome(std::move(v));
            return {};
        }
        case stmt_kind::assign: {
            auto& a = static_cast<const assign_stmt&>(s);
            return exec_assign(a, eval(*a.value));
        }
        case stmt_kind::aug_assign: {
            auto& a = static_cast<const aug_assign_stmt&>(s);
            value current = eval(*a.target);
            if (raised(current)) return raised_outcome(std::move(current));
            return exec_aug_assign(a, std::move(current), eval(*a.value));
        }
        case stmt_kind::if_: {
            auto& i = static_cast<const if_stmt&>(s);
            value test = eval(*i.test);
            if (raised(test)) return raised_outcome(std::move(test));
            return exec_block(in_.truthy(test) ? i.body : i.orelse);
        }
        case stmt_kind::while_: {
            auto& w = static_cast<const while_stmt&>(s);
            for (;;) {
                value tick_error;
                if (!in_.tick(tick_error)) return raised_outcome(std::move(tick_error));
                value test = eval(*w.test);
                if (raised(test)) return raised_outcome(std::move(test));
                if (!in_.truthy(test)) return exec_block(w.orelse);
                outcome body = exec_block(w.body);
                if (body.kind == flow::broke) return {};
                if (body.kind == flow::returned || body.kind == flow::raised) return body;
            }
        }
        case stmt_kind::for_: return exec_for(static_cast<const for_stmt&>(s));
        case stmt_kind::break_: return {flow::broke, {}};
        case stmt_kind::continue_: return {flow::continued, {}};
        case stmt_kind::pass: return {};
        case stmt_kind::return_: {
            auto& r = static_cast<const return_stmt&>(s);
            if (!r.value) return {flow::returned, value()};
            value v = eval(*r.value);
            if (raised(v)) return raised_outcome(std::move(v));
            return {flow::returned, std::move(v)};
        }
        case stmt_kind::function_def: {
            auto& d = static_cast<const function_def_stmt&>(s);
            value function = in_.make_function(d.function, frame_);
            if (raised(function)) return raised_outcome(std::move(function));
            store(d.binding, d.function->name, std::move(function));
            return {};
        }
        case stmt_kind::try_: return exec_try(static_cast<const try_stmt&>(s));
        case stmt_kind::raise: {
            auto& r = static_cast<const raise_stmt&>(s);
            value exception = r.exception ? eval(*r.exception) : value();
            value cause = r.cause && !raised(exception) ? eval(*r.cause) : value();
            return exec_raise(r, std::move(exception), std::move(cause));
        }
        case stmt_kind::assert_: return exec_assert(static_cast<const assert_stmt&>(s));
        case stmt_kind::with:
            return raised_outcome(in_.raise(in_.types().type_error, "'async with' outside async function"));
        case stmt_kind::import:
        case stmt_kind::import_from: return exec_import(s);
        case stmt_kind::global:
        case stmt_kind::nonlocal: return {};
    }
    return {};
}

coro<outcome> evaluator::exec_async(const stmt& s) {
    frame_.line = s.where.line;
    switch (s.kind) {
        case stmt_kind::expression: {
            value v = co_await eval_child(*static_cast<const expression_stmt&>(s).value);
            if (raised(v)) co_return raised_outcome(std::move(v));
            co_return outcome{};
        }
        case stmt_kind::assign: {
            auto& a = static_cast<const assign_stmt&>(s);
            value v = co_await eval_child(*a.value);
            co_return exec_assign(a, std::move(v));
        }
        case stmt_kind::aug_assign: {
            auto& a = static_cast<const aug_assign_stmt&>(s);
            value current = co_await eval_child(*a.target);
            if (raised(current)) co_return raised_outcome(std::move(current));
            value operand = co_await eval_child(*a.value);
            co_return exec_aug_assign(a, std::move(current), std::move(operand));
        }
        case stmt_kind::if_: {
            auto& i = static_cast<const if_stmt&>(s);
            value test = co_await eval_child(*i.test);
            if (raised(test)) co_return raised_outcome(std::move(test));
            co_return co_await exec_block_async(in_.truthy(test) ? i.body : i.orelse);
        }
        case stmt_kind::while_: {
            auto& w = static_cast<const while_stmt&>(s);
            for (;;) {
                value tick_error;
                if (!in_.tick(tick_error)) co_return raised_outcome(std::move(tick_error));
                value test = co_await eval_child(*w.test);
                if (raised(test)) co_return raised_outcome(std::move(test));
                if (!in_.truthy(test)) co_return co_await exec_block_async(w.orelse);
                outcome body = co_await exec_block_async(w.body);
                if (body.kind == flow::broke) co_return outcome{};
                if (body.kind == flow::returned || body.kind == flow::raised) co_return body;
            }
        }
        case stmt_kind::for_: co_return co_await exec_for_async(static_cast<const for_stmt&>(s));
        case stmt_kind::return_: {
            auto& r = static_cast<const return_stmt&>(s);
            value v = co_await eval_child(*r.value);
            if (raised(v)) co_return raised_outcome(std::move(v));
            co_return outcome{flow::returned, std::move(v)};
        }
        case stmt_kind::try_: co_return co_await exec_try_async(static_cast<const try_stmt&>(s));
        case stmt_kind::raise: {
            auto& r = static_cast<const raise_stmt&>(s);
            value exception;
            if (r.exception) exception = co_await eval_child(*r.exception);
            value cause;
            if (r.cause && !raised(exception)) cause = co_await eval_child(*r.cause);
            co_return exec_raise(r, std::move(exception), std::move(cause));
        }
        case stmt_kind::with: co_return co_await exec_with_async(static_cast<const with_stmt&>(s));
        case stmt_kind::assert_: {
            auto& a = static_cast<const assert_stmt&>(s);
            value test = co_await eval_child(*a.test);
            if (raised(test)) co_return raised_outcome(std::move(test));
            if (in_.truthy(test)) co_return outcome{};
            std::vector<value> args;
            if (a.message) {
                value message = co_await eval_child(*a.message);
                if (raised(message)) co_return raised_outcome(std::move(message));
                args.push_back(std::move(message));
            }
            co_return raised_outcome(value::raised(in_.make_exception(in_.types().assertion_error, std::move(args)).as_object()));
        }
        default: co_return exec(s);
    }
}

}  // namespace loopstep::python

namespace loopstep::python {

// ---- try / except / finally -------------------------------------------------------------

bool evaluator::handler_matches(const except_handler& handler, const value& exception, value& error) {
    if (!handler.type) return true;
    value types = eval(*handler.type);
    if (raised(types)) {
        error = types;
        return false;
    }
    std::vector<value> candidates;
    if (auto* tuple = types.as<tuple_object>()) candidates = tuple->items;
    else candidates.push_back(types);
    for (const auto& candidate : candidates) {
        auto* type = candidate.as<type_object>();
        if (!type || !type->is_subclass_of(*in_.types().base_exception)) {
            error = in_.raise_type_error("catching classes that do not inherit from BaseException is not allowed");
            return false;
        }
        if (in_.is_instance(exception, *type)) return true;
    }
    return false;
}

void evaluator::bind_handler_name(const except_handler& handler, const value& exception) {
    if (!handler.name.empty()) store(handler.binding, handler.name, exception);
}

void evaluator::unbind_handler_name(const except_handler& handler) {
    if (!handler.name.empty()) store(handler.binding, handler.name, value::unbound());
}

namespace {
void chain_context(const value& new_raised, const value& handled) {
    auto* fresh = static_cast<exception_object*>(new_raised.as_object().get());
    if (new_raised.as_object() != handled.as_object() && fresh->context.is_none()) fresh->context = handled;
}
}  // namespace

// except*: splits an exception group by the handler's types (one level deep).
value evaluator::split_group(const value& exception, const except_handler& handler, value& matched, value& rest) {
    auto* group = exception.as<exception_object>();
    std::vector<value> yes, no;
    for (const auto& member : group->group) {
        value error;
        if (handler_matches(handler, member, error)) yes.push_back(member);
        else if (raised(error)) return error;
        else no.push_back(member);
    }
    auto regroup = [&](std::vector<value> members) -> value {
        if (members.empty()) return value();
        value copy = in_.make_exception(group->type, group->args);
        copy.as<exception_object>()->group = std::move(members);
        return copy;
    };
    matched = regroup(std::move(yes));
    rest = regroup(std::move(no));
    return value();
}

outcome evaluator::finish_try(const try_stmt& s, outcome result) {
    if (s.finalbody.empty()) return result;
    value previous = frame_.handling;
    if (result.kind == flow::raised) frame_.handling = value::of(result.result.as_object());
    outcome final_result = exec_block(s.finalbody);
    frame_.handling = previous;
    if (final_result.kind == flow::normal) return result;
    if (final_result.kind == flow::raised && result.kind == flow::raised) chain_context(final_result.result, value::of(result.result.as_object()));
    return final_result;
}

namespace {
// Wraps a naked exception for except*, as CPython does.
value as_group(interpreter& in, const value& exception) {
    if (in.is_instance(exception, *in.types().base_exception_group)) return exception;
    value group = in.make_exception(in.types().exception_group, {in.make_str(""), in.make_list({exception})});
    group.as<exception_object>()->group = {exception};
    return group;
}
}  // namespace

// except*: each handler takes the members of the group it matches; what is left, and
// what the handlers raise, is raised again as a group.
outcome evaluator::handle_except_star(const try_stmt& s, outcome result) {
    const value exception = value::of(result.result.as_object());
    value rest = as_group(in_, exception);
    std::vector<value> raised_in_handlers;
    for (const auto& handler : s.handlers) {
        if (rest.is_none()) break;
        value matched, unmatched;
        value error = split_group(rest, handler, matched, unmatched);
        if (raised(error)) return raised_outcome(std::move(error));
        if (matched.is_none()) continue;
        rest = unmatched;
        value previous = frame_.handling;
        frame_.handling = matched;
        bind_handler_name(handler, matched);
        outcome handled = exec_block(handler.body);
        unbind_handler_name(handler);
        frame_.handling = previous;
        if (handled.kind == flow::raised) raised_in_handlers.push_back(value::of(handled.result.as_object()));
        else if (handled.kind != flow::normal) return handled;
    }
    if (raised_in_handlers.empty()) {
        if (rest.is_none()) return {};
        // Nothing matched a naked exception: it goes on as it was, not wrapped.
        const bool was_group = in_.is_instance(exception, *in_.types().base_exception_group);
        if (!was_group && rest.as<exception_object>()->group.size() == 1) return result;
        return raised_outcome(value::raised(rest.as_object()));
    }
    if (!rest.is_none()) raised_in_handlers.push_back(rest);
    value group = in_.make_exception(in_.types().exception_group, {in_.make_str(""), in_.make_list(raised_in_handlers)});
    group.as<exception_object>()->group = std::move(raised_in_handlers);
    return raised_outcome(value::raised(group.as_object()));
}

outcome evaluator::exec_try(const try_stmt& s) {
    outcome result = exec_block(s.body);
    if (result.kind == flow::normal) return finish_try(s, exec_block(s.orelse));
    if (result.kind != flow::raised) return finish_try(s, std::move(result));
    const value exception = value::of(result.result.as_object());
    if (s.is_star) return finish_try(s, handle_except_star(s, std::move(result)));
    for (const auto& handler : s.handlers) {
        value error;
        if (!handler_matches(handler, exception, error)) {
            if (raised(error)) {
                chain_context(error, exception);
                return finish_try(s, raised_outcome(std::move(error)));
            }
            continue;
        }
        value previous = frame_.handling;
        frame_.handling = exception;
        bind_handler_name(handler, exception);
        outcome handled = exec_block(handler.body);
        unbind_handler_name(handler);
        frame_.handling = previous;
        if (handled.kind == flow::raised) chain_context(handled.result, exception);
        return finish_try(s, std::move(handled));
    }
    return finish_try(s, std::move(result));
}

coro<outcome> evaluator::exec_try_async(const try_stmt& s) {
    outcome result = co_await exec_block_async(s.body);
    if (result.kind == flow::normal) result = co_await exec_block_async(s.orelse);
    else if (result.kind == flow::raised && !s.is_star) {
        const value exception = value::of(result.result.as_object());
        for (const auto& handler : s.handlers) {
            value error;
            if (!handler_matches(handler, exception, error)) {
                if (raised(error)) {
                    chain_context(error, exception);
                    result = raised_outcome(std::move(error));
                    break;
                }
                continue;
            }
            value previous = frame_.handling;
            frame_.handling = exception;
            bind_handler_name(handler, exception);
            outcome handled = co_await exec_block_async(handler.body);
            unbind_handler_name(handler);
            frame_.handling = previous;
            if (handled.kind == flow::raised) chain_context(handled.result, exception);
            result = std::move(handled);
            break;
        }
    } else if (result.kind == flow::raised) {
        // except* with awaits in its handlers is rare in lessons: run the handlers synchronously
        // unless they await (then report it clearly).
        for (const auto& handler : s.handlers) {
            for (const auto& statement : handler.body) {
                if (statement->contains_await) {
                    co_return raised_outcome(in_.raise(in_.types().runtime_error, "await inside an except* block is not supported in this lesson"));
                }
            }
        }
        result = handle_except_star(s, std::move(result));
    }
    if (s.finalbody.empty()) co_return result;
    value previous = frame_.handling;
    if (result.kind == flow::raised) frame_.handling = value::of(result.result.as_object());
    outcome final_result = co_await exec_block_async(s.finalbody);
    frame_.handling = previous;
    if (final_result.kind == flow::normal) co_return result;
    if (final_result.kind == flow::raised && result.kind == flow::raised) chain_context(final_result.result, value::of(result.result.as_object()));
    co_return final_result;
}

// ---- async with: Lock, Semaphore, timeout, TaskGroup ---------------------------------------

coro<outcome> evaluator::exec_with_async(const with_stmt& s) {
    if (!s.is_async) co_return raised_outcome(in_.raise(in_.types().type_error, "only 'async with' is supported"));
    if (s.items.size() > 1) co_return raised_outcome(in_.raise(in_.types().runtime_error, "'async with' with several items is not supported in this lesson: nest them"));
    const with_item& item = s.items.front();
    value context = co_await eval_child(*item.context);
    if (raised(context)) co_return raised_outcome(std::move(context));
    in_.at_line(s.where.line);  // entering may wait (a Lock, a Semaphore)
    value entered = co_await in_.enter_async_context(context);
    if (raised(entered)) co_return raised_outcome(std::move(entered));
    outcome body;
    if (item.target) {
        value error = assign(*item.target, entered);
        if (raised(error)) body = raised_outcome(std::move(error));
    }
    if (body.kind == flow::normal) body = co_await exec_block_async(s.body);
    in_.at_line(s.where.line);  // exiting may wait too (a TaskGroup waits for its tasks)
    co_return co_await in_.exit_async_context(context, std::move(body));
}

}  // namespace loopstep::python

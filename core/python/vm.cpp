// The VM loop (pairs with vm.hpp): fetches each instruction of the top frame and runs it.
// A raised exception is a value (CPython's NULL return): the loop looks the failing
// instruction up in the frame's exception table, and pops frames until one handles it.
#include "vm.hpp"

#include <algorithm>

#include "classes.hpp"
#include "generators.hpp"
#include "big_int_value.hpp"
#include "sets.hpp"
#include "suggestions.hpp"

namespace loopstep::python {

namespace {

exception_object* exception_of(const value& v) { return static_cast<exception_object*>(v.as_object().get()); }

// CPython's chaining: a new exception raised while one is handled gets it as __context__,
// without making a cycle.
[[gnu::noinline]] void chain_context(const value& raised_value, const frame_stack& stack) {
    value handled;
    for (auto it = stack.frames.rbegin(); it != stack.frames.rend(); ++it) {
        if (!(*it)->handling.is_none()) {
            handled = (*it)->handling;
            break;
        }
    }
    if (handled.is_none() || handled.as_object() == raised_value.as_object()) return;
    for (object* o = handled.as_object().get(); o;) {
        auto* e = static_cast<exception_object*>(o);
        if (e->context.is_object() && e->context.as_object() == raised_value.as_object()) {
            e->context = value();
            break;
        }
        o = e->context.is_object() ? e->context.as_object().get() : nullptr;
    }
    exception_of(raised_value)->context = handled;
}

[[gnu::noinline]] value name_not_defined(interpreter& in, const frame& f, const std::string& name) {
    value error = in.raise(in.types().name_error, "name '" + name + "' is not defined");
    const std::string suggestion = suggest_for_name_error(name, f.code->varnames_at(f.current()), f.globals->order);
    if (!suggestion.empty()) exception_of(error)->note = ". Did you mean: '" + suggestion + "'?";
    return error;
}

value lookup_global(interpreter& in, const frame& f, const std::string& name) {
    auto found = f.globals->names.find(name);
    if (found != f.globals->names.end() && !found->second.is_unbound()) return found->second;
    auto builtin = in.builtins()->names.find(name);
    if (builtin != in.builtins()->names.end()) return builtin->second;
    return name_not_defined(in, f, name);
}

value unbound_local(interpreter& in, const frame& f, int index) {
    return in.raise(in.types().unbound_local_error, "cannot access local variable '" + f.code->definition->locals[std::size_t(index)] +
                                                        "' where it is not associated with a value");
}

// Pushes the items of `sequence` for unpacking (the first on top), with a starred target's
// items gathered in a list.
value unpack(interpreter& in, const value& sequence, int arg, value_stack& stack) {
    std::vector<value> items;
    value error = in.to_list(sequence, items);
    if (error.is_raised()) {
        if (exception_of(error)->type == in.types().type_error && !in.is_instance(sequence, *in.types().str)) {
            return in.raise_type_error("cannot unpack non-iterable " + in.type_name(sequence) + " object");
        }
        return error;
    }
    const std::size_t wanted = std::size_t(arg & 0xffff);
    if (!(std::uint32_t(arg) & 0x80000000u)) {
        if (items.size() > wanted) return in.raise_value_error("too many values to unpack (expected " + std::to_string(wanted) + ")");
        if (items.size() < wanted) {
            return in.raise_value_error("not enough values to unpack (expected " + std::to_string(wanted) + ", got " +
                                        std::to_string(items.size()) + ")");
        }
        for (std::size_t i = items.size(); i-- > 0;) stack.push_back(std::move(items[i]));
        return value();
    }
    const std::size_t star = std::size_t((arg >> 16) & 0x7fff);
    const std::size_t after = wanted - star - 1;
    if (items.size() < wanted - 1) {
        return in.raise_value_error("not enough values to unpack (expected at least " + std::to_string(wanted - 1) + ", got " +
                                    std::to_string(items.size()) + ")");
    }
    for (std::size_t i = 0; i < after; ++i) stack.push_back(std::move(items[items.size() - 1 - i]));
    stack.push_back(in.make_list(std::vector<value>(items.begin() + std::ptrdiff_t(star), items.end() - std::ptrdiff_t(after))));
    for (std::size_t i = star; i-- > 0;) stack.push_back(std::move(items[i]));
    return value();
}

value add_to_set(interpreter& in, set_object& set, const value& item) {
    std::int64_t hash = 0;
    value error = in.hash_key(item, hash);
    if (error.is_raised()) return error;
    set.add(item, hash);
    return value();
}

value add_to_dict(interpreter& in, dict_object& dict, const value& key, value item) {
    std::int64_t hash = 0;
    value error = in.hash_key(key, hash);
    if (error.is_raised()) return error;
    dict.set(key, hash, std::move(item));
    return value();
}

// BUILD_SET adds the items in order; a display of constants is built as CPython builds it
// from its folded frozenset constant.
value build_set(interpreter& in, value* first, value* last, bool folded) {
    if (folded) return new_set_from_constants(in, std::vector<value>(first, last));
    auto set = make_object<set_object>();
    for (auto it = first; it != last; ++it) {
        value error = add_to_set(in, *set, *it);
        if (error.is_raised()) return error;
    }
    return value::of(set);
}

value format_value(interpreter& in, value v, int arg, const value* spec) {
    const char conversion = char(arg & 0xff);
    if (conversion == 'r' || conversion == 'a') v = in.make_str(in.repr(v));
    else if (conversion == 's') v = in.make_str(in.str(v));
    if (!spec && v.as<str_object>()) return v;
    return builtin_format(in, v, spec ? spec->as<str_object>()->value : std::string());
}

value import_from(interpreter& in, const value& module, const std::string& name, const std::string& module_name) {
    value item = in.get_attribute(module, name);
    if (!item.is_raised()) return item;
    // A name CPython's module has and the lesson's lacks says so; an unknown one is CPython's error.
    if (in.is_instance(value::of(item.as_object()), *in.types().not_supported_error)) return item;
    return in.raise(in.types().type_error, "cannot import name '" + name + "' from '" + module_name + "'");
}

value make_function(interpreter& in, frame& defining, int arg) {
    const std::size_t index = std::size_t(arg & 0xffff);
    const int default_count = arg >> 16;
    auto function = make_object<function_object>();
    function->definition = defining.code->function_defs[index];
    function->code = defining.code->functions[index];
    function->globals = defining.globals;
    function->qualified_name = function->definition->qualified_name;
    auto first_default = defining.stack.end() - default_count;
    for (const auto& parameter : function->definition->parameters) {
        function->defaults.push_back(parameter.default_value ? std::move(*first_default++) : value::unbound());
    }
    defining.stack.resize(defining.stack.size() - std::size_t(default_count));
    for (const auto& source : function->definition->free_sources) {
        std::shared_ptr<cell_object> cell;
        if (source.scope == name_scope::cell) {
            cell = std::static_pointer_cast<cell_object>(defining.locals[std::size_t(source.index)].as_object());
        } else if (source.scope == name_scope::free && defining.function) {
            cell = defining.closure()[std::size_t(source.index)];
        }
        if (!cell) cell = make_object<cell_object>();
        function->closure.push_back(std::move(cell));
    }
    in.register_function(function);
    return value::of(function);
}

// Fast paths for int arithmetic and comparisons (the rest goes through interpreter::binary).
bool small_int_binary(int op, std::int64_t a, std::int64_t b, value& out) {
    std::int64_t r = 0;
    switch (binary_op(op & 0xff)) {
        case binary_op::add:
            if (__builtin_add_overflow(a, b, &r)) return false;
            break;
        case binary_op::subtract:
            if (__builtin_sub_overflow(a, b, &r)) return false;
            break;
        case binary_op::multiply:
            if (__builtin_mul_overflow(a, b, &r)) return false;
            break;
        case binary_op::floor_divide:
            if (b == 0 || (a == INT64_MIN && b == -1)) return false;
            r = a / b;
            if ((a % b != 0) && ((a < 0) != (b < 0))) --r;
            break;
        case binary_op::modulo:
            if (b == 0 || b == -1) return false;
            r = a % b;
            if (r != 0 && ((r < 0) != (b < 0))) r += b;
            break;
        default: return false;
    }
    out = value::integer(r);
    return true;
}

bool small_int_compare(int op, std::int64_t a, std::int64_t b, value& out) {
    bool r = false;
    switch (compare_op(op)) {
        case compare_op::less: r = a < b; break;
        case compare_op::less_equal: r = a <= b; break;
        case compare_op::greater: r = a > b; break;
        case compare_op::greater_equal: r = a >= b; break;
        case compare_op::equal: r = a == b; break;
        case compare_op::not_equal: r = a != b; break;
        default: return false;
    }
    out = value::boolean(r);
    return true;
}

value binary(interpreter& in, int arg, const value& left, const value& right) {
    if (left.is_int() && right.is_int()) {
        value out;
        if (small_int_binary(arg, left.as_int(), right.as_int(), out)) return out;
    }
    // list += iterable extends in place, as list.__iadd__ does
    if ((arg & 0x100) && binary_op(arg & 0xff) == binary_op::add) {
        if (auto* list = left.as<list_object>()) {
            std::vector<value> items;
            value error = in.to_list(right, items);
            if (error.is_raised()) return error;
            if (!in.fits(list->items.size() + items.size(), error)) return error;
            list->items.insert(list->items.end(), items.begin(), items.end());
            return left;
        }
    }
    return in.binary(binary_op(arg & 0xff), left, right, arg & 0x100);
}

value unary(interpreter& in, unary_op op, const value& operand) {
    if (operand.as<big_int_object>() || (op == unary_op::negate && operand.is_int_like() && operand.as_int() == INT64_MIN)) {
        const big_int n = to_big_int(operand);
        if (op == unary_op::negate) return int_value(-n);
        if (op == unary_op::plus) return operand;
        if (op == unary_op::invert) return int_value(-n - big_int::from_int64(1));
    }
    switch (op) {
        case unary_op::logical_not: return value::boolean(!in.truthy(operand));
        case unary_op::negate:
            if (operand.is_float()) return value::floating(-operand.as_float());
            if (operand.is_int_like()) return value::integer(-operand.as_int());
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
    return in.raise_type_error(std::string("bad operand type for unary ") + names[int(op)] + ": '" + in.type_name(operand) + "'");
}

bool exception_matches(interpreter& in, const value& exception, const value& types, value& error) {
    std::vector<value> candidates;
    if (auto* tuple = types.as<tuple_object>()) candidates = tuple->items;
    else candidates.push_back(types);
    for (const auto& candidate : candidates) {
        auto* type = candidate.as<type_object>();
        if (!type || !type->is_subclass_of(*in.types().base_exception)) {
            error = in.raise_type_error("catching classes that do not inherit from BaseException is not allowed");
            return false;
        }
        if (in.is_instance(exception, *type)) return true;
    }
    return false;
}

// Wraps a naked exception for except*, as CPython does.
value as_group(interpreter& in, const value& exception) {
    if (in.is_instance(exception, *in.types().base_exception_group)) return exception;
    value group = in.make_exception(in.types().exception_group, {in.make_str(""), in.make_list({exception})});
    group.as<exception_object>()->group = {exception};
    return group;
}

value regroup(interpreter& in, const exception_object& group, std::vector<value> members) {
    if (members.empty()) return value();
    value copy = in.make_exception(group.type, group.args);
    copy.as<exception_object>()->group = std::move(members);
    return copy;
}

// except*: splits `rest` by `types` into what the handler takes and what is left.
value split_group(interpreter& in, value& rest, const value& types, value& matched) {
    matched = value();
    if (rest.is_none()) return value();
    auto* group = rest.as<exception_object>();
    std::vector<value> yes, no;
    for (const auto& member : group->group) {
        value error;
        if (exception_matches(in, member, types, error)) yes.push_back(member);
        else if (error.is_raised()) return error;
        else no.push_back(member);
    }
    matched = regroup(in, *group, std::move(yes));
    rest = regroup(in, *group, std::move(no));
    return value();
}

value except_star_result(interpreter& in, const value& original, const value& rest, std::vector<value> raised) {
    if (raised.empty()) {
        if (rest.is_none()) return value();
        // Nothing matched a naked exception: it goes on as it was, not wrapped.
        const bool was_group = in.is_instance(original, *in.types().base_exception_group);
        if (!was_group && rest.as<exception_object>()->group.size() == 1) return original;
        return rest;
    }
    if (!rest.is_none()) raised.push_back(rest);
    if (raised.size() == 1) return raised.front();  // one exception raised in a handler goes on unwrapped
    value group = in.make_exception(in.types().exception_group, {in.make_str(""), in.make_list(raised)});
    group.as<exception_object>()->group = std::move(raised);
    return group;
}

// CALL_FUNCTION_EX's arguments: `positional` is the list built for the call, or with
// `any_iterable` the x of f(*x), which must be iterable.
value call_arguments_from(interpreter& in, const value& callee, const value& positional, bool any_iterable, const value& keywords,
                          call_arguments& out) {
    if (auto* list = positional.as<list_object>(); list && !any_iterable) {
        out.positional = list->items;
    } else {
        value iterator = in.make_iterator(positional);
        if (iterator.is_raised()) {
            return in.raise_type_error(in.function_description(callee) + " argument after * must be an iterable, not " + in.type_name(positional));
        }
        value error = in.to_list(iterator, out.positional);
        if (error.is_raised()) return error;
    }
    for (const auto& entry : keywords.as<dict_object>()->entries) {
        if (!entry.alive) continue;
        auto* key = entry.key.as<str_object>();
        if (!key) return in.raise_type_error("keywords must be strings");
        out.keywords.emplace_back(key->value, entry.item);
    }
    return value();
}

// DICT_MERGE of a call's keywords: a mapping, no name twice.
value merge_call_keywords(interpreter& in, const value& callee, dict_object& target, const value& source) {
    auto* mapping = source.as<dict_object>();
    if (!mapping) {
        return in.raise_type_error(in.function_description(callee) + " argument after ** must be a mapping, not " + in.type_name(source));
    }
    for (const auto& entry : mapping->entries) {
        if (!entry.alive) continue;
        if (target.find(entry.key, entry.hash)) {
            auto* name = entry.key.as<str_object>();
            if (!name) return in.raise_type_error(in.function_description(callee) + " keywords must be strings");
            return in.raise_type_error(in.function_description(callee) + " got multiple values for keyword argument '" + name->value + "'");
        }
        target.set(entry.key, entry.hash, entry.item);
    }
    return value();
}

value dict_update(interpreter& in, dict_object& target, const value& source) {
    auto* mapping = source.as<dict_object>();
    if (!mapping) return in.raise_type_error("'" + in.type_name(source) + "' object is not a mapping");
    for (const auto& entry : mapping->entries) {
        if (entry.alive) target.set(entry.key, entry.hash, entry.item);
    }
    return value();
}

}  // namespace

namespace {

// A generator's frame returned `result` to `caller` (which resumed it as `delivery` says):
// a loop ends, a `yield from` has its value, an awaited __anext__ raises StopAsyncIteration.
// False with `error` set when the caller is to raise.
bool generator_returned(interpreter& in, frame& caller, generator_delivery delivery, value result, value& error) {
    switch (delivery) {
        case generator_delivery::for_loop:
            caller.stack.pop_back();
            caller.ip = std::uint32_t(caller.code->instructions[caller.ip - 1].arg);
            return true;
        case generator_delivery::delegation:
            caller.stack.back() = std::move(result);
            caller.ip = std::uint32_t(caller.code->instructions[caller.ip - 1].arg);
            return true;
        case generator_delivery::closing:
            caller.stack.push_back(value());
            return true;
        default:
            error = value::raised(in.make_exception(in.types().stop_async_iteration, {}).as_object());
            return false;
    }
}

}  // namespace

frame_ptr function_frame(const std::shared_ptr<function_object>& function, std::vector<value> locals) {
    auto f = std::make_shared<frame>();
    f->code = function->code;
    f->function = function;
    f->globals = function->globals;
    f->locals = std::move(locals);
    f->stack.reserve(function->code->max_stack);
    return f;
}

namespace {

// The loop returns to its caller every so many loop iterations and is entered again: a wasm
// engine has no on-stack replacement, so a loop that never left its first call would keep
// running the baseline compiler's code (V8's Liftoff) after the optimised code is ready.
constexpr std::uint32_t back_edges_per_slice = 4096;

// The instructions a hot loop rarely runs, out of the loop: they only work on the top frame's
// stack and return a raised value or nothing. Kept out of `execute` so that its code stays small
// (a wasm engine's optimising compiler takes time superlinear in a function's size).
[[gnu::noinline]] value run_uncommon(interpreter& in, frame& f, instruction ins) {
    auto& s = f.stack;
    value error;
    switch (ins.op) {
        case opcode::delete_fast: f.locals[std::size_t(ins.arg)] = value::unbound(); break;
        case opcode::load_cell: {
            auto* cell = f.locals[std::size_t(ins.arg)].as<cell_object>();
            if (!cell || cell->content.is_unbound()) {
                return unbound_local(in, f, ins.arg);
            }
            s.push_back(cell->content);
            break;
        }
        case opcode::store_cell:
            f.locals[std::size_t(ins.arg)].as<cell_object>()->content = std::move(s.back());
            s.pop_back();
            break;
        case opcode::load_free: {
            const value& v = f.closure()[std::size_t(ins.arg)]->content;
            if (v.is_unbound()) {
                return in.raise(in.types().name_error, "cannot access free variable '" + f.code->definition->free_names[std::size_t(ins.arg)] +
                                                            "' where it is not associated with a value in enclosing scope");
            }
            s.push_back(v);
            break;
        }
        case opcode::store_free:
            f.closure()[std::size_t(ins.arg)]->content = std::move(s.back());
            s.pop_back();
            break;
        case opcode::store_attr: {
            value result = in.set_attribute(s.back(), f.code->names[std::size_t(ins.arg)], s[s.size() - 2]);
            s.resize(s.size() - 2);
            if (result.is_raised()) return result;
            break;
        }
        case opcode::load_name: {
            const std::string& name = f.code->names[std::size_t(ins.arg)];
            if (const value* v = f.names ? f.names->find(name) : nullptr) {
                s.push_back(*v);
                break;
            }
            value v = lookup_global(in, f, name);
            if (v.is_raised()) return v;
            s.push_back(std::move(v));
            break;
        }
        case opcode::store_name:
            if (s.back().is_unbound()) f.names->erase(f.code->names[std::size_t(ins.arg)]);
            else f.names->set(f.code->names[std::size_t(ins.arg)], std::move(s.back()));
            s.pop_back();
            break;
        case opcode::load_build_class: {
            value v = lookup_global(in, f, "__build_class__");
            if (v.is_raised()) return v;
            s.push_back(std::move(v));
            break;
        }
        case opcode::unpack_sequence: {
            const value sequence = std::move(s.back());
            s.pop_back();
            error = unpack(in, sequence, ins.arg, s);
            if (error.is_raised()) return error;
            break;
        }
        case opcode::build_set: {
            const int n = ins.arg & 0xffff;
            value set = build_set(in, s.end() - n, s.end(), ins.arg & 0x10000);
            s.resize(s.size() - std::size_t(n));
            if (set.is_raised()) return set;
            s.push_back(std::move(set));
            break;
        }
        case opcode::build_map: {
            auto dict = make_object<dict_object>();
            const std::size_t first = s.size() - 2 * std::size_t(ins.arg);
            for (std::size_t i = first; i < s.size(); i += 2) {
                error = add_to_dict(in, *dict, s[i], s[i + 1]);
                if (error.is_raised()) break;
            }
            s.resize(first);
            if (error.is_raised()) return error;
            s.push_back(value::of(dict));
            break;
        }
        case opcode::build_string: {
            std::string text;
            for (auto it = s.end() - ins.arg; it != s.end(); ++it) text += it->as<str_object>()->value;
            s.resize(s.size() - std::size_t(ins.arg));
            s.push_back(in.make_str(std::move(text)));
            break;
        }
        case opcode::build_slice: {
            auto slice = make_object<slice_object>(std::move(s[s.size() - 3]), std::move(s[s.size() - 2]), std::move(s.back()));
            s.resize(s.size() - 3);
            s.push_back(value::of(slice));
            break;
        }
        case opcode::list_extend: {
            value iterable = std::move(s.back());
            s.pop_back();
            value iterator = in.make_iterator(iterable);
            if (iterator.is_raised()) {
                return in.raise_type_error("Value after * must be an iterable, not " + in.type_name(iterable));
            }
            error = in.to_list(iterator, s[s.size() - std::size_t(ins.arg)].as<list_object>()->items);
            if (error.is_raised()) return error;
            break;
        }
        case opcode::set_add: {
            value item = std::move(s.back());
            s.pop_back();
            error = add_to_set(in, *s[s.size() - std::size_t(ins.arg)].as<set_object>(), item);
            if (error.is_raised()) return error;
            break;
        }
        case opcode::set_update: {
            value iterable = std::move(s.back());
            s.pop_back();
            error = set_update(in, *s[s.size() - std::size_t(ins.arg)].as<set_object>(), iterable);
            if (error.is_raised()) return error;
            break;
        }
        case opcode::map_add: {
            value item = std::move(s.back());
            value key = std::move(s[s.size() - 2]);
            s.resize(s.size() - 2);
            error = add_to_dict(in, *s[s.size() - std::size_t(ins.arg)].as<dict_object>(), key, std::move(item));
            if (error.is_raised()) return error;
            break;
        }
        case opcode::dict_update: {
            value source = std::move(s.back());
            s.pop_back();
            const std::size_t distance = std::size_t(ins.arg & 0xff);
            auto& target = *s[s.size() - distance].as<dict_object>();
            // In a call the stack holds [callee, positional, keywords]: the callee names the error.
            error = (ins.arg & 0x100) ? merge_call_keywords(in, s[s.size() - distance - 2], target, source) : dict_update(in, target, source);
            if (error.is_raised()) return error;
            break;
        }
        case opcode::list_to_tuple: s.back() = in.make_tuple(std::move(s.back().as<list_object>()->items)); break;
        case opcode::format_value: {
            const bool has_spec = ins.arg & 0x100;
            value spec;
            if (has_spec) {
                spec = std::move(s.back());
                s.pop_back();
            }
            value text = format_value(in, std::move(s.back()), ins.arg, has_spec ? &spec : nullptr);
            if (value repr_error = in.take_repr_error(); repr_error.is_raised()) text = std::move(repr_error);
            if (text.is_raised()) return text;
            s.back() = std::move(text);
            break;
        }
        case opcode::make_function: s.push_back(make_function(in, f, ins.arg)); break;
        case opcode::raise_assertion: {
            std::vector<value> args;
            if (ins.arg) {
                args.push_back(std::move(s.back()));
                s.pop_back();
            }
            return value::raised(in.make_exception(in.types().assertion_error, std::move(args)).as_object());
        }
        case opcode::raise_error:
            return in.raise_type_error(f.code->constants[std::size_t(ins.arg)].as<str_object>()->value);
        case opcode::before_with: {
            value exit;
            value entered = with_enter(in, s.back(), exit);
            if (entered.is_raised()) return entered;
            s.back() = std::move(exit);
            s.push_back(std::move(entered));
            break;
        }
        case opcode::with_exit: {
            value result = with_exit(in, s.back(), value());
            if (result.is_raised()) return result;
            s.back() = std::move(result);
            break;
        }
        case opcode::with_except: {
            value result = with_exit(in, s[s.size() - 3], s.back());
            if (result.is_raised()) return result;
            s.push_back(std::move(result));
            break;
        }
        case opcode::push_exc_info: {
            value exception = std::move(s.back());
            s.back() = f.handling;
            f.handling = exception;
            s.push_back(std::move(exception));
            break;
        }
        case opcode::pop_except:
            f.handling = std::move(s.back());
            s.pop_back();
            break;
        case opcode::check_exc_match: {
            value types = std::move(s.back());
            s.pop_back();
            const bool matched = exception_matches(in, s.back(), types, error);
            if (error.is_raised()) return error;
            s.push_back(value::boolean(matched));
            break;
        }
        case opcode::prepare_except_star: {
            value group = as_group(in, s.back());
            s.push_back(std::move(group));
            s.push_back(in.make_list({}));
            break;
        }
        case opcode::except_star_match: {
            value types = std::move(s.back());
            s.pop_back();
            value matched;
            error = split_group(in, s[s.size() - 2], types, matched);
            if (error.is_raised()) return error;
            s.push_back(std::move(matched));
            break;
        }
        case opcode::except_star_collect: {
            value raised = std::move(s.back());
            f.handling = std::move(s[s.size() - 2]);
            s.resize(s.size() - 2);
            s.back().as<list_object>()->items.push_back(std::move(raised));
            break;
        }
        case opcode::except_star_finish: {
            value result = except_star_result(in, s[s.size() - 3], s[s.size() - 2], std::move(s.back().as<list_object>()->items));
            s.resize(s.size() - 3);
            s.push_back(std::move(result));
            break;
        }
        case opcode::import_name: {
            value module = in.import_module(f.code->names[std::size_t(ins.arg)]);
            if (module.is_raised()) return module;
            s.push_back(std::move(module));
            break;
        }
        case opcode::import_from: {
            value item = import_from(in, s.back(), f.code->names[std::size_t(ins.arg & 0xffff)], f.code->names[std::size_t(ins.arg >> 16)]);
            if (item.is_raised()) return item;
            s.push_back(std::move(item));
            break;
        }
        case opcode::before_async_with: {
            value entering = in.async_context_enter(s.back());
            if (entering.is_raised()) return entering;
            s.push_back(std::move(entering));
            break;
        }
        case opcode::async_with_exit: {
            value exiting = in.async_context_exit(s.back(), value());
            if (exiting.is_raised()) return exiting;
            s.back() = std::move(exiting);
            break;
        }
        case opcode::async_with_except: {
            value exiting = in.async_context_exit(s[s.size() - 3], s.back());
            if (exiting.is_raised()) return exiting;
            s.push_back(std::move(exiting));
            break;
        }
        case opcode::get_yield_from_iter: {
            if (auto* generator = s.back().as<generator_object>(); generator && !generator->is_async) break;
            if (s.back().as<coroutine_object>()) {
                return in.raise_type_error("cannot 'yield from' a coroutine object in a non-coroutine generator");
            }
            value it = in.make_iterator(s.back());
            if (it.is_raised()) return it;
            s.back() = std::move(it);
            break;
        }
        case opcode::get_aiter: {
            value iterator = async_iterator_of(in, s.back());
            if (iterator.is_raised()) return iterator;
            s.back() = std::move(iterator);
            break;
        }
        case opcode::get_anext: {
            value awaitable = next_item_awaitable(in, s.back());
            if (awaitable.is_raised()) return awaitable;
            s.push_back(std::move(awaitable));
            break;
        }
        default: break;
    }
    return value();
}

// The loop's own errors and traceback entries, out of line: the code that builds their messages
// would otherwise sit in the loop, which runs everything else.
[[gnu::noinline, gnu::cold]] value raise_message(interpreter& in, const type_ptr& type, const char* message) {
    return in.raise(type, message);
}

[[gnu::noinline, gnu::cold]] value not_awaitable(interpreter& in, const value& awaitable) {
    return in.raise_type_error("object " + in.type_name(awaitable) + " can't be used in 'await' expression");
}

[[gnu::noinline, gnu::cold]] value no_send_attribute(interpreter& in, const value& object) {
    return in.raise(in.types().attribute_error, "'" + in.type_name(object) + "' object has no attribute 'send'");
}

[[gnu::noinline]] void add_traceback_entry(exception_object& exception, const frame& f) {
    exception.traceback.push_back({f.code->name, f.line()});
}

// The loop itself. `incoming` is a raised value to raise at the current instruction first
// (a failed await), or unbound.
// Leaves the instruction for the error path when `v` is a raised exception.
#define RAISE_IF(v)                \
    if ((v).is_raised()) {         \
        error = std::move(v);      \
        goto handle_error;         \
    }

// time.sleep in a worker thread (worker_threads.cpp): the thread's frames pause after the
// call, and the call's result (None) is what they are resumed with.
run_result pause_thread(interpreter& in) {
    in.thread_sleep_requested = false;
    return {run_status::suspended, value()};
}

run_result execute(interpreter& in, frame_stack& stack, value incoming) {
    interpreter::running_stack_guard running(in, stack);
    frame* f = stack.frames.back().get();
    value error;
    bool reraise = false;
    std::uint32_t back_edges_left = back_edges_per_slice;
    bool tracing_lines = in.tracing_lines();
    RAISE_IF(incoming);
    for (;;) {
    dispatch: {
        const instruction ins = f->code->instructions[f->ip++];
        if (tracing_lines) [[unlikely]] tracing_lines = in.note_line(stack, *f);
        auto& s = f->stack;
        switch (ins.op) {
            case opcode::nop: break;
            case opcode::pop_top: s.pop_back(); break;
            case opcode::copy: s.push_back(s[s.size() - std::size_t(ins.arg)]); break;
            case opcode::swap: std::swap(s.back(), s[s.size() - std::size_t(ins.arg)]); break;
            case opcode::load_const: s.push_back(f->code->constants[std::size_t(ins.arg)]); break;
            case opcode::load_fast: {
                const value& v = f->locals[std::size_t(ins.arg)];
                if (v.is_unbound()) {
                    error = unbound_local(in, *f, ins.arg);
                    goto handle_error;
                }
                s.push_back(v);
                break;
            }
            case opcode::store_fast:
                f->locals[std::size_t(ins.arg)] = std::move(s.back());
                s.pop_back();
                break;
            case opcode::load_global: {
                value v = lookup_global(in, *f, f->code->names[std::size_t(ins.arg)]);
                RAISE_IF(v);
                s.push_back(std::move(v));
                break;
            }
            case opcode::store_global:
                f->globals->set(f->code->names[std::size_t(ins.arg)], std::move(s.back()));
                s.pop_back();
                break;
            case opcode::load_attr: {
                value v = in.get_attribute(s.back(), f->code->names[std::size_t(ins.arg)]);
                RAISE_IF(v);
                s.back() = std::move(v);
                break;
            }
            case opcode::binary_subscr: {
                value v = in.get_item(s[s.size() - 2], s.back());
                s.pop_back();
                RAISE_IF(v);
                s.back() = std::move(v);
                break;
            }
            case opcode::store_subscr: {
                value v = in.set_item(s[s.size() - 2], s.back(), s[s.size() - 3]);
                s.resize(s.size() - 3);
                RAISE_IF(v);
                break;
            }
            case opcode::unary: {
                value v = unary(in, unary_op(ins.arg), s.back());
                RAISE_IF(v);
                s.back() = std::move(v);
                break;
            }
            case opcode::binary: {
                value v = binary(in, ins.arg, s[s.size() - 2], s.back());
                s.pop_back();
                RAISE_IF(v);
                s.back() = std::move(v);
                break;
            }
            case opcode::compare: {
                const value& left = s[s.size() - 2];
                const value& right = s.back();
                value v;
                if (!(left.is_int() && right.is_int() && small_int_compare(ins.arg, left.as_int(), right.as_int(), v))) {
                    v = in.compare(compare_op(ins.arg), left, right);
                }
                s.pop_back();
                RAISE_IF(v);
                s.back() = std::move(v);
                break;
            }
            case opcode::jump: f->ip = std::uint32_t(ins.arg); break;
            case opcode::jump_backward:
                if (!in.tick(error)) goto handle_error;
                f->ip = std::uint32_t(ins.arg);
                if (--back_edges_left == 0) return {run_status::sliced, value()};
                break;
            case opcode::pop_jump_if_false: {
                const bool truth = s.back().is_bool() ? s.back().as_bool() : in.truthy(s.back());
                s.pop_back();
                if (!truth) f->ip = std::uint32_t(ins.arg);
                break;
            }
            case opcode::pop_jump_if_true: {
                const bool truth = s.back().is_bool() ? s.back().as_bool() : in.truthy(s.back());
                s.pop_back();
                if (truth) f->ip = std::uint32_t(ins.arg);
                break;
            }
            case opcode::pop_jump_if_none: {
                const bool none = s.back().is_none();
                s.pop_back();
                if (none) f->ip = std::uint32_t(ins.arg);
                break;
            }
            case opcode::jump_if_false_or_pop:
                if (!in.truthy(s.back())) f->ip = std::uint32_t(ins.arg);
                else s.pop_back();
                break;
            case opcode::jump_if_true_or_pop:
                if (in.truthy(s.back())) f->ip = std::uint32_t(ins.arg);
                else s.pop_back();
                break;
            case opcode::get_iter: {
                if (auto* generator = s.back().as<generator_object>(); generator && !generator->is_async) break;  // its own iterator
                value it = in.make_iterator(s.back());
                RAISE_IF(it);
                s.back() = std::move(it);
                break;
            }
            case opcode::for_iter: {
                if (s.back().as<generator_object>()) {
                    // The generator's frame runs on this stack; its yield comes back as the item.
                    auto generator = std::static_pointer_cast<generator_object>(s.back().as_object());
                    switch (enter_generator(in, stack, generator, value(), generator_delivery::for_loop, error)) {
                        case generator_entry::finished:
                            s.pop_back();
                            f->ip = std::uint32_t(ins.arg);
                            break;
                        case generator_entry::failed: goto handle_error;
                        default: f = stack.frames.back().get(); break;
                    }
                    break;
                }
                std::optional<value> item = s.back().as<iterator_object>()->next();
                if (!item) {
                    s.pop_back();
                    f->ip = std::uint32_t(ins.arg);
                    break;
                }
                if (item->is_raised()) {
                    error = std::move(*item);
                    goto handle_error;
                }
                s.push_back(std::move(*item));
                break;
            }
            case opcode::build_list:
            case opcode::build_tuple: {
                std::vector<value> items(std::make_move_iterator(s.end() - ins.arg), std::make_move_iterator(s.end()));
                s.resize(s.size() - std::size_t(ins.arg));
                s.push_back(ins.op == opcode::build_list ? in.make_list(std::move(items)) : in.make_tuple(std::move(items)));
                break;
            }
            case opcode::list_append: {
                value item = std::move(s.back());
                s.pop_back();
                s[s.size() - std::size_t(ins.arg)].as<list_object>()->items.push_back(std::move(item));
                break;
            }
            case opcode::kw_names: f->kw_names = ins.arg; break;
            case opcode::call: {
                const std::size_t argc = std::size_t(ins.arg);
                const std::size_t callee_at = s.size() - argc - 1;
                call_arguments arguments;
                std::size_t positional = argc;
                if (f->kw_names >= 0) {
                    const auto& names = f->code->constants[std::size_t(f->kw_names)].as<tuple_object>()->items;
                    positional = argc - names.size();
                    for (std::size_t i = 0; i < names.size(); ++i) {
                        arguments.keywords.emplace_back(names[i].as<str_object>()->value, std::move(s[callee_at + 1 + positional + i]));
                    }
                    f->kw_names = -1;
                }
                arguments.positional.assign(std::make_move_iterator(s.begin() + std::ptrdiff_t(callee_at + 1)),
                                            std::make_move_iterator(s.begin() + std::ptrdiff_t(callee_at + 1 + positional)));
                value callee = std::move(s[callee_at]);
                s.resize(callee_at);
                in.set_call_line(f->line());
                if (auto* method = callee.as<method_object>(); method && method->function.as<function_object>()) {
                    arguments.positional.insert(arguments.positional.begin(), method->self);
                    callee = method->function;
                }
                if (auto* function = callee.as<function_object>(); function && !function->code->is_async && !function->code->is_generator) {
                    std::vector<value> locals;
                    error = in.bind_arguments(*function, arguments, locals);
                    if (error.is_raised()) goto handle_error;
                    if (stack.depth() >= in.options().recursion_limit) {
                        error = raise_message(in, in.types().recursion_error, "maximum recursion depth exceeded");
                        goto handle_error;
                    }
                    if (!in.tick(error)) goto handle_error;
                    stack.frames.push_back(function_frame(std::static_pointer_cast<function_object>(callee.as_object()), std::move(locals)));
                    f = stack.frames.back().get();
                    break;
                }
                value result = in.call(callee, arguments);
                RAISE_IF(result);
                if (in.thread_sleep_requested) [[unlikely]] return pause_thread(in);
                if (auto* made = result.as<coroutine_object>()) [[unlikely]] in.note_coroutine_made(*f, *made);
                if (interpreter::is_sync_object(result)) [[unlikely]] in.name_sync_object(*f, result);
                s.push_back(std::move(result));
                break;
            }
            case opcode::call_ex: {
                call_arguments arguments;
                error = call_arguments_from(in, s[s.size() - 3], s[s.size() - 2], ins.arg & 1, s.back(), arguments);
                value callee = std::move(s[s.size() - 3]);
                s.resize(s.size() - 3);
                if (error.is_raised()) goto handle_error;
                in.set_call_line(f->line());
                value result = in.call(callee, arguments);
                RAISE_IF(result);
                if (in.thread_sleep_requested) [[unlikely]] return pause_thread(in);
                s.push_back(std::move(result));
                break;
            }
            case opcode::return_value: {
                value result = std::move(s.back());
                s.pop_back();
                if (f->generator) {
                    const bool bottom = stack.frames.size() == 1;
                    auto generator = finish_generator(in, stack, error);
                    if (bottom) return {run_status::returned, std::move(result)};
                    f = stack.frames.back().get();
                    if (!generator_returned(in, *f, generator->delivery, std::move(result), error)) goto handle_error;
                    break;
                }
                if (stack.frames.size() == 1) {
                    in.at_line(f->line());  // the return: what a task's completion reports
                    return {run_status::returned, std::move(result)};
                }
                stack.frames.pop_back();
                f = stack.frames.back().get();
                f->stack.push_back(std::move(result));
                break;
            }
            case opcode::await: {
                value awaitable = std::move(s.back());
                s.pop_back();
                in.at_line(f->line());  // an await further in, if any, overrides it: the innermost wins
                if (auto* coroutine = awaitable.as<coroutine_object>()) {
                    if (coroutine->started) {
                        error = raise_message(in, in.types().runtime_error, "cannot reuse already awaited coroutine");
                        goto handle_error;
                    }
                    coroutine->started = true;  // entered, even if too deep to run: not "never awaited"
                    if (stack.depth() >= in.options().recursion_limit) {
                        error = raise_message(in, in.types().recursion_error, "maximum recursion depth exceeded");
                        goto handle_error;
                    }
                    stack.frames.push_back(std::move(coroutine->frame));
                    f = stack.frames.back().get();
                    break;
                }
                if (auto* step = awaitable.as<generator_step_object>()) {
                    // An async generator's frame runs on this stack; its yield is the await's result.
                    if (step->used) {
                        error = raise_message(in, in.types().runtime_error, "cannot reuse already awaited __anext__()/asend()");
                        goto handle_error;
                    }
                    step->used = true;
                    const auto delivery = step->closing ? generator_delivery::closing : generator_delivery::awaited;
                    switch (enter_generator(in, stack, step->generator, step->sent, delivery, error)) {
                        case generator_entry::finished:
                            if (!generator_returned(in, *f, delivery, value(), error)) goto handle_error;
                            break;
                        case generator_entry::failed: goto handle_error;
                        case generator_entry::pushed: f = stack.frames.back().get(); break;
                        case generator_entry::throwing:
                            f = stack.frames.back().get();
                            error = step->sent;
                            goto handle_error;
                    }
                    break;
                }
                if (awaitable.as<native_coroutine_object>() || awaitable.as<task_object>() || awaitable.as<future_object>()) {
                    return {run_status::suspended, std::move(awaitable)};
                }
                error = not_awaitable(in, awaitable);
                goto handle_error;
            }
            case opcode::raise: {
                if (ins.arg == 0) {
                    value handled;
                    for (auto it = stack.frames.rbegin(); it != stack.frames.rend() && handled.is_none(); ++it) handled = (*it)->handling;
                    if (handled.is_none()) {
                        error = raise_message(in, in.types().runtime_error, "No active exception to reraise");
                        goto handle_error;
                    }
                    error = value::raised(handled.as_object());
                    reraise = true;
                    goto handle_error;
                }
                value cause = ins.arg == 2 ? std::move(s.back()) : value();
                if (ins.arg == 2) s.pop_back();
                value exception = std::move(s.back());
                s.pop_back();
                error = in.exception_to_raise(std::move(exception), std::move(cause), ins.arg == 2);
                goto handle_error;
            }
            case opcode::reraise:
                error = value::raised(s.back().as_object());
                s.pop_back();
                reraise = true;
                goto handle_error;
            case opcode::pop_except_reraise:
                error = value::raised(s.back().as_object());
                f->handling = std::move(s[s.size() - 2]);
                s.resize(s.size() - 2);
                reraise = true;
                goto handle_error;
            case opcode::yield_value: {
                value yielded = std::move(s.back());
                s.pop_back();
                const bool bottom = stack.frames.size() == 1;
                auto generator = suspend_generator(stack);
                if (bottom) return {run_status::yielded, std::move(yielded)};
                f = stack.frames.back().get();
                if (generator->delivery == generator_delivery::closing) {
                    error = raise_message(in, in.types().runtime_error, "async generator ignored GeneratorExit");
                    goto handle_error;
                }
                f->stack.push_back(std::move(yielded));
                break;
            }
            case opcode::send: {
                value sent = std::move(s.back());
                s.pop_back();
                if (s.back().as<generator_object>()) {
                    auto generator = std::static_pointer_cast<generator_object>(s.back().as_object());
                    switch (enter_generator(in, stack, generator, std::move(sent), generator_delivery::delegation, error)) {
                        case generator_entry::finished:
                            s.back() = value();
                            f->ip = std::uint32_t(ins.arg);
                            break;
                        case generator_entry::failed: goto handle_error;
                        default: f = stack.frames.back().get(); break;
                    }
                    break;
                }
                if (!sent.is_none()) {
                    error = no_send_attribute(in, s.back());
                    goto handle_error;
                }
                std::optional<value> item = s.back().as<iterator_object>()->next();
                if (!item) {
                    s.back() = value();  // the value of the `yield from`
                    f->ip = std::uint32_t(ins.arg);
                    break;
                }
                RAISE_IF(*item);
                s.push_back(std::move(*item));
                break;
            }
            case opcode::end_async_for: {
                value exception = std::move(s.back());
                s.resize(s.size() - 2);
                if (!in.is_instance(exception, *in.types().stop_async_iteration)) {
                    error = value::raised(exception.as_object());
                    reraise = true;
                    goto handle_error;
                }
                break;
            }
            default: {
                value result = run_uncommon(in, *f, ins);
                RAISE_IF(result);
                break;
            }
        }
        continue;
    }
    handle_error: {
        // A new exception gets its context and this frame in its traceback; a re-raised one
        // keeps what it has.
        auto* exception = exception_of(error);
        if (!reraise) {
            chain_context(error, stack);
            add_traceback_entry(*exception, *f);
        } else if (exception->traceback.empty()) {
            add_traceback_entry(*exception, *f);
        }
        reraise = false;
        for (;;) {
            if (const exception_entry* entry = f->code->handler_for(f->current())) {
                f->stack.resize(entry->depth);
                f->stack.push_back(value::of(error.as_object()));
                f->ip = entry->handler;
                f->kw_names = -1;
                error = value();
                goto dispatch;
            }
            if (f->generator) {
                // Out of a generator's frame: it is finished, and the error goes to its caller.
                const bool bottom = stack.frames.size() == 1;
                const generator_delivery delivery = finish_generator(in, stack, error)->delivery;
                if (!error.is_raised()) {  // GeneratorExit ended an aclose(), as it should
                    if (bottom) return {run_status::returned, value()};
                    f = stack.frames.back().get();
                    if (!generator_returned(in, *f, delivery, value(), error)) goto handle_error;
                    goto dispatch;
                }
                exception = exception_of(error);
                if (bottom) return {run_status::raised, std::move(error)};
                f = stack.frames.back().get();
                add_traceback_entry(*exception, *f);
                continue;
            }
            if (stack.frames.size() == 1) {
                in.at_line(f->line());  // where it raised: what a task's failure reports
                return {run_status::raised, std::move(error)};
            }
            stack.frames.pop_back();
            f = stack.frames.back().get();
            add_traceback_entry(*exception, *f);
        }
    }
    }
}

#undef RAISE_IF

// Runs slice after slice until the stack returns, raises or suspends.
run_result execute_until_done(interpreter& in, frame_stack& stack, value incoming) {
    run_result result = execute(in, stack, std::move(incoming));
    while (result.status == run_status::sliced) result = execute(in, stack, value::unbound());
    return result;
}

}  // namespace

run_result run_frames(interpreter& in, frame_stack& stack) { return execute_until_done(in, stack, value::unbound()); }

run_result resume_frames(interpreter& in, frame_stack& stack, value sent) {
    if (sent.is_raised()) return execute_until_done(in, stack, std::move(sent));
    stack.frames.back()->stack.push_back(std::move(sent));
    return execute_until_done(in, stack, value::unbound());
}

}  // namespace loopstep::python

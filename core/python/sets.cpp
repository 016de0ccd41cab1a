// Set algebra following CPython 3.11's setobject.c step by step (pairs with sets.hpp).
#include "sets.hpp"

#include "method_arguments.hpp"

namespace loopstep::python {

namespace {

using set_ptr = std::shared_ptr<set_object>;

// Calls `each(key, hash)` for the members of `set` in table order.
template <class Each>
void for_each_member(const set_object& set, Each each) {
    for (const auto& entry : set.table) {
        if (entry.status == set_object::slot::state::active) each(entry.key, entry.hash);
    }
}

// Calls `each(key, hash)` for every item of an iterable, hashing it (unhashable: raised).
value for_each_hashed(interpreter& in, const value& iterable, const std::function<void(const value&, std::int64_t)>& each) {
    value error;
    value iteration = in.iterate(iterable, [&](const value& item) {
        std::int64_t hash = 0;
        error = in.hash_key(item, hash);
        if (error.is_raised()) return false;
        each(item, hash);
        return true;
    });
    return iteration.is_raised() ? iteration : error;
}

set_ptr copy_of(const set_object& set) {
    auto copy = make_object<set_object>();
    copy->merge(set);
    return copy;
}

bool same_object(const value& a, const value& b) { return a.is_object() && b.is_object() && a.as_object() == b.as_object(); }

// set_intersection: the smaller set is iterated and looked up in the larger one.
value intersection(interpreter& in, const value& self, const value& other) {
    const set_object& so = *self.as<set_object>();
    if (same_object(self, other)) return value::of(copy_of(so));
    auto result = make_object<set_object>();
    if (auto* other_set = other.as<set_object>()) {
        const set_object* larger = &so;
        const set_object* smaller = other_set;
        if (other_set->used > so.used) std::swap(larger, smaller);
        for_each_member(*smaller, [&](const value& key, std::int64_t hash) {
            if (larger->contains(key, hash)) result->add(key, hash);
        });
        return value::of(result);
    }
    value error = for_each_hashed(in, other, [&](const value& key, std::int64_t hash) {
        if (so.contains(key, hash)) result->add(key, hash);
    });
    return error.is_raised() ? error : value::of(result);
}

// set_difference_update_internal
value difference_update(interpreter& in, const value& self, const value& other) {
    set_object& so = *self.as<set_object>();
    if (same_object(self, other)) {
        so.clear();
        return value();
    }
    if (auto* other_set = other.as<set_object>()) {
        for_each_member(*other_set, [&](const value& key, std::int64_t hash) { so.discard(key, hash); });
    } else {
        value error = for_each_hashed(in, other, [&](const value& key, std::int64_t hash) { so.discard(key, hash); });
        if (error.is_raised()) return error;
    }
    so.compact_if_many_dummies();
    return value();
}

value copy_and_difference(interpreter& in, const value& self, const value& other) {
    value result = value::of(copy_of(*self.as<set_object>()));
    value error = difference_update(in, result, other);
    return error.is_raised() ? error : result;
}

// set_difference: a big set minus a small one is copied and trimmed; otherwise the members
// of `self` missing from `other` are added to a new set.
value difference(interpreter& in, const value& self, const value& other) {
    const set_object& so = *self.as<set_object>();
    auto* other_set = other.as<set_object>();
    auto* other_dict = other.as<dict_object>();
    if (!other_set && !other_dict) return copy_and_difference(in, self, other);
    const std::size_t other_size = other_set ? other_set->used : other_dict->size();
    if ((so.used >> 2) > other_size) return copy_and_difference(in, self, other);
    auto result = make_object<set_object>();
    for_each_member(so, [&](const value& key, std::int64_t hash) {
        const bool in_other = other_set ? other_set->contains(key, hash) : other_dict->find(key, hash) != nullptr;
        if (!in_other) result->add(key, hash);
    });
    return value::of(result);
}

void toggle(set_object& so, const value& key, std::int64_t hash) {
    if (!so.discard(key, hash)) so.add(key, hash);
}

// set_symmetric_difference_update: each member of `other` is removed if present, else added.
value symmetric_difference_update(interpreter& in, const value& self, const value& other) {
    set_object& so = *self.as<set_object>();
    if (same_object(self, other)) {
        so.clear();
        return value();
    }
    if (auto* dict = other.as<dict_object>()) {
        for (const auto& entry : dict->entries) {
            if (entry.alive) toggle(so, entry.key, entry.hash);
        }
        return value();
    }
    value other_set = other;
    if (!other.as<set_object>()) {
        other_set = new_set(in, other);
        if (other_set.is_raised()) return other_set;
    }
    for_each_member(*other_set.as<set_object>(), [&](const value& key, std::int64_t hash) { toggle(so, key, hash); });
    return value();
}

// set_symmetric_difference: a copy of `other`, updated with `self`.
value symmetric_difference(interpreter& in, const value& self, const value& other) {
    value result = new_set(in, other);
    if (result.is_raised()) return result;
    value error = symmetric_difference_update(in, result, self);
    return error.is_raised() ? error : result;
}

value intersection_update(interpreter& in, const value& self, const value& other) {
    value result = intersection(in, self, other);
    if (result.is_raised()) return result;
    self.as<set_object>()->swap_contents(*result.as<set_object>());
    return value();
}

value union_of(interpreter& in, const value& self, const value& other) {
    value result = value::of(copy_of(*self.as<set_object>()));
    if (same_object(self, other)) return result;
    value error = set_update(in, *result.as<set_object>(), other);
    return error.is_raised() ? error : result;
}

value is_subset(interpreter& in, const value& self, const value& other) {
    if (!other.as<set_object>()) {
        value converted = new_set(in, other);
        if (converted.is_raised()) return converted;
        return is_subset(in, self, converted);
    }
    const set_object& so = *self.as<set_object>();
    const set_object& o = *other.as<set_object>();
    if (so.used > o.used) return value::boolean(false);
    bool all = true;
    for_each_member(so, [&](const value& key, std::int64_t hash) { all = all && o.contains(key, hash); });
    return value::boolean(all);
}

value is_superset(interpreter& in, const value& self, const value& other) {
    if (other.as<set_object>()) return is_subset(in, other, self);
    const set_object& so = *self.as<set_object>();
    bool all = true;
    value error = for_each_hashed(in, other, [&](const value& key, std::int64_t hash) { all = all && so.contains(key, hash); });
    return error.is_raised() ? error : value::boolean(all);
}

value is_disjoint(interpreter& in, const value& self, const value& other) {
    const set_object& so = *self.as<set_object>();
    if (same_object(self, other)) return value::boolean(so.used == 0);
    bool common = false;
    if (auto* other_set = other.as<set_object>()) {
        const set_object* larger = &so;
        const set_object* smaller = other_set;
        if (other_set->used > so.used) std::swap(larger, smaller);
        for_each_member(*smaller, [&](const value& key, std::int64_t hash) { common = common || larger->contains(key, hash); });
        return value::boolean(!common);
    }
    value error = for_each_hashed(in, other, [&](const value& key, std::int64_t hash) { common = common || so.contains(key, hash); });
    return error.is_raised() ? error : value::boolean(!common);
}

// ---- methods ----------------------------------------------------------------------------------

const value& self_of(const call_arguments& args) { return args.positional[0]; }
set_object& self_set(const call_arguments& args) { return *args.positional[0].as<set_object>(); }

#define CHECK_SET_ARGUMENTS(name, convention)                                                          \
    do {                                                                                               \
        value argument_error = check_method_arguments(in, args, "set", name, method_convention::convention); \
        if (argument_error.is_raised()) return argument_error;                                         \
    } while (false)

value method_add(interpreter& in, call_arguments& args) {
    CHECK_SET_ARGUMENTS("add", one_argument);
    std::int64_t hash = 0;
    value error = in.hash_key(args.positional[1], hash);
    if (error.is_raised()) return error;
    self_set(args).add(args.positional[1], hash);
    return value();
}

value discard_member(interpreter& in, call_arguments& args, bool must_exist) {
    std::int64_t hash = 0;
    value error = in.hash_key(args.positional[1], hash);
    if (error.is_raised()) return error;
    if (!self_set(args).discard(args.positional[1], hash) && must_exist) {
        return value::raised(in.make_exception(in.types().key_error, {args.positional[1]}).as_object());
    }
    return value();
}

value method_remove(interpreter& in, call_arguments& args) {
    CHECK_SET_ARGUMENTS("remove", one_argument);
    return discard_member(in, args, true);
}

value method_discard(interpreter& in, call_arguments& args) {
    CHECK_SET_ARGUMENTS("discard", one_argument);
    return discard_member(in, args, false);
}

value method_pop(interpreter& in, call_arguments& args) {
    CHECK_SET_ARGUMENTS("pop", no_arguments);
    std::optional<value> member = self_set(args).pop();
    if (!member) return value::raised(in.make_exception(in.types().key_error, {in.make_str("pop from an empty set")}).as_object());
    return *member;
}

value method_clear(interpreter& in, call_arguments& args) {
    CHECK_SET_ARGUMENTS("clear", no_arguments);
    self_set(args).clear();
    return value();
}

value method_copy(interpreter& in, call_arguments& args) {
    CHECK_SET_ARGUMENTS("copy", no_arguments);
    return value::of(copy_of(self_set(args)));
}

value method_union(interpreter& in, call_arguments& args) {
    CHECK_SET_ARGUMENTS("union", var_arguments);
    value result = value::of(copy_of(self_set(args)));
    for (std::size_t i = 1; i < args.positional.size(); ++i) {
        if (same_object(self_of(args), args.positional[i])) continue;
        value error = set_update(in, *result.as<set_object>(), args.positional[i]);
        if (error.is_raised()) return error;
    }
    return result;
}

value method_update(interpreter& in, call_arguments& args) {
    CHECK_SET_ARGUMENTS("update", var_arguments);
    for (std::size_t i = 1; i < args.positional.size(); ++i) {
        value error = set_update(in, self_set(args), args.positional[i]);
        if (error.is_raised()) return error;
    }
    return value();
}

// set_intersection_multi: with no argument a copy, else one intersection after another.
value intersection_of_all(interpreter& in, call_arguments& args) {
    if (args.positional.size() == 1) return value::of(copy_of(self_set(args)));
    value result = self_of(args);
    for (std::size_t i = 1; i < args.positional.size(); ++i) {
        result = intersection(in, result, args.positional[i]);
        if (result.is_raised()) return result;
    }
    return result;
}

value method_intersection(interpreter& in, call_arguments& args) {
    CHECK_SET_ARGUMENTS("intersection", var_arguments);
    return intersection_of_all(in, args);
}

value method_intersection_update(interpreter& in, call_arguments& args) {
    CHECK_SET_ARGUMENTS("intersection_update", var_arguments);
    value result = intersection_of_all(in, args);
    if (result.is_raised()) return result;
    self_set(args).swap_contents(*result.as<set_object>());
    return value();
}

value method_difference(interpreter& in, call_arguments& args) {
    CHECK_SET_ARGUMENTS("difference", var_arguments);
    if (args.positional.size() == 1) return value::of(copy_of(self_set(args)));
    value result = difference(in, self_of(args), args.positional[1]);
    for (std::size_t i = 2; i < args.positional.size() && !result.is_raised(); ++i) {
        value error = difference_update(in, result, args.positional[i]);
        if (error.is_raised()) return error;
    }
    return result;
}

value method_difference_update(interpreter& in, call_arguments& args) {
    CHECK_SET_ARGUMENTS("difference_update", var_arguments);
    for (std::size_t i = 1; i < args.positional.size(); ++i) {
        value error = difference_update(in, self_of(args), args.positional[i]);
        if (error.is_raised()) return error;
    }
    return value();
}

value method_symmetric_difference(interpreter& in, call_arguments& args) {
    CHECK_SET_ARGUMENTS("symmetric_difference", one_argument);
    return symmetric_difference(in, self_of(args), args.positional[1]);
}

value method_symmetric_difference_update(interpreter& in, call_arguments& args) {
    CHECK_SET_ARGUMENTS("symmetric_difference_update", one_argument);
    return symmetric_difference_update(in, self_of(args), args.positional[1]);
}

value method_issubset(interpreter& in, call_arguments& args) {
    CHECK_SET_ARGUMENTS("issubset", one_argument);
    return is_subset(in, self_of(args), args.positional[1]);
}

value method_issuperset(interpreter& in, call_arguments& args) {
    CHECK_SET_ARGUMENTS("issuperset", one_argument);
    return is_superset(in, self_of(args), args.positional[1]);
}

value method_isdisjoint(interpreter& in, call_arguments& args) {
    CHECK_SET_ARGUMENTS("isdisjoint", one_argument);
    return is_disjoint(in, self_of(args), args.positional[1]);
}

}  // namespace

value set_update(interpreter& in, set_object& set, const value& iterable) {
    if (auto* other = iterable.as<set_object>()) {
        set.merge(*other);
        return value();
    }
    if (auto* dict = iterable.as<dict_object>()) {
        set.prepare_for(dict->size());
        for (const auto& entry : dict->entries) {
            if (entry.alive) set.add(entry.key, entry.hash);
        }
        return value();
    }
    return for_each_hashed(in, iterable, [&](const value& key, std::int64_t hash) { set.add(key, hash); });
}

value new_set(interpreter& in, const value& iterable) {
    auto set = make_object<set_object>();
    value error = set_update(in, *set, iterable);
    return error.is_raised() ? error : value::of(set);
}

value new_set_from_constants(interpreter& in, const std::vector<value>& items) {
    auto frozen = make_object<set_object>();
    for (const auto& item : items) {
        std::int64_t hash = 0;
        value error = in.hash_key(item, hash);
        if (error.is_raised()) return error;
        frozen->add(item, hash);
    }
    auto merged_constant = make_object<set_object>();
    for_each_member(*frozen, [&](const value& key, std::int64_t hash) { merged_constant->add(key, hash); });
    auto result = make_object<set_object>();
    result->merge(*merged_constant);
    return value::of(result);
}

value set_binary(interpreter& in, binary_op op, const value& left, const value& right, bool in_place) {
    if (!left.as<set_object>() || !right.as<set_object>()) return value::unbound();
    value error;
    switch (op) {
        case binary_op::bit_or:
            if (!in_place) return union_of(in, left, right);
            error = set_update(in, *left.as<set_object>(), right);
            break;
        case binary_op::bit_and:
            if (!in_place) return intersection(in, left, right);
            error = intersection_update(in, left, right);
            break;
        case binary_op::subtract:
            if (!in_place) return difference(in, left, right);
            error = difference_update(in, left, right);
            break;
        case binary_op::bit_xor:
            if (!in_place) return symmetric_difference(in, left, right);
            error = symmetric_difference_update(in, left, right);
            break;
        default: return value::unbound();
    }
    return error.is_raised() ? error : left;
}

value set_compare(interpreter& in, compare_op op, const value& left, const value& right) {
    auto* a = left.as<set_object>();
    auto* b = right.as<set_object>();
    if (!a || !b) return value::unbound();
    switch (op) {
        case compare_op::less_equal: return is_subset(in, left, right);
        case compare_op::greater_equal: return is_superset(in, left, right);
        case compare_op::less: return a->used < b->used ? is_subset(in, left, right) : value::boolean(false);
        case compare_op::greater: return a->used > b->used ? is_superset(in, left, right) : value::boolean(false);
        default: return value::unbound();
    }
}

const std::map<std::string, set_method>& set_method_table() {
    static const std::map<std::string, set_method> table = {
        {"add", method_add},
        {"remove", method_remove},
        {"discard", method_discard},
        {"pop", method_pop},
        {"clear", method_clear},
        {"copy", method_copy},
        {"union", method_union},
        {"update", method_update},
        {"intersection", method_intersection},
        {"intersection_update", method_intersection_update},
        {"difference", method_difference},
        {"difference_update", method_difference_update},
        {"symmetric_difference", method_symmetric_difference},
        {"symmetric_difference_update", method_symmetric_difference_update},
        {"issubset", method_issubset},
        {"issuperset", method_issuperset},
        {"isdisjoint", method_isdisjoint},
    };
    return table;
}

}  // namespace loopstep::python

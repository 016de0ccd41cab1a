// Hashing, equality and the dict/set tables (pairs with objects.hpp).
#include "objects.hpp"

#include "big_int_value.hpp"
#include "bytes_object.hpp"

#include <cmath>
#include <cstring>

namespace loopstep::python {

namespace {
constexpr std::uint64_t hash_modulus = (std::uint64_t{1} << 61) - 1;  // CPython's _PyHASH_MODULUS

std::int64_t hash_int(std::int64_t x) {
    const bool negative = x < 0;
    std::uint64_t magnitude = negative ? std::uint64_t(0) - std::uint64_t(x) : std::uint64_t(x);
    magnitude %= hash_modulus;
    std::int64_t h = negative ? -std::int64_t(magnitude) : std::int64_t(magnitude);
    return h == -1 ? -2 : h;
}

// CPython's _Py_HashDouble: integral floats hash like ints, others by their binary digits.
std::int64_t hash_float(double v) {
    if (std::isinf(v)) return v > 0 ? 314159 : -314159;
    if (std::isnan(v)) return 0;
    int exponent = 0;
    double mantissa = std::frexp(v, &exponent);
    int sign = 1;
    if (mantissa < 0) {
        sign = -1;
        mantissa = -mantissa;
    }
    std::uint64_t x = 0;
    while (mantissa != 0) {
        x = ((x << 28) & hash_modulus) | x >> (61 - 28);
        mantissa *= 268435456.0;  // 2**28
        exponent -= 28;
        const auto digit = static_cast<std::uint64_t>(mantissa);
        mantissa -= static_cast<double>(digit);
        x += digit;
        if (x >= hash_modulus) x -= hash_modulus;
    }
    exponent = exponent >= 0 ? exponent % 61 : 61 - 1 - ((-1 - exponent) % 61);
    x = ((x << exponent) & hash_modulus) | x >> (61 - exponent);
    std::int64_t h = std::int64_t(x) * sign;
    return h == -1 ? -2 : h;
}

std::int64_t hash_bytes(const std::string& text) {
    std::uint64_t h = 1469598103934665603ull;  // FNV-1a: CPython's str hash is randomised anyway
    for (unsigned char c : text) h = (h ^ c) * 1099511628211ull;
    auto signed_hash = std::int64_t(h >> 1);
    return signed_hash == -1 ? -2 : signed_hash;
}
}  // namespace

namespace {
bool hash_at_depth(const value& v, std::int64_t& hash, int depth);
}

bool hash_of(const value& v, std::int64_t& hash) { return hash_at_depth(v, hash, 0); }

namespace {
bool hash_at_depth(const value& v, std::int64_t& hash, int depth) {
    switch (v.type()) {
        case value::kind::none: hash = 0x5f5e100; return true;
        case value::kind::boolean:
        case value::kind::integer: hash = hash_int(v.as_int()); return true;
        case value::kind::floating: hash = hash_float(v.as_float()); return true;
        default: break;
    }
    if (auto* b = v.as<big_int_object>()) {
        hash = b->number.python_hash();
        return true;
    }
    if (auto* n = v.as<native_object>()) return n->hash(hash);
    if (auto* s = v.as<str_object>()) {
        hash = hash_bytes(s->value);
        return true;
    }
    if (auto* b = v.as<bytes_object>()) {
        hash = hash_bytes(b->value);  // as CPython: hash(b'ab') == hash('ab')
        return true;
    }
    if (auto* t = v.as<tuple_object>()) {
        // CPython's tuplehash (xxHash's round and primes), so sets of tuples print in its order.
        constexpr std::uint64_t prime1 = 11400714785074694791ull, prime2 = 14029467366897019727ull,
                                prime5 = 2870177450012600261ull;
        if (depth >= max_nesting) return false;
        std::uint64_t acc = prime5;
        for (const auto& item : t->items) {
            std::int64_t item_hash = 0;
            if (!hash_at_depth(item, item_hash, depth + 1)) return false;
            acc += std::uint64_t(item_hash) * prime2;
            acc = (acc << 31) | (acc >> 33);
            acc *= prime1;
        }
        acc += t->items.size() ^ (prime5 ^ 3527539ull);
        hash = acc == std::uint64_t(-1) ? 1546275796 : std::int64_t(acc);
        return true;
    }
    if (v.is_object()) {
        switch (v.as_object()->kind) {
            case object_kind::list:
            case object_kind::dict:
            case object_kind::set: return false;
            case object_kind::instance: hash = std::int64_t(static_cast<const instance_object&>(*v.as_object()).number); return true;
            default: hash = std::int64_t(reinterpret_cast<std::uintptr_t>(v.as_object().get()) >> 4); return true;
        }
    }
    return false;
}

}  // namespace

equality values_equal_checked(const value& a, const value& b, int depth) {
    auto verdict = [](bool same) { return same ? equality::equal : equality::different; };
    if (a.as<big_int_object>() || b.as<big_int_object>()) return verdict(compare_numbers(a, b) == 0);
    if (auto* n = a.as<native_object>()) return verdict(n->order(b) == 0 || (b.is_object() && a.as_object() == b.as_object()));
    if (a.is_number() && b.is_number()) {
        if (a.is_float() != b.is_float()) return verdict(compare_numbers(a, b) == 0);  // exact, as CPython: 2**53 + 1 != 2.0**53
        if (a.is_float()) return verdict(a.as_float() == b.as_float());
        return verdict(a.as_int() == b.as_int());
    }
    if (a.is_none() || b.is_none()) return verdict(a.is_none() && b.is_none());
    if (!a.is_object() || !b.is_object()) return equality::different;
    if (a.as_object() == b.as_object()) return equality::equal;
    if (auto* s = a.as<str_object>()) {
        auto* t = b.as<str_object>();
        return verdict(t && s->value == t->value);
    }
    if (auto* x = a.as<bytes_object>()) {
        auto* y = b.as<bytes_object>();
        return verdict(y && x->value == y->value);
    }
    if (depth >= max_nesting) return equality::too_deep;
    auto same_items = [depth](const std::vector<value>& x, const std::vector<value>& y) {
        if (x.size() != y.size()) return equality::different;
        for (std::size_t i = 0; i < x.size(); ++i) {
            const equality e = values_equal_checked(x[i], y[i], depth + 1);
            if (e != equality::equal) return e;
        }
        return equality::equal;
    };
    if (auto* l = a.as<list_object>()) {
        auto* m = b.as<list_object>();
        return m ? same_items(l->items, m->items) : equality::different;
    }
    if (auto* t = a.as<tuple_object>()) {
        auto* u = b.as<tuple_object>();
        return u ? same_items(t->items, u->items) : equality::different;
    }
    if (auto* d = a.as<dict_object>()) {
        auto* e = b.as<dict_object>();
        if (!e || d->size() != e->size()) return equality::different;
        for (auto& entry : d->entries) {
            if (!entry.alive) continue;
            value* other = e->find(entry.key, entry.hash);
            if (!other) return equality::different;
            const equality same = values_equal_checked(entry.item, *other, depth + 1);
            if (same != equality::equal) return same;
        }
        return equality::equal;
    }
    if (auto* s = a.as<set_object>()) {
        auto* t = b.as<set_object>();
        if (!t || s->used != t->used) return equality::different;
        for (const auto& member : s->members()) {
            std::int64_t h = 0;
            hash_of(member, h);
            if (!t->contains(member, h)) return equality::different;
        }
        return equality::equal;
    }
    // An object of a class with __eq__ (dict keys, list.index, == of containers).
    for (const value* side : {&a, &b}) {
        const object& o = *side->as_object();
        const type_object* type = o.kind == object_kind::instance    ? static_cast<const instance_object&>(o).type.get()
                                  : o.kind == object_kind::exception ? static_cast<const exception_object&>(o).type.get()
                                                                     : nullptr;
        if (type && type->user_equal) return side == &a ? type->user_equal(a, b) : type->user_equal(b, a);
    }
    return equality::different;
}

namespace {
void take_items(std::vector<value>& items, std::vector<object_ptr>& out);
void take_value(value& v, std::vector<object_ptr>& out);
}  // namespace

namespace {
void take_items(std::vector<value>& items, std::vector<object_ptr>& out) {
    for (auto& item : items) {
        if (item.is_object() || item.is_raised()) out.push_back(item.take_object());
    }
    items.clear();
}

void take_value(value& v, std::vector<object_ptr>& out) {
    if (v.is_object() || v.is_raised()) out.push_back(v.take_object());
}


void take_table(globals_table& table, std::vector<object_ptr>& out) {
    for (auto& [_, v] : table.names) take_value(v, out);
    table.names.clear();
    table.order.clear();
}

}  // namespace

void take_children(object& o, std::vector<object_ptr>& out) {
    switch (o.kind) {
        case object_kind::list: take_items(static_cast<list_object&>(o).items, out); return;
        case object_kind::tuple: take_items(static_cast<tuple_object&>(o).items, out); return;
        case object_kind::dict: {
            auto& d = static_cast<dict_object&>(o);
            for (auto& entry : d.entries) {
                take_value(entry.key, out);
                take_value(entry.item, out);
            }
            d.entries.clear();
            d.index.clear();
            take_value(d.default_factory, out);
            return;
        }
        case object_kind::set:
            for (auto& slot : static_cast<set_object&>(o).table) take_value(slot.key, out);
            return;
        case object_kind::cell: take_value(static_cast<cell_object&>(o).content, out); return;
        case object_kind::native: static_cast<native_object&>(o).take_values(out); return;
        case object_kind::exception: {
            auto& e = static_cast<exception_object&>(o);
            take_items(e.args, out);
            take_items(e.group, out);
            take_value(e.cause, out);
            take_value(e.context, out);
            if (e.attributes) take_table(*e.attributes, out);
            return;
        }
        case object_kind::type:
            if (auto& t = static_cast<type_object&>(o); t.dict) take_table(*t.dict, out);
            return;
        case object_kind::instance: take_table(static_cast<instance_object&>(o).attributes, out); return;
        case object_kind::method: {
            auto& m = static_cast<method_object&>(o);
            take_value(m.function, out);
            take_value(m.self, out);
            return;
        }
        case object_kind::super_proxy: take_value(static_cast<super_object&>(o).self, out); return;
        case object_kind::class_member: {
            auto& m = static_cast<class_member_object&>(o);
            take_value(m.function, out);
            take_value(m.setter, out);
            take_value(m.extra, out);
            return;
        }
        default: return;
    }
}

void release_children(object& self) {
    std::vector<object_ptr> pending;
    take_children(self, pending);
    while (!pending.empty()) {
        object_ptr next = std::move(pending.back());
        pending.pop_back();
        // Freed at the end of this turn, with its own children already taken out.
        if (next.use_count() == 1) take_children(*next, pending);
    }
}

value* dict_object::find(const value& key, std::int64_t hash) {
    auto [first, last] = index.equal_range(hash);
    for (auto it = first; it != last; ++it) {
        entry& candidate = entries[it->second];
        if (values_equal(candidate.key, key)) return &candidate.item;
    }
    return nullptr;
}

void dict_object::set(const value& key, std::int64_t hash, value item) {
    if (value* existing = find(key, hash)) {
        *existing = std::move(item);
        return;
    }
    index.emplace(hash, entries.size());
    entries.push_back({key, std::move(item), hash, true});
    ++live;
}

bool dict_object::erase(const value& key, std::int64_t hash) {
    auto [first, last] = index.equal_range(hash);
    for (auto it = first; it != last; ++it) {
        entry& candidate = entries[it->second];
        if (!values_equal(candidate.key, key)) continue;
        candidate.alive = false;
        candidate.key = value();
        candidate.item = value();
        index.erase(it);
        --live;
        return true;
    }
    return false;
}

// ---- set: CPython 3.11's setobject.c table, so that iteration (and print) order is CPython's.
// Open addressing over a power-of-two table: from slot hash & mask, up to linear_probes
// neighbours are tried (when they do not wrap), then the next start is i * 5 + 1 + perturb
// with perturb shifted right each round. Deleted members leave dummies.

namespace {
constexpr std::size_t linear_probes = 9;  // CPython's LINEAR_PROBES
constexpr int perturb_shift = 5;
constexpr std::size_t minimum_table_size = 8;  // PySet_MINSIZE

// Visits slots in probe order for `hash` until `visit` returns true; returns that slot's index.
template <class Slots, class Visit>
std::size_t probe(Slots& table, std::int64_t hash, Visit visit) {
    // 64-bit arithmetic as CPython's size_t on the 64-bit machines whose order it shows: wasm's
    // 32-bit size_t would perturb negative hashes differently.
    const std::uint64_t mask = table.size() - 1;
    std::uint64_t perturb = std::uint64_t(hash);
    std::uint64_t i = std::uint64_t(hash) & mask;
    for (;;) {
        const std::uint64_t probes = (i + linear_probes <= mask) ? linear_probes : 0;
        for (std::uint64_t j = i; j <= i + probes; ++j) {
            if (visit(table[std::size_t(j)])) return std::size_t(j);
        }
        perturb >>= perturb_shift;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

// CPython's set_insert_clean: places a member known to be absent into a table without dummies.
void insert_clean(std::vector<set_object::slot>& table, set_object::slot&& member) {
    const std::size_t j = probe(table, member.hash, [](const set_object::slot& s) { return s.status == set_object::slot::state::empty; });
    table[j] = std::move(member);
}

std::size_t table_size_above(std::size_t minimum_used) {
    std::size_t size = minimum_table_size;
    while (size <= minimum_used) size <<= 1;
    return size;
}
}  // namespace

set_object::set_object() : object(static_kind), table(minimum_table_size) {}

bool set_object::is_member(const slot& s, const value& key, std::int64_t hash) {
    return s.status == slot::state::active && s.hash == hash && values_equal(s.key, key);
}

std::size_t set_object::find_slot(const value& key, std::int64_t hash) const {
    return probe(table, hash, [&](const slot& s) { return s.status == slot::state::empty || is_member(s, key, hash); });
}

bool set_object::contains(const value& key, std::int64_t hash) const {
    return table[find_slot(key, hash)].status == slot::state::active;
}

// set_add_entry: a new key goes into the last dummy met on the way to an empty slot (as
// CPython 3.11 does: not the first), else into that empty slot, which may grow the table.
void set_object::add(const value& key, std::int64_t hash) {
    std::optional<std::size_t> dummy;
    const std::size_t j = probe(table, hash, [&](const slot& s) {
        if (s.status == slot::state::dummy) dummy = &s - table.data();
        return s.status == slot::state::empty || is_member(s, key, hash);
    });
    if (table[j].status == slot::state::active) return;
    ++used;
    if (dummy) {
        table[*dummy] = {key, hash, slot::state::active};
        return;
    }
    table[j] = {key, hash, slot::state::active};
    ++fill;
    if (fill * 5 >= (table.size() - 1) * 3) grow();
}

void set_object::grow() { resize(used > 50000 ? used * 2 : used * 4); }

bool set_object::discard(const value& key, std::int64_t hash) {
    slot& s = table[find_slot(key, hash)];
    if (s.status != slot::state::active) return false;
    s.status = slot::state::dummy;
    s.key = value();
    --used;
    return true;
}

// set_table_resize: the smallest table above minimum_used, members reinserted in slot order.
void set_object::resize(std::size_t minimum_used) {
    const std::size_t size = table_size_above(minimum_used);
    if (size == minimum_table_size && table.size() == size && fill == used) return;
    std::vector<slot> old = std::move(table);
    table.assign(size, slot{});
    for (auto& entry : old) {
        if (entry.status == slot::state::active) insert_clean(table, std::move(entry));
    }
    fill = used;
}

void set_object::prepare_for(std::size_t incoming) {
    if ((fill + incoming) * 5 >= (table.size() - 1) * 3) resize((used + incoming) * 2);
}

// set_merge: one resize up front, then a slot-for-slot copy when the shapes allow it.
void set_object::merge(const set_object& other) {
    if (&other == this || other.used == 0) return;
    prepare_for(other.used);
    if (fill == 0 && table.size() == other.table.size() && other.fill == other.used) {
        table = other.table;
        fill = other.fill;
        used = other.used;
        return;
    }
    if (fill == 0) {
        for (const auto& entry : other.table) {
            if (entry.status == slot::state::active) insert_clean(table, slot(entry));
        }
        fill = used = other.used;
        return;
    }
    for (const auto& entry : other.table) {
        if (entry.status == slot::state::active) add(entry.key, entry.hash);
    }
}

void set_object::compact_if_many_dummies() {
    if (fill - used <= (table.size() - 1) / 4) return;
    grow();
}

void set_object::clear() {
    table.assign(minimum_table_size, slot{});
    fill = used = 0;
}

void set_object::swap_contents(set_object& other) {
    std::swap(table, other.table);
    std::swap(fill, other.fill);
    std::swap(used, other.used);
}

// set.pop: from a finger that remembers where the last pop stopped.
std::optional<value> set_object::pop() {
    if (used == 0) return std::nullopt;
    const std::size_t mask = table.size() - 1;
    std::size_t i = finger & mask;
    while (table[i].status != slot::state::active) i = i == mask ? 0 : i + 1;
    value key = std::move(table[i].key);
    table[i].key = value();
    table[i].status = slot::state::dummy;
    --used;
    finger = i + 1;
    return key;
}

std::vector<value> set_object::members() const {
    std::vector<value> result;
    result.reserve(used);
    for (const auto& entry : table) {
        if (entry.status == slot::state::active) result.push_back(entry.key);
    }
    return result;
}

std::int64_t range_object::length() const {
    if (step > 0 && start < stop) return (stop - start - 1) / step + 1;
    if (step < 0 && start > stop) return (start - stop - 1) / (-step) + 1;
    return 0;
}

bool type_object::is_subclass_of(const type_object& other) const {
    for (const type_object* t = this; t; t = t->base.get()) {
        if (t == &other) return true;
    }
    return false;
}

}  // namespace loopstep::python

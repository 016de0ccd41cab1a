// Hashing, equality and the dict/set tables (pairs with objects.hpp).
#include "objects.hpp"

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
    if (auto* s = v.as<str_object>()) {
        hash = hash_bytes(s->value);
        return true;
    }
    if (auto* t = v.as<tuple_object>()) {
        std::uint64_t combined = 0x345678;
        if (depth >= max_nesting) return false;
        for (const auto& item : t->items) {
            std::int64_t item_hash = 0;
            if (!hash_at_depth(item, item_hash, depth + 1)) return false;
            combined = (combined ^ std::uint64_t(item_hash)) * 1000003;
        }
        hash = std::int64_t(combined >> 1);
        return true;
    }
    if (v.is_object()) {
        switch (v.as_object()->kind) {
            case object_kind::list:
            case object_kind::dict:
            case object_kind::set: return false;
            default: hash = std::int64_t(reinterpret_cast<std::uintptr_t>(v.as_object().get()) >> 4); return true;
        }
    }
    return false;
}

}  // namespace

equality values_equal_checked(const value& a, const value& b, int depth) {
    auto verdict = [](bool same) { return same ? equality::equal : equality::different; };
    if (a.is_number() && b.is_number()) {
        if (a.is_float() || b.is_float()) return verdict(a.to_double() == b.to_double());
        return verdict(a.as_int() == b.as_int());
    }
    if (a.is_none() || b.is_none()) return verdict(a.is_none() && b.is_none());
    if (!a.is_object() || !b.is_object()) return equality::different;
    if (a.as_object() == b.as_object()) return equality::equal;
    if (auto* s = a.as<str_object>()) {
        auto* t = b.as<str_object>();
        return verdict(t && s->value == t->value);
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
            return;
        }
        case object_kind::set:
            for (auto& slot : static_cast<set_object&>(o).table) take_value(slot.key, out);
            return;
        case object_kind::cell: take_value(static_cast<cell_object&>(o).content, out); return;
        case object_kind::exception: {
            auto& e = static_cast<exception_object&>(o);
            take_items(e.args, out);
            take_items(e.group, out);
            take_value(e.cause, out);
            take_value(e.context, out);
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

namespace {
constexpr std::size_t linear_probes = 9;  // CPython's LINEAR_PROBES
constexpr int perturb_shift = 5;
}  // namespace

bool set_object::contains(const value& key, std::int64_t hash) const {
    const std::size_t mask = table.size() - 1;
    std::size_t i = std::size_t(hash) & mask;
    std::size_t perturb = std::size_t(hash);
    for (;;) {
        std::size_t probes = (i + linear_probes <= mask) ? linear_probes : 0;
        std::size_t j = i;
        for (;;) {
            const slot& entry = table[j];
            if (entry.status == slot::state::empty) return false;
            if (entry.status == slot::state::active && entry.hash == hash && values_equal(entry.key, key)) return true;
            if (probes-- == 0) break;
            ++j;
        }
        perturb >>= perturb_shift;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

// CPython 3.11's set_add_entry: linear probes, then perturbed jumps; dummies are reused.
void set_object::add(const value& key, std::int64_t hash) {
    const std::size_t mask = table.size() - 1;
    std::size_t i = std::size_t(hash) & mask;
    std::size_t perturb = std::size_t(hash);
    slot* free_slot = nullptr;
    for (;;) {
        std::size_t probes = (i + linear_probes <= mask) ? linear_probes : 0;
        std::size_t j = i;
        for (;;) {
            slot& entry = table[j];
            if (entry.status == slot::state::empty) {
                slot& target = free_slot ? *free_slot : entry;
                if (!free_slot) ++fill;
                target = {key, hash, slot::state::active};
                ++used;
                if (!free_slot && fill * 5 >= mask * 3) resize(used > 50000 ? used * 2 : used * 4);
                return;
            }
            if (entry.status == slot::state::active && entry.hash == hash && values_equal(entry.key, key)) return;
            if (entry.status == slot::state::dummy && !free_slot) free_slot = &entry;
            if (probes-- == 0) break;
            ++j;
        }
        perturb >>= perturb_shift;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

void set_object::resize(std::size_t minimum_used) {
    std::size_t size = 8;
    while (size <= minimum_used) size <<= 1;
    std::vector<slot> old = std::move(table);
    table.assign(size, slot{});
    const std::size_t mask = size - 1;
    for (auto& entry : old) {
        if (entry.status != slot::state::active) continue;
        std::size_t i = std::size_t(entry.hash) & mask;
        std::size_t perturb = std::size_t(entry.hash);
        for (;;) {
            if (table[i].status == slot::state::empty) break;
            bool placed = false;
            if (i + linear_probes <= mask) {
                for (std::size_t j = 1; j <= linear_probes; ++j) {
                    if (table[i + j].status == slot::state::empty) {
                        i += j;
                        placed = true;
                        break;
                    }
                }
            }
            if (placed) break;
            perturb >>= perturb_shift;
            i = (i * 5 + 1 + perturb) & mask;
        }
        table[i] = std::move(entry);
    }
    fill = used;
}

bool set_object::discard(const value& key, std::int64_t hash) {
    for (auto& entry : table) {
        if (entry.status == slot::state::active && entry.hash == hash && values_equal(entry.key, key)) {
            entry.status = slot::state::dummy;
            entry.key = value();
            --used;
            return true;
        }
    }
    return false;
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

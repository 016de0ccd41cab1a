// Arithmetic, comparison, indexing and iteration with Python's rules and error messages
// (pairs with interpreter.hpp).
#include <cmath>

#include "big_int_value.hpp"
#include "bytes_object.hpp"
#include "format.hpp"
#include "suggestions.hpp"
#include "classes.hpp"
#include "generators.hpp"
#include "interpreter.hpp"
#include "unsupported_names.hpp"
#include "sets.hpp"
#include "unsupported_names.hpp"

namespace loopstep::python {

namespace {
const char* operator_symbol(binary_op op) {
    switch (op) {
        case binary_op::add: return "+";
        case binary_op::subtract: return "-";
        case binary_op::multiply: return "*";
        case binary_op::true_divide: return "/";
        case binary_op::floor_divide: return "//";
        case binary_op::modulo: return "%";
        case binary_op::power: return "** or pow()";
        case binary_op::left_shift: return "<<";
        case binary_op::right_shift: return ">>";
        case binary_op::bit_and: return "&";
        case binary_op::bit_or: return "|";
        case binary_op::bit_xor: return "^";
    }
    return "?";
}

std::string in_place_symbol(binary_op op) {
    return op == binary_op::power ? "**=" : std::string(operator_symbol(op)) + "=";
}

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    std::int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
    return q;
}

std::int64_t floor_mod(std::int64_t a, std::int64_t b) {
    std::int64_t r = a % b;
    if (r != 0 && ((r < 0) != (b < 0))) r += b;
    return r;
}

// CPython's float_floor_div: derived from fmod so that a == b * (a // b) + a % b holds.
double float_floor_div(double vx, double wx) {
    double mod = std::fmod(vx, wx);
    double div = (vx - mod) / wx;
    if (mod != 0 && ((wx < 0) != (mod < 0))) div -= 1.0;
    if (div == 0) return std::copysign(0.0, vx / wx);
    double floored = std::floor(div);
    if (div - floored > 0.5) floored += 1.0;
    return floored;
}

double float_mod(double a, double b) {
    double r = std::fmod(a, b);
    if (r != 0 && ((r < 0) != (b < 0))) r += b;
    else if (r == 0) r = std::copysign(0.0, b);
    return r;
}
}  // namespace

// A 64-bit result that overflowed: unbound, so that binary() redoes it with big ints.
static value overflow(interpreter&) { return value::unbound(); }

static value int_power(interpreter& in, std::int64_t base, std::int64_t exponent) {
    if (exponent < 0) {
        if (base == 0) return in.raise(in.types().zero_division_error, "0.0 cannot be raised to a negative power");
        return value::floating(std::pow(double(base), double(exponent)));
    }
    std::int64_t result = 1;
    while (exponent > 0) {
        if (exponent & 1) {
            if (__builtin_mul_overflow(result, base, &result)) return overflow(in);
        }
        exponent >>= 1;
        if (exponent > 0 && __builtin_mul_overflow(base, base, &base)) return overflow(in);
    }
    return value::integer(result);
}

static value int_binary(interpreter& in, binary_op op, std::int64_t a, std::int64_t b) {
    std::int64_t r = 0;
    switch (op) {
        case binary_op::add: return __builtin_add_overflow(a, b, &r) ? overflow(in) : value::integer(r);
        case binary_op::subtract: return __builtin_sub_overflow(a, b, &r) ? overflow(in) : value::integer(r);
        case binary_op::multiply: return __builtin_mul_overflow(a, b, &r) ? overflow(in) : value::integer(r);
        case binary_op::true_divide:
            if (b == 0) return in.raise(in.types().zero_division_error, "division by zero");
            return value::floating(double(a) / double(b));
        case binary_op::floor_divide:
            if (b == 0) return in.raise(in.types().zero_division_error, "integer division or modulo by zero");
            if (a == INT64_MIN && b == -1) return overflow(in);
            return value::integer(floor_div(a, b));
        case binary_op::modulo:
            if (b == 0) return in.raise(in.types().zero_division_error, "integer modulo by zero");
            if (b == -1) return value::integer(0);
            return value::integer(floor_mod(a, b));
        case binary_op::power: return int_power(in, a, b);
        case binary_op::left_shift:
            if (b < 0) return in.raise_value_error("negative shift count");
            if (b >= 63 || (a != 0 && (a > (INT64_MAX >> b) || a < (INT64_MIN >> b)))) return overflow(in);
            return value::integer(a * (std::int64_t{1} << b));
        case binary_op::right_shift:
            if (b < 0) return in.raise_value_error("negative shift count");
            return value::integer(b >= 63 ? (a < 0 ? -1 : 0) : a >> b);
        case binary_op::bit_and: return value::integer(a & b);
        case binary_op::bit_or: return value::integer(a | b);
        case binary_op::bit_xor: return value::integer(a ^ b);
    }
    return value();
}

static value float_binary(interpreter& in, binary_op op, double a, double b) {
    switch (op) {
        case binary_op::add: return value::floating(a + b);
        case binary_op::subtract: return value::floating(a - b);
        case binary_op::multiply: return value::floating(a * b);
        case binary_op::true_divide:
            if (b == 0) return in.raise(in.types().zero_division_error, "float division by zero");
            return value::floating(a / b);
        case binary_op::floor_divide:
            if (b == 0) return in.raise(in.types().zero_division_error, "float floor division by zero");
            return value::floating(float_floor_div(a, b));
        case binary_op::modulo:
            if (b == 0) return in.raise(in.types().zero_division_error, "float modulo");
            return value::floating(float_mod(a, b));
        case binary_op::power:
            if (a == 0 && b < 0) return in.raise(in.types().zero_division_error, "0.0 cannot be raised to a negative power");
            if (a < 0 && b != std::floor(b)) return in.raise_value_error("negative number cannot be raised to a fractional power in this lesson (the result is complex)");
            {
                double r = std::pow(a, b);
                if (std::isinf(r) && !std::isinf(a) && !std::isinf(b)) {
                    // CPython raises it from errno ERANGE: two args, so str() shows a tuple
                    return value::raised(in.make_exception(in.types().overflow_error,
                                                           {value::integer(34), in.make_str("Numerical result out of range")}).as_object());
                }
                return value::floating(r);
            }
        default: break;
    }
    return value::unbound();
}

static value repeat(interpreter& in, const std::vector<value>& items, std::int64_t times, bool as_list) {
    std::vector<value> result;
    if (times > 0) {
        value error;
        if (times > std::int64_t(in.options().max_sequence_length) || !in.fits(items.size() * std::size_t(times), error)) {
            return error.is_raised() ? error : value::raised(in.make_exception(in.types().memory_error, {}).as_object());
        }
        result.reserve(items.size() * std::size_t(times));
        for (std::int64_t i = 0; i < times; ++i) result.insert(result.end(), items.begin(), items.end());
    }
    return as_list ? in.make_list(std::move(result)) : in.make_tuple(std::move(result));
}

value interpreter::binary(binary_op op, const value& left, const value& right, bool in_place) {
    if (left.is_int_like() && right.is_int_like()) {
        value result = int_binary(*this, op, left.as_int(), right.as_int());
        return result.is_unbound() ? big_binary(*this, op, left, right) : result;
    }
    if (left.as<big_int_object>() || right.as<big_int_object>()) {
        value result = big_binary(*this, op, left, right);
        if (!result.is_unbound()) return result;
    }
    if (auto* n = left.is_object() ? left.as<native_object>() : nullptr; n || right.as<native_object>()) {
        value result = (n ? n : right.as<native_object>())->binary(*this, op, left, right);
        if (!result.is_unbound()) return result;
    }
    if (user_class_of(left) || user_class_of(right)) {
        if (value result = special_binary(*this, op, left, right); !result.is_unbound()) return result;
    }
    if (left.is_number() && right.is_number()) {
        value result = float_binary(*this, op, left.to_double(), right.to_double());
        if (!result.is_unbound()) return result;
    }
    if (value result = bytes_binary(*this, op, left, right); !result.is_unbound()) return result;
    auto* ls = left.as<str_object>();
    auto* rs = right.as<str_object>();
    if (op == binary_op::add && ls && rs) {
        value error;
        if (!fits(ls->value.size() + rs->value.size(), error, true)) return error;
        return make_str(ls->value + rs->value);
    }
    if (op == binary_op::multiply && (ls || rs) && (left.is_int_like() || right.is_int_like())) {
        const std::string& text = ls ? ls->value : rs->value;
        std::int64_t times = ls ? right.as_int() : left.as_int();
        value error;
        if (times > 0 && (times > std::int64_t(options_.max_str_bytes) || !fits(text.size() * std::size_t(times), error, true))) {
            return value::raised(make_exception(types_.memory_error, {}).as_object());
        }
        std::string result;
        for (std::int64_t i = 0; i < times; ++i) result += text;
        return make_str(std::move(result));
    }
    if (op == binary_op::modulo && ls) {
        return raise_type_error("%-formatting of strings is not supported in this lesson: use an f-string");
    }
    auto* ll = left.as<list_object>();
    auto* rl = right.as<list_object>();
    auto* lt = left.as<tuple_object>();
    auto* rt = right.as<tuple_object>();
    if (op == binary_op::add && ll && rl) {
        value error;
        if (!fits(ll->items.size() + rl->items.size(), error)) return error;
        std::vector<value> items = ll->items;
        items.insert(items.end(), rl->items.begin(), rl->items.end());
        return make_list(std::move(items));
    }
    if (op == binary_op::add && lt && rt) {
        std::vector<value> items = lt->items;
        items.insert(items.end(), rt->items.begin(), rt->items.end());
        return make_tuple(std::move(items));
    }
    if (op == binary_op::multiply && (ll || lt) && right.is_int_like()) return repeat(*this, ll ? ll->items : lt->items, right.as_int(), ll);
    if (op == binary_op::multiply && (rl || rt) && left.is_int_like()) return repeat(*this, rl ? rl->items : rt->items, left.as_int(), rl);
    value set_result = set_binary(*this, op, left, right, in_place);
    if (!set_result.is_unbound()) return set_result;
    if (op == binary_op::add && ls) return raise_type_error("can only concatenate str (not \"" + type_name(right) + "\") to str");
    if (op == binary_op::add && ll) return raise_type_error("can only concatenate list (not \"" + type_name(right) + "\") to list");
    if (op == binary_op::add && lt) return raise_type_error("can only concatenate tuple (not \"" + type_name(right) + "\") to tuple");
    if (op == binary_op::multiply && (ls || rs || ll || rl || lt || rt)) {
        const value& other = (ls || ll || lt) ? right : left;
        return raise_type_error("can't multiply sequence by non-int of type '" + type_name(other) + "'");
    }
    return raise_type_error(std::string("unsupported operand type(s) for ") + (in_place ? in_place_symbol(op) : operator_symbol(op)) + ": '" + type_name(left) +
                            "' and '" + type_name(right) + "'");
}

namespace {
// -1, 0, 1 for orderable pairs; 2 when the types cannot be ordered.
// -1, 0, 1; 2: not comparable; 3: unordered (NaN); 4: nested too deep to compare.
int order(interpreter& in, const value& a, const value& b, int depth = 0) {
    if (a.as<big_int_object>() || b.as<big_int_object>() || (a.is_number() && b.is_number() && a.is_float() != b.is_float())) {
        const int c = compare_numbers(a, b);
        if (c != 2) return c;
    }
    if (auto* n = a.as<native_object>()) return n->order(b);
    if (a.is_number() && b.is_number()) {
        if (a.is_int_like() && b.is_int_like()) return a.as_int() < b.as_int() ? -1 : a.as_int() > b.as_int() ? 1 : 0;
        const double x = a.to_double(), y = b.to_double();
        if (std::isnan(x) || std::isnan(y)) return 3;  // unordered: every comparison is false
        return x < y ? -1 : x > y ? 1 : 0;
    }
    auto* s = a.as<str_object>();
    auto* t = b.as<str_object>();
    if (s && t) {
        const int c = s->value.compare(t->value);
        return c < 0 ? -1 : c > 0 ? 1 : 0;
    }
    if (a.as<bytes_object>() && b.as<bytes_object>()) {
        const int c = a.as<bytes_object>()->value.compare(b.as<bytes_object>()->value);
        return c < 0 ? -1 : c > 0 ? 1 : 0;
    }
    const std::vector<value>* x = nullptr;
    const std::vector<value>* y = nullptr;
    if (a.as<list_object>() && b.as<list_object>()) {
        x = &a.as<list_object>()->items;
        y = &b.as<list_object>()->items;
    } else if (a.as<tuple_object>() && b.as<tuple_object>()) {
        x = &a.as<tuple_object>()->items;
        y = &b.as<tuple_object>()->items;
    }
    if (x) {
        if (depth >= max_nesting) return 4;
        for (std::size_t i = 0; i < x->size() && i < y->size(); ++i) {
            const equality same = values_equal_checked((*x)[i], (*y)[i], depth + 1);
            if (same == equality::equal) continue;
            if (same == equality::too_deep) return 4;
            return order(in, (*x)[i], (*y)[i], depth + 1);
        }
        return x->size() < y->size() ? -1 : x->size() > y->size() ? 1 : 0;
    }
    return 2;
}

const char* compare_symbol(compare_op op) {
    switch (op) {
        case compare_op::less: return "<";
        case compare_op::less_equal: return "<=";
        case compare_op::greater: return ">";
        case compare_op::greater_equal: return ">=";
        default: return "==";
    }
}

bool identical(const value& a, const value& b) {
    if (a.type() != b.type()) return false;
    switch (a.type()) {
        case value::kind::none: return true;
        case value::kind::boolean:
        case value::kind::integer: return a.as_int() == b.as_int();
        case value::kind::floating: return a.as_float() == b.as_float();
        default: return a.as_object() == b.as_object();
    }
}
}  // namespace

value interpreter::compare(compare_op op, const value& left, const value& right) {
    if (user_class_of(left) || user_class_of(right)) {
        if (value result = special_compare(*this, op, left, right); !result.is_unbound()) return result;
    }
    switch (op) {
        case compare_op::equal:
        case compare_op::not_equal: {
            const equality same = values_equal_checked(left, right);
            if (same == equality::too_deep) return raise(types_.recursion_error, "maximum recursion depth exceeded in comparison");
            return value::boolean((same == equality::equal) == (op == compare_op::equal));
        }
        case compare_op::is: return value::boolean(identical(left, right));
        case compare_op::is_not: return value::boolean(!identical(left, right));
        case compare_op::in:
        case compare_op::not_in: {
            bool found = false;
            if (auto* haystack = right.as<str_object>()) {
                auto* needle = left.as<str_object>();
                if (!needle) return raise_type_error("'in <string>' requires string as left operand, not " + type_name(left));
                found = haystack->value.find(needle->value) != std::string::npos;
            } else if (auto* bytes = right.as<bytes_object>()) {
                value contained = bytes_contains(*this, *bytes, left);
                if (contained.is_raised()) return contained;
                found = contained.as_bool();
            } else if (auto* dict = right.as<dict_object>()) {
                std::int64_t hash = 0;
                value error = hash_key(left, hash);
                if (error.is_raised()) return error;
                found = dict->find(left, hash) != nullptr;
            } else if (auto* set = right.as<set_object>()) {
                std::int64_t hash = 0;
                value error = hash_key(left, hash);
                if (error.is_raised()) return error;
                found = set->contains(left, hash);
            } else {
                value equal_error;
                value error = iterate(right, [&](const value& item) {
                    if (user_class_of(left) || user_class_of(item)) {
                        value same = compare(compare_op::equal, item, left);  // the class's __eq__
                        if (same.is_raised()) equal_error = same;
                        found = !same.is_raised() && truthy(same);
                        return !found && !same.is_raised();
                    }
                    found = values_equal(item, left);
                    return !found;
                });
                if (equal_error.is_raised()) return equal_error;
                if (error.is_raised()) {
                    return raise_type_error("argument of type '" + type_name(right) + "' is not iterable");
                }
            }
            return value::boolean(op == compare_op::in ? found : !found);
        }
        default: break;
    }
    value set_result = set_compare(*this, op, left, right);
    if (!set_result.is_unbound()) return set_result;
    const int c = order(*this, left, right);
    if (c == 4) return raise(types_.recursion_error, "maximum recursion depth exceeded in comparison");
    if (c == 2) {
        return raise_type_error(std::string("'") + compare_symbol(op) + "' not supported between instances of '" +
                                type_name(left) + "' and '" + type_name(right) + "'");
    }
    if (c == 3) return value::boolean(false);
    switch (op) {
        case compare_op::less: return value::boolean(c < 0);
        case compare_op::less_equal: return value::boolean(c <= 0);
        case compare_op::greater: return value::boolean(c > 0);
        case compare_op::greater_equal: return value::boolean(c >= 0);
        default: return value::boolean(false);
    }
}

namespace {
// The value tuplehash would fail on first: the innermost unhashable item, depth first.
const value* unhashable_part(const value& key, int depth = 0) {
    auto* tuple = key.as<tuple_object>();
    if (!tuple) {
        std::int64_t hash = 0;
        return hash_of(key, hash) ? nullptr : &key;
    }
    if (depth >= max_nesting) return nullptr;
    for (const auto& item : tuple->items) {
        if (const value* culprit = unhashable_part(item, depth + 1)) return culprit;
    }
    return nullptr;
}
}  // namespace

value interpreter::hash_key(const value& key, std::int64_t& hash) {
    if (user_class_of(key)) {
        if (value result = special_hash(*this, key, hash); !result.is_unbound()) return result;
    }
    if (hash_of(key, hash)) return value();
    if (const value* culprit = unhashable_part(key)) return raise_type_error("unhashable type: '" + type_name(*culprit) + "'");
    // Hashable all the way down, but nested deeper than the recursion limit.
    if (key.as<tuple_object>()) return raise(types_.recursion_error, "maximum recursion depth exceeded while calling a Python object");
    return raise_type_error("unhashable type: '" + type_name(key) + "'");
}

namespace {
// A str's characters (code points), each as its UTF-8 bytes.
std::vector<std::string> utf8_characters(const std::string& text) {
    std::vector<std::string> characters;
    for (std::size_t i = 0; i < text.size();) {
        const unsigned char lead = static_cast<unsigned char>(text[i]);
        const std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        characters.push_back(text.substr(i, length));
        i += length;
    }
    return characters;
}

// Python's slice.indices(): clamps lower/upper/step to a sequence of `length`.
bool slice_indices(interpreter& in, const slice_object& s, std::int64_t length, std::int64_t& start, std::int64_t& stop,
                   std::int64_t& step, value& error) {
    auto as_index = [&](const value& v, std::int64_t& out) {
        if (v.is_none()) return true;
        if (!v.is_int_like()) {
            error = in.raise_type_error("slice indices must be integers or None or have an __index__ method");
            return false;
        }
        out = v.as_int();
        return true;
    };
    step = 1;
    if (!as_index(s.step, step)) return false;
    if (step == 0) {
        error = in.raise_value_error("slice step cannot be zero");
        return false;
    }
    const bool backwards = step < 0;
    start = backwards ? length - 1 : 0;
    stop = backwards ? -1 : length;
    std::int64_t given = 0;
    auto clamp = [&](std::int64_t v, bool is_stop) {
        if (v < 0) {
            v += length;
            if (v < 0) v = backwards ? -1 : 0;
        } else if (v >= length) {
            v = backwards ? length - 1 : length;
        }
        (void)is_stop;
        return v;
    };
    if (!s.lower.is_none()) {
        if (!as_index(s.lower, given)) return false;
        start = clamp(given, false);
    }
    if (!s.upper.is_none()) {
        if (!as_index(s.upper, given)) return false;
        stop = clamp(given, true);
    }
    return true;
}

template <class Emit>
void for_slice(std::int64_t start, std::int64_t stop, std::int64_t step, Emit emit) {
    if (step > 0) {
        for (std::int64_t i = start; i < stop; i += step) emit(i);
    } else {
        for (std::int64_t i = start; i > stop; i += step) emit(i);
    }
}
}  // namespace

value interpreter::get_item(const value& container, const value& index) {
    if (container.as<instance_object>()) {
        if (value result = special_get_item(*this, container, index); !result.is_unbound()) return result;
    }
    auto* slice = index.as<slice_object>();
    auto sequence_index = [&](std::int64_t length, const char* what, std::int64_t& out) -> value {
        if (!index.is_int_like()) {
            // CPython 3.11 words it differently for str
            if (std::string(what) == "string") return raise_type_error("string indices must be integers, not '" + type_name(index) + "'");
            return raise_type_error(std::string(what) + " indices must be integers or slices, not " + type_name(index));
        }
        out = index.as_int() < 0 ? index.as_int() + length : index.as_int();
        if (out < 0 || out >= length) return raise(types_.index_error, std::string(what) + " index out of range");
        return value();
    };
    // list and tuple share indexing; only the type of a slice and the wording differ
    auto index_items = [&](const std::vector<value>& items, const char* what, bool as_list) -> value {
        const auto n = std::int64_t(items.size());
        if (slice) {
            std::int64_t start, stop, step;
            value error;
            if (!slice_indices(*this, *slice, n, start, stop, step, error)) return error;
            std::vector<value> picked;
            for_slice(start, stop, step, [&](std::int64_t i) { picked.push_back(items[i]); });
            return as_list ? make_list(std::move(picked)) : make_tuple(std::move(picked));
        }
        std::int64_t i = 0;
        value error = sequence_index(n, what, i);
        return error.is_raised() ? error : items[i];
    };
    if (auto* list = container.as<list_object>()) return index_items(list->items, "list", true);
    if (auto* tuple = container.as<tuple_object>()) return index_items(tuple->items, "tuple", false);
    if (auto* s = container.as<str_object>()) {
        const std::vector<std::string> characters = utf8_characters(s->value);
        std::int64_t n = std::int64_t(characters.size());
        if (slice) {
            std::int64_t start, stop, step;
            value error;
            if (!slice_indices(*this, *slice, n, start, stop, step, error)) return error;
            std::string text;
            for_slice(start, stop, step, [&](std::int64_t i) { text += characters[i]; });
            return make_str(std::move(text));
        }
        std::int64_t i = 0;
        value error = sequence_index(n, "string", i);
        return error.is_raised() ? error : make_str(characters[i]);
    }
    if (auto* b = container.as<bytes_object>()) {
        const auto n = std::int64_t(b->value.size());
        if (slice) {
            std::int64_t start, stop, step;
            value error;
            if (!slice_indices(*this, *slice, n, start, stop, step, error)) return error;
            std::string picked;
            for_slice(start, stop, step, [&](std::int64_t i) { picked += b->value[std::size_t(i)]; });
            return make_bytes(std::move(picked));
        }
        if (!index.is_int_like()) return raise_type_error("byte indices must be integers or slices, not " + type_name(index));
        const std::int64_t i = index.as_int() < 0 ? index.as_int() + n : index.as_int();
        if (i < 0 || i >= n) return raise(types_.index_error, "index out of range");
        return value::integer(static_cast<unsigned char>(b->value[std::size_t(i)]));
    }
    if (auto* r = container.as<range_object>()) {
        std::int64_t i = 0;
        if (slice) return raise_type_error("range slicing is not supported in this lesson");
        value error = sequence_index(r->length(), "range object", i);
        return error.is_raised() ? error : value::integer(r->start + i * r->step);
    }
    if (auto* dict = container.as<dict_object>()) {
        std::int64_t hash = 0;
        value error = hash_key(index, hash);
        if (error.is_raised()) return error;
        if (value* found = dict->find(index, hash)) return *found;
        if (dict->subtype) return dict_missing(*this, container, index, hash);
        return value::raised(make_exception(types_.key_error, {index}).as_object());
    }
    if (auto* n = container.as<native_object>()) {
        value result = n->get_item(*this, index);
        if (!result.is_unbound()) return result;
    }
    return raise_type_error("'" + type_name(container) + "' object is not subscriptable");
}

value interpreter::set_item(const value& container, const value& index, const value& item) {
    if (container.as<instance_object>()) {
        if (value result = special_set_item(*this, container, index, item); !result.is_unbound()) return result;
    }
    if (auto* list = container.as<list_object>()) {
        if (index.as<slice_object>()) return raise_type_error("slice assignment is not supported in this lesson");
        if (!index.is_int_like()) return raise_type_error("list indices must be integers or slices, not " + type_name(index));
        std::int64_t i = index.as_int();
        const auto n = std::int64_t(list->items.size());
        if (i < 0) i += n;
        if (i < 0 || i >= n) return raise(types_.index_error, "list assignment index out of range");
        list->items[i] = item;
        return value();
    }
    if (auto* dict = container.as<dict_object>()) {
        std::int64_t hash = 0;
        value error = hash_key(index, hash);
        if (error.is_raised()) return error;
        dict->set(index, hash, item);
        return value();
    }
    return raise_type_error("'" + type_name(container) + "' object does not support item assignment");
}

// Walks the live table as CPython's set iterator does: a change in size ends the loop with
// RuntimeError (and keeps raising it).
value interpreter::set_iterator(std::shared_ptr<set_object> set) {
    auto position = std::make_shared<std::size_t>(0);
    auto expected_size = std::make_shared<std::size_t>(set->used);
    return value::of(make_object<iterator_object>(
        [this, set, position, expected_size]() -> std::optional<value> {
            if (set->used != *expected_size) {
                *expected_size = SIZE_MAX;
                return raise(types_.runtime_error, "Set changed size during iteration");
            }
            while (*position < set->table.size() && set->table[*position].status != set_object::slot::state::active) ++*position;
            if (*position >= set->table.size()) return std::nullopt;
            return set->table[(*position)++].key;
        },
        "set_iterator"));
}

// Walks the live entries as CPython's dict iterators do: a change in size raises
// RuntimeError; a key added after one removed is met and counted against the original size.
value interpreter::dict_iterator(std::shared_ptr<dict_object> dict, dict_view_object::part part, const char* name) {
    auto position = std::make_shared<std::size_t>(0);
    auto expected_size = std::make_shared<std::size_t>(dict->size());
    auto remaining = std::make_shared<std::size_t>(dict->size());
    return value::of(make_object<iterator_object>(
        [this, dict, part, position, expected_size, remaining]() -> std::optional<value> {
            if (dict->size() != *expected_size) {
                *expected_size = SIZE_MAX;
                return raise(types_.runtime_error, "dictionary changed size during iteration");
            }
            while (*position < dict->entries.size() && !dict->entries[*position].alive) ++*position;
            if (*position >= dict->entries.size()) return std::nullopt;
            if (*remaining == 0) return raise(types_.runtime_error, "dictionary keys changed during iteration");
            --*remaining;
            const auto& entry = dict->entries[(*position)++];
            switch (part) {
                case dict_view_object::part::keys: return entry.key;
                case dict_view_object::part::values: return entry.item;
                case dict_view_object::part::items: return make_tuple({entry.key, entry.item});
            }
            return std::nullopt;
        },
        name));
}

value interpreter::make_iterator(const value& iterable) {
    if (iterable.as<iterator_object>()) return iterable;
    if (auto* generator = iterable.as<generator_object>(); generator && !generator->is_async) {
        return generator_iterator(*this, std::static_pointer_cast<generator_object>(iterable.as_object()));
    }
    auto index = std::make_shared<std::size_t>(0);
    auto hold = iterable.as_object();
    auto over = [&](std::vector<value> items, const char* name) {
        auto shared = std::make_shared<std::vector<value>>(std::move(items));
        return value::of(make_object<iterator_object>(
            [shared, index]() -> std::optional<value> {
                if (*index >= shared->size()) return std::nullopt;
                return (*shared)[(*index)++];
            },
            name));
    };
    if (auto* list = iterable.as<list_object>()) {
        // A list iterator sees appends made while looping, as in CPython.
        auto owner = std::static_pointer_cast<list_object>(hold);
        return value::of(make_object<iterator_object>(
            [owner, index]() -> std::optional<value> {
                if (*index >= owner->items.size()) return std::nullopt;
                return owner->items[(*index)++];
            },
            "list_iterator"));
        (void)list;
    }
    if (auto* tuple = iterable.as<tuple_object>()) return over(tuple->items, "tuple_iterator");
    if (iterable.as<set_object>()) return set_iterator(std::static_pointer_cast<set_object>(hold));
    if (iterable.as<dict_object>()) {
        return dict_iterator(std::static_pointer_cast<dict_object>(hold), dict_view_object::part::keys, "dict_keyiterator");
    }
    if (auto* view = iterable.as<dict_view_object>()) {
        const char* names[] = {"dict_keyiterator", "dict_valueiterator", "dict_itemiterator"};
        return dict_iterator(view->dict, view->which, names[int(view->which)]);
    }
    if (auto* r = iterable.as<range_object>()) {
        auto next = std::make_shared<std::int64_t>(r->start);
        const std::int64_t stop = r->stop, step = r->step;
        return value::of(make_object<iterator_object>(
            [next, stop, step]() -> std::optional<value> {
                if (step > 0 ? *next >= stop : *next <= stop) return std::nullopt;
                std::int64_t current = *next;
                *next += step;
                return value::integer(current);
            },
            "range_iterator"));
    }
    if (iterable.as<bytes_object>()) return bytes_iterator(std::static_pointer_cast<bytes_object>(hold));
    if (auto* s = iterable.as<str_object>()) {
        std::vector<value> characters;
        for (auto& character : utf8_characters(s->value)) characters.push_back(make_str(std::move(character)));
        return over(std::move(characters), "str_ascii_iterator");
    }
    if (iterable.as<instance_object>()) {
        if (value iterator = special_iterator(*this, iterable); !iterator.is_unbound()) return iterator;
    }
    if (auto* n = iterable.as<native_object>()) {
        value iterator = n->iterator(*this);
        if (!iterator.is_unbound()) return iterator;
    }
    return raise_type_error("'" + type_name(iterable) + "' object is not iterable");
}

value interpreter::iterate(const value& iterable, const std::function<bool(const value&)>& each) {
    value iterator = make_iterator(iterable);
    if (iterator.is_raised()) return iterator;
    auto* it = iterator.as<iterator_object>();
    value error;
    for (;;) {
        // A builtin's loop (sum, sorted, list) is work too: counted as the VM's loops are.
        if (!tick(error)) return error;
        std::optional<value> item = it->next();
        if (!item) return value();
        if (item->is_raised()) return *item;
        if (!each(*item)) return value();
    }
}

value interpreter::to_list(const value& iterable, std::vector<value>& out) {
    return iterate(iterable, [&](const value& item) {
        out.push_back(item);
        return true;
    });
}

namespace {

// The error (and the names CPython's library has that the lesson's lacks) when no lookup found
// the attribute: out of line, so that the lookup every attribute load runs stays small.
[[gnu::noinline]] value missing_attribute(interpreter& in, const value& object, const std::string& name) {
    if (object.as<str_object>() && is_unsupported_str_method(name)) return raise_unsupported_attribute(in, "str", name);
    if (object.as<bytes_object>() && is_unsupported_bytes_method(name)) return raise_unsupported_attribute(in, "bytes", name);
    value error = in.raise(in.types().attribute_error, "'" + in.type_name(object) + "' object has no attribute '" + name + "'");
    std::string suggestion = suggest_name(name, attribute_names(in, object));
    if (!suggestion.empty()) error.as_object()->kind == object_kind::exception
        ? void(static_cast<exception_object*>(error.as_object().get())->note = ". Did you mean: '" + suggestion + "'?")
        : void();
    return error;
}

[[gnu::noinline]] value missing_module_attribute(interpreter& in, const module_object& module, const std::string& name) {
    if (is_unsupported_module_attribute(module.name, name)) return raise_unsupported_attribute(in, module.name, name);
    return in.raise(in.types().attribute_error, "module '" + module.name + "' has no attribute '" + name + "'");
}

}  // namespace

value interpreter::get_attribute(const value& object, const std::string& name) {
    bool found = false;
    value result = class_get_attribute(*this, object, name, found);
    if (found) return result;
    result = builtin_attribute(*this, object, name, found);
    if (found) return result;
    if (auto* module = object.as<module_object>()) {
        auto attribute = module->attributes.find(name);
        if (attribute != module->attributes.end()) return attribute->second;
        return missing_module_attribute(*this, *module, name);
    }
    return missing_attribute(*this, object, name);
}

}  // namespace loopstep::python

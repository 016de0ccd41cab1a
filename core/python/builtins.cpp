// The builtin functions and type constructors: print, len, range, sorted, int(), ... (pairs
// with interpreter.hpp's install_builtin_functions).
#include <algorithm>
#include <tuple>
#include <cmath>

#include "big_int_value.hpp"
#include "bytes_object.hpp"
#include "codecs.hpp"
#include "format.hpp"
#include "classes.hpp"
#include "generators.hpp"
#include "interpreter.hpp"
#include "library_modules.hpp"
#include "method_arguments.hpp"
#include "unicode.hpp"
#include "sets.hpp"

namespace loopstep::python {

namespace {

using arguments_t = call_arguments;

#define RETURN_IF_RAISED(expression)                       \
    do {                                                   \
        value raised_value = (expression);                 \
        if (raised_value.is_raised()) return raised_value; \
    } while (false)

// Argument checks with the messages of each builtin's CPython calling convention.
value one_argument(interpreter& in, const arguments_t& args, const char* name) {
    return check_function_arguments(in, args, name, method_convention::one_argument);
}
value positional_range(interpreter& in, const arguments_t& args, const char* name, std::size_t low, std::size_t high) {
    return check_function_arguments(in, args, name, method_convention::clinic, low, high);
}

void define(interpreter& in, globals_table& globals, const std::string& name, native_function function) {
    globals.names[name] = value::of(make_object<builtin_function_object>(name, std::move(function)));
    (void)in;
}

void define_type(globals_table& globals, const type_ptr& type, native_function construct) {
    type->construct = std::move(construct);
    globals.names[type->name] = value::of(type);
}

value length_of(interpreter& in, const value& v) {
    if (auto* s = v.as<str_object>()) {
        std::int64_t count = 0;
        for (unsigned char c : s->value) count += (c & 0xC0) != 0x80;
        return value::integer(count);
    }
    if (auto* l = v.as<list_object>()) return value::integer(std::int64_t(l->items.size()));
    if (auto* t = v.as<tuple_object>()) return value::integer(std::int64_t(t->items.size()));
    if (auto* b = v.as<bytes_object>()) return value::integer(std::int64_t(b->value.size()));
    if (auto* d = v.as<dict_object>()) return value::integer(std::int64_t(d->size()));
    if (auto* view = v.as<dict_view_object>()) return value::integer(std::int64_t(view->dict->size()));
    if (auto* s = v.as<set_object>()) return value::integer(std::int64_t(s->used));
    if (auto* r = v.as<range_object>()) return value::integer(r->length());
    if (auto* q = v.as<queue_object>()) return value::integer(std::int64_t(q->primitive.qsize()));
    if (value length = special_len(in, v); !length.is_unbound()) return length;
    if (auto* n = v.as<native_object>(); n && n->length()) return value::integer(*n->length());
    return in.raise_type_error("object of type '" + in.type_name(v) + "' has no len()");
}

// Sorts in place like list.sort: stable; key and reverse as CPython; the first error wins.
value sort_values(interpreter& in, std::vector<value>& items, const value& key, bool reverse) {
    std::vector<value> keys;
    if (!key.is_unbound() && !key.is_none()) {
        for (const auto& item : items) {
            call_arguments one{{item}, {}};
            value k = in.call(key, one);
            if (k.is_raised()) return k;
            keys.push_back(std::move(k));
        }
    } else {
        keys = items;
    }
    std::vector<std::size_t> order(items.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    value error;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        if (error.is_raised()) return false;
        value less = reverse ? in.compare(compare_op::less, keys[b], keys[a]) : in.compare(compare_op::less, keys[a], keys[b]);
        if (less.is_raised()) {
            error = less;
            return false;
        }
        return less.as_bool();
    });
    if (error.is_raised()) return error;
    std::vector<value> sorted;
    sorted.reserve(items.size());
    for (std::size_t i : order) sorted.push_back(items[i]);
    items = std::move(sorted);
    return value();
}

value extreme(interpreter& in, arguments_t& args, const std::string& name, compare_op better) {
    value key = args.take("key");
    value fallback = args.take("default");
    if (!args.keywords.empty()) return in.raise_type_error("'" + args.keywords.front().first + "' is an invalid keyword argument for " + name + "()");
    value error;
    std::vector<value> items;
    if (args.positional.size() > 1 && !fallback.is_unbound()) {
        return in.raise_type_error("Cannot specify a default for " + name + "() with multiple positional arguments");
    }
    if (args.positional.size() == 1) {
        error = in.to_list(args.positional[0], items);
        if (error.is_raised()) return error;
    } else if (args.positional.empty()) {
        return in.raise_type_error(name + " expected at least 1 argument, got 0");
    } else {
        items = args.positional;
    }
    if (items.empty()) {
        if (!fallback.is_unbound()) return fallback;
        return in.raise_value_error(name + "() arg is an empty sequence");
    }
    value best = items[0];
    value best_key = best;
    const bool keyed = !key.is_unbound() && !key.is_none();
    if (keyed) {
        call_arguments one{{best}, {}};
        best_key = in.call(key, one);
        if (best_key.is_raised()) return best_key;
    }
    for (std::size_t i = 1; i < items.size(); ++i) {
        value k = items[i];
        if (keyed) {
            call_arguments one{{items[i]}, {}};
            k = in.call(key, one);
            if (k.is_raised()) return k;
        }
        value wins = in.compare(better, k, best_key);
        if (wins.is_raised()) return wins;
        if (wins.as_bool()) {
            best = items[i];
            best_key = k;
        }
    }
    return best;
}

// pow(base, exp, mod) for ints: modular exponentiation (a negative exp uses the inverse).
value modular_power(interpreter& in, const value& base, const value& exponent, const value& modulus) {
    if (!base.is_int_like() || !exponent.is_int_like() || !modulus.is_int_like()) {
        return in.raise_type_error("pow() 3rd argument not allowed unless all arguments are integers");
    }
    const std::int64_t m = modulus.as_int();
    if (m == 0) return in.raise_value_error("pow() 3rd argument cannot be 0");
    const __int128 size = m < 0 ? -__int128(m) : __int128(m);
    auto reduce = [&](__int128 x) { return ((x % size) + size) % size; };
    __int128 b = reduce(base.as_int());
    std::int64_t e = exponent.as_int();
    if (e < 0) {
        // The inverse of b modulo size, by the extended Euclidean algorithm.
        __int128 r0 = size, r1 = b, t0 = 0, t1 = 1;
        while (r1 != 0) {
            const __int128 q = r0 / r1;
            std::tie(r0, r1) = std::make_pair(r1, r0 - q * r1);
            std::tie(t0, t1) = std::make_pair(t1, t0 - q * t1);
        }
        if (r0 != 1) return in.raise_value_error("base is not invertible for the given modulus");
        b = reduce(t0);
        e = -e;
    }
    __int128 result = reduce(1);
    for (; e > 0; e >>= 1) {
        if (e & 1) result = result * b % size;
        b = b * b % size;
    }
    if (m < 0 && result != 0) result -= size;  // the result takes the modulus's sign
    return value::integer(std::int64_t(result));
}

// zip(strict=True) raises when the shortest argument ends before another.
std::string strict_zip_error(const std::vector<std::vector<value>>& columns, std::size_t rows) {
    auto others = [](std::size_t i) { return i == 1 ? std::string(" 1") : "s 1-" + std::to_string(i); };
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (columns[i].size() != rows) continue;
        if (i > 0) return "zip() argument " + std::to_string(i + 1) + " is shorter than argument" + others(i);
        for (std::size_t j = 1; j < columns.size(); ++j) {
            if (columns[j].size() > rows) return "zip() argument " + std::to_string(j + 1) + " is longer than argument" + others(j);
        }
        break;
    }
    return "";
}

// iter(callable, sentinel): calls until the sentinel comes back.
value call_until_sentinel(interpreter& in, const value& function, const value& sentinel) {
    const bool is_callable = function.as<function_object>() || function.as<builtin_function_object>() || function.as<type_object>();
    if (!is_callable) return in.raise_type_error("iter(v, w): v must be callable");
    auto finished = std::make_shared<bool>(false);
    interpreter* owner = &in;
    return value::of(make_object<iterator_object>(
        [owner, function, sentinel, finished]() -> std::optional<value> {
            if (*finished) return std::nullopt;
            call_arguments none;
            value result = owner->call(function, none);
            if (result.is_raised()) return result;
            if (values_equal(result, sentinel)) {
                *finished = true;
                return std::nullopt;
            }
            return result;
        },
        "callable_iterator"));
}

// int(text) past 64 bits: the text is valid (parse_python_int said so), only too large.
value int_beyond_64_bits(interpreter& in, std::string_view text, int base) {
    while (!text.empty() && (text.front() == ' ' || (text.front() >= '\t' && text.front() <= '\r'))) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || (text.back() >= '\t' && text.back() <= '\r'))) text.remove_suffix(1);
    const bool negative = !text.empty() && text[0] == '-';
    if (!text.empty() && (text[0] == '-' || text[0] == '+')) text.remove_prefix(1);
    if (text.size() > 2 && text[0] == '0' && std::string_view("xXoObB").find(text[1]) != std::string_view::npos) {
        if (base == 0) base = (text[1] | 0x20) == 'x' ? 16 : (text[1] | 0x20) == 'o' ? 8 : 2;
        text.remove_prefix(2);
    }
    return big_from_text(in, text, negative, base == 0 ? 10 : base);
}

value make_int(interpreter& in, arguments_t& args) {
    std::vector<value> slots;
    RETURN_IF_RAISED(bind_parameters(in, args, 0, "int", {{"x", parameter_spec::kind::positional_only}, {"base"}}, slots));
    const value& base_value = slots[1];
    if (slots[0].is_unbound()) {
        if (!base_value.is_unbound()) return in.raise_type_error("int() missing string argument");
        return value::integer(0);
    }
    const value& x = slots[0];
    if (auto* s = x.as<str_object>()) {
        std::int64_t base = 10;
        if (!base_value.is_unbound()) RETURN_IF_RAISED(index_argument(in, base_value, base));
        if (base != 0 && (base < 2 || base > 36)) return in.raise_value_error("int() base must be >= 2 and <= 36, or 0");
        std::int64_t result = 0;
        try {
            if (!parse_python_int(s->value, int(base), result)) {
                return in.raise_value_error("invalid literal for int() with base " + std::to_string(base) + ": " + str_repr(s->value));
            }
        } catch (const format_error& error) {
            if (error.python_type == "OverflowError") return int_beyond_64_bits(in, s->value, int(base));
            return in.raise_value_error(error.message);
        }
        return value::integer(result);
    }
    if (!base_value.is_unbound()) return in.raise_type_error("int() can't convert non-string with explicit base");
    if (x.is_int_like()) return value::integer(x.as_int());
    if (x.as<big_int_object>()) return x;
    if (x.is_float()) {
        const double f = x.as_float();
        if (std::isinf(f)) return in.raise(in.types().overflow_error, "cannot convert float infinity to integer");
        if (std::isnan(f)) return in.raise_value_error("cannot convert float NaN to integer");
        if (f >= 9.2233720368547758e18 || f < -9.2233720368547758e18) return int_value(big_int::from_double(f));
        return value::integer(static_cast<std::int64_t>(f));
    }
    return in.raise_type_error("int() argument must be a string, a bytes-like object or a real number, not '" + in.type_name(x) + "'");
}

value make_float(interpreter& in, arguments_t& args) {
    RETURN_IF_RAISED(positional_range(in, args, "float", 0, 1));
    if (args.positional.empty()) return value::floating(0);
    const value& x = args.positional[0];
    if (x.is_number()) return value::floating(x.to_double());
    if (auto* b = x.as<big_int_object>()) return big_to_float(in, b->number);
    if (auto* s = x.as<str_object>()) {
        double result = 0;
        if (!parse_python_float(s->value, result)) return in.raise_value_error("could not convert string to float: " + str_repr(s->value));
        return value::floating(result);
    }
    return in.raise_type_error("float() argument must be a string or a real number, not '" + in.type_name(x) + "'");
}

value format_builtin(interpreter& in, const value& v, const std::string& spec) {
    try {
        if (v.is_bool() && spec.empty()) return in.make_str(v.as_bool() ? "True" : "False");
        if (v.is_int_like()) return in.make_str(format_int(v.as_int(), spec, v.is_bool() ? "bool" : "int"));
        if (v.is_float()) return in.make_str(format_float(v.as_float(), spec));
        if (auto* s = v.as<str_object>()) return in.make_str(format_str(s->value, spec));
        if (auto* b = v.as<big_int_object>()) return big_format(in, b->number, spec);
    } catch (const format_error& error) {
        return in.raise(error.python_type == "TypeError" ? in.types().type_error : in.types().value_error, error.message);
    }
    if (spec.empty()) return in.make_str(in.str(v));
    return in.raise_type_error("unsupported format string passed to " + in.type_name(v) + ".__format__");
}

value iterator_over(interpreter& in, std::vector<value> items, const char* name) {
    auto shared = std::make_shared<std::vector<value>>(std::move(items));
    auto index = std::make_shared<std::size_t>(0);
    (void)in;
    return value::of(make_object<iterator_object>(
        [shared, index]() -> std::optional<value> {
            if (*index >= shared->size()) return std::nullopt;
            return (*shared)[(*index)++];
        },
        name));
}

}  // namespace

value builtin_format(interpreter& in, const value& v, const std::string& spec) { return format_builtin(in, v, spec); }

value sort_keywords(interpreter& in, const call_arguments& args, std::size_t bound, value& key, value& reverse) {
    std::vector<value> slots;
    value error = bind_parameters(in, args, bound, "sort",
                                  {{"key", parameter_spec::kind::keyword_only}, {"reverse", parameter_spec::kind::keyword_only}}, slots);
    if (error.is_raised()) return error;
    key = slots[0].is_unbound() ? value() : slots[0];
    std::int64_t flag = 0;
    if (!slots[1].is_unbound()) {
        error = index_argument(in, slots[1], flag);
        if (error.is_raised()) return error;
    }
    reverse = value::boolean(flag != 0);
    return value();
}

// dict_update_arg: a dict is copied; anything else must yield pairs.
value dict_update_from(interpreter& in, dict_object& dict, const value& source) {
    if (auto* other = source.as<dict_object>()) {
        for (auto& entry : other->entries) {
            if (entry.alive) dict.set(entry.key, entry.hash, entry.item);
        }
        return value();
    }
    value error;
    std::size_t index = 0;
    value iteration = in.iterate(source, [&](const value& element) {
        const std::string position = "dictionary update sequence element #" + std::to_string(index++);
        value items = in.make_iterator(element);
        if (items.is_raised()) {
            error = in.raise_type_error("cannot convert " + position + " to a sequence");
            return false;
        }
        std::vector<value> pair;
        error = in.to_list(items, pair);
        if (error.is_raised()) return false;
        if (pair.size() != 2) {
            error = in.raise_value_error(position + " has length " + std::to_string(pair.size()) + "; 2 is required");
            return false;
        }
        std::int64_t hash = 0;
        error = in.hash_key(pair[0], hash);
        if (error.is_raised()) return false;
        dict.set(pair[0], hash, pair[1]);
        return true;
    });
    return iteration.is_raised() ? iteration : error;
}

value builtin_sort(interpreter& in, std::vector<value>& items, const value& key, bool reverse) {
    return sort_values(in, items, key, reverse);
}

void install_builtin_functions(interpreter& in, globals_table& g) {
    const auto& t = in.types();

    define(in, g, "print", [](interpreter& in, arguments_t& args) -> value {
        value sep = args.take("sep", value());
        value end = args.take("end", value());
        args.take("flush");
        value file = args.take("file");
        if (!args.keywords.empty()) return in.raise_type_error("'" + args.keywords.front().first + "' is an invalid keyword argument for print()");
        if (!sep.is_none() && !sep.as<str_object>()) return in.raise_type_error("sep must be None or a string, not " + in.type_name(sep));
        if (!end.is_none() && !end.as<str_object>()) return in.raise_type_error("end must be None or a string, not " + in.type_name(end));
        std::string separator = sep.is_none() ? " " : in.str(sep);
        std::string text;
        for (std::size_t i = 0; i < args.positional.size(); ++i) {
            if (i > 0) text += separator;
            text += in.str(args.positional[i]);
        }
        text += end.is_none() ? "\n" : in.str(end);
        if (is_stderr(file)) in.write_error(text);
        else in.write(text);
        return in.run_stopped() ? in.run_limit_error() : value();
    });
    define(in, g, "len", [](interpreter& in, arguments_t& args) -> value {
        RETURN_IF_RAISED(one_argument(in, args, "len"));
        return length_of(in, args.positional[0]);
    });
    define(in, g, "repr", [](interpreter& in, arguments_t& args) -> value {
        RETURN_IF_RAISED(one_argument(in, args, "repr"));
        return in.make_str(in.repr(args.positional[0]));
    });
    define(in, g, "format", [](interpreter& in, arguments_t& args) -> value {
        RETURN_IF_RAISED(positional_range(in, args, "format", 1, 2));
        if (args.positional.size() > 1 && !args.positional[1].as<str_object>()) {
            return in.raise_type_error("format() argument 2 must be str, not " + in.type_name(args.positional[1]));
        }
        std::string spec = args.positional.size() > 1 ? args.positional[1].as<str_object>()->value : "";
        return format_builtin(in, args.positional[0], spec);
    });
    define(in, g, "abs", [](interpreter& in, arguments_t& args) -> value {
        RETURN_IF_RAISED(one_argument(in, args, "abs"));
        const value& x = args.positional[0];
        if (x.is_float()) return value::floating(std::fabs(x.as_float()));
        if (x.is_int_like() && x.as_int() != INT64_MIN) return value::integer(x.as_int() < 0 ? -x.as_int() : x.as_int());
        if (is_integer(x)) return int_value(to_big_int(x).abs());
        return in.raise_type_error("bad operand type for abs(): '" + in.type_name(x) + "'");
    });
    define(in, g, "round", [](interpreter& in, arguments_t& args) -> value {
        std::vector<value> slots;
        RETURN_IF_RAISED(bind_parameters(in, args, 0, "round", {{"number", parameter_spec::kind::positional_or_keyword, true}, {"ndigits"}}, slots));
        value ndigits = slots[1].is_unbound() ? value() : slots[1];
        if (!ndigits.is_none()) {
            std::int64_t digits = 0;
            RETURN_IF_RAISED(index_argument(in, ndigits, digits));
        }
        const value& x = slots[0];
        if (x.is_int_like()) {
            if (ndigits.is_none() || ndigits.as_int() >= 0) return value::integer(x.as_int());
            std::int64_t scale = 1;
            for (std::int64_t i = 0; i < -ndigits.as_int() && i < 18; ++i) scale *= 10;
            double rounded = python_round_half_even(double(x.as_int()) / double(scale)) * double(scale);
            return value::integer(static_cast<std::int64_t>(rounded));
        }
        if (!x.is_float()) return in.raise_type_error("type " + in.type_name(x) + " doesn't define __round__ method");
        if (ndigits.is_none()) {
            const double f = x.as_float();
            if (std::isinf(f)) return in.raise(in.types().overflow_error, "cannot convert float infinity to integer");
            if (std::isnan(f)) return in.raise_value_error("cannot convert float NaN to integer");
            return value::integer(static_cast<std::int64_t>(python_round_half_even(f)));
        }
        return value::floating(python_round(x.as_float(), int(ndigits.as_int())));
    });
    define(in, g, "sum", [](interpreter& in, arguments_t& args) -> value {
        std::vector<value> slots;
        RETURN_IF_RAISED(bind_parameters(in, args, 0, "sum", {{"iterable", parameter_spec::kind::positional_only, true}, {"start"}}, slots));
        value start = slots[1].is_unbound() ? value::integer(0) : slots[1];
        if (start.as<str_object>()) return in.raise_type_error("sum() can't sum strings [use ''.join(seq) instead]");
        value total = start;
        value error = in.iterate(slots[0], [&](const value& item) {
            total = in.binary(binary_op::add, total, item);
            return !total.is_raised();
        });
        if (error.is_raised()) return error;
        return total;
    });
    define(in, g, "min", [](interpreter& in, arguments_t& args) { return extreme(in, args, "min", compare_op::less); });
    define(in, g, "max", [](interpreter& in, arguments_t& args) { return extreme(in, args, "max", compare_op::greater); });
    define(in, g, "sorted", [](interpreter& in, arguments_t& args) -> value {
        if (args.positional.size() != 1) {
            return in.raise_type_error("sorted expected 1 argument, got " + std::to_string(args.positional.size()));
        }
        std::vector<value> items;
        RETURN_IF_RAISED(in.to_list(args.positional[0], items));
        call_arguments sort_arguments{{}, args.keywords};  // sorted passes its keywords on to list.sort
        value key, reverse;
        RETURN_IF_RAISED(sort_keywords(in, sort_arguments, 0, key, reverse));
        RETURN_IF_RAISED(sort_values(in, items, key, reverse.as_bool()));
        return in.make_list(std::move(items));
    });
    define(in, g, "reversed", [](interpreter& in, arguments_t& args) -> value {
        if (!args.keywords.empty()) return in.raise_type_error("reversed() takes no keyword arguments");
        if (args.positional.size() != 1) {
            return in.raise_type_error("reversed expected 1 argument, got " + std::to_string(args.positional.size()));
        }
        const value& sequence = args.positional[0];
        const bool reversible = sequence.as<list_object>() || sequence.as<tuple_object>() || sequence.as<str_object>() ||
                                sequence.as<range_object>() || sequence.as<dict_object>() || sequence.as<dict_view_object>();
        if (!reversible) return in.raise_type_error("'" + in.type_name(sequence) + "' object is not reversible");
        std::vector<value> items;
        value error = in.to_list(sequence, items);
        if (error.is_raised()) return error;
        std::reverse(items.begin(), items.end());
        return iterator_over(in, std::move(items), "list_reverseiterator");
    });
    define(in, g, "enumerate", [](interpreter& in, arguments_t& args) -> value {
        if (args.keywords.empty() && args.positional.empty()) return in.raise_type_error("enumerate() missing required argument 'iterable'");
        std::vector<value> slots;
        RETURN_IF_RAISED(bind_parameters(in, args, 0, "enumerate", {{"iterable", parameter_spec::kind::positional_or_keyword, true}, {"start"}}, slots));
        std::int64_t index = 0;
        if (!slots[1].is_unbound()) RETURN_IF_RAISED(index_argument(in, slots[1], index));
        std::vector<value> items;
        value error = in.iterate(slots[0], [&](const value& item) {
            items.push_back(in.make_tuple({value::integer(index++), item}));
            return true;
        });
        if (error.is_raised()) return error;
        return iterator_over(in, std::move(items), "enumerate");
    });
    define(in, g, "zip", [](interpreter& in, arguments_t& args) -> value {
        const value strict = args.take("strict", value::boolean(false));
        if (!args.keywords.empty()) return in.raise_type_error("'" + args.keywords.front().first + "' is an invalid keyword argument for zip()");
        std::vector<std::vector<value>> columns(args.positional.size());
        for (std::size_t i = 0; i < args.positional.size(); ++i) {
            value error = in.to_list(args.positional[i], columns[i]);
            if (error.is_raised()) {
                return in.raise_type_error("'" + in.type_name(args.positional[i]) + "' object is not iterable");
            }
        }
        std::vector<value> rows;
        std::size_t n = columns.empty() ? 0 : SIZE_MAX;
        for (auto& column : columns) n = std::min(n, column.size());

        for (std::size_t r = 0; r < n; ++r) {
            std::vector<value> row;
            for (auto& column : columns) row.push_back(column[r]);
            rows.push_back(in.make_tuple(std::move(row)));
        }
        const std::string mismatch = in.truthy(strict) ? strict_zip_error(columns, n) : "";
        if (mismatch.empty()) return iterator_over(in, std::move(rows), "zip");
        // The rows come first; the error when the shortest argument runs out.
        auto shared = std::make_shared<std::vector<value>>(std::move(rows));
        auto index = std::make_shared<std::size_t>(0);
        interpreter* owner = &in;
        return value::of(make_object<iterator_object>(
            [shared, index, owner, mismatch]() -> std::optional<value> {
                if (*index < shared->size()) return (*shared)[(*index)++];
                return owner->raise_value_error(mismatch);
            },
            "zip"));
    });
    define(in, g, "map", [](interpreter& in, arguments_t& args) -> value {
        if (!args.keywords.empty()) return in.raise_type_error("map() takes no keyword arguments");
        if (args.positional.size() < 2) return in.raise_type_error("map() must have at least two arguments.");
        std::vector<std::vector<value>> columns(args.positional.size() - 1);
        for (std::size_t i = 1; i < args.positional.size(); ++i) {
            value error = in.to_list(args.positional[i], columns[i - 1]);
            if (error.is_raised()) return error;
        }
        std::size_t n = SIZE_MAX;
        for (auto& column : columns) n = std::min(n, column.size());
        std::vector<value> results;
        for (std::size_t r = 0; r < n; ++r) {
            call_arguments call{{}, {}};
            for (auto& column : columns) call.positional.push_back(column[r]);
            value v = in.call(args.positional[0], call);
            if (v.is_raised()) return v;
            results.push_back(std::move(v));
        }
        return iterator_over(in, std::move(results), "map");
    });
    define(in, g, "filter", [](interpreter& in, arguments_t& args) -> value {
        value error = positional_range(in, args, "filter", 2, 2);
        if (error.is_raised()) return error;
        std::vector<value> kept;
        error = in.iterate(args.positional[1], [&](const value& item) {
            if (args.positional[0].is_none()) {
                if (in.truthy(item)) kept.push_back(item);
                return true;
            }
            call_arguments one{{item}, {}};
            value test = in.call(args.positional[0], one);
            if (test.is_raised()) {
                error = test;
                return false;
            }
            if (in.truthy(test)) kept.push_back(item);
            return true;
        });
        if (error.is_raised()) return error;
        return iterator_over(in, std::move(kept), "filter");
    });
    define(in, g, "any", [](interpreter& in, arguments_t& args) -> value {
        value error = one_argument(in, args, "any");
        if (error.is_raised()) return error;
        bool found = false;
        error = in.iterate(args.positional[0], [&](const value& item) { return !(found = in.truthy(item)); });
        return error.is_raised() ? error : value::boolean(found);
    });
    define(in, g, "all", [](interpreter& in, arguments_t& args) -> value {
        value error = one_argument(in, args, "all");
        if (error.is_raised()) return error;
        bool every = true;
        error = in.iterate(args.positional[0], [&](const value& item) { return every = in.truthy(item); });
        return error.is_raised() ? error : value::boolean(every);
    });
    define(in, g, "isinstance", [](interpreter& in, arguments_t& args) -> value {
        RETURN_IF_RAISED(positional_range(in, args, "isinstance", 2, 2));
        std::vector<value> types;
        if (auto* tuple = args.positional[1].as<tuple_object>()) types = tuple->items;
        else types.push_back(args.positional[1]);
        for (const auto& candidate : types) {
            auto* type = candidate.as<type_object>();
            if (!type) return in.raise_type_error("isinstance() arg 2 must be a type, a tuple of types, or a union");
            if (in.is_instance(args.positional[0], *type)) return value::boolean(true);
        }
        return value::boolean(false);
    });
    define(in, g, "iter", [](interpreter& in, arguments_t& args) -> value {
        RETURN_IF_RAISED(positional_range(in, args, "iter", 1, 2));
        if (auto* generator = args.positional[0].as<generator_object>(); generator && !generator->is_async && args.positional.size() == 1) {
            return args.positional[0];  // a generator is its own iterator
        }
        if (args.positional.size() == 1) return in.make_iterator(args.positional[0]);
        return call_until_sentinel(in, args.positional[0], args.positional[1]);
    });
    define(in, g, "next", [](interpreter& in, arguments_t& args) -> value {
        RETURN_IF_RAISED(positional_range(in, args, "next", 1, 2));
        if (auto* generator = args.positional[0].as<generator_object>(); generator && !generator->is_async) {
            value item = next_of_generator(in, args.positional[0]);
            const bool exhausted = item.is_raised() && in.is_instance(value::of(item.as_object()), *in.types().stop_iteration);
            return exhausted && args.positional.size() == 2 ? args.positional[1] : item;
        }
        auto* it = args.positional[0].as<iterator_object>();
        if (!it) return in.raise_type_error("'" + in.type_name(args.positional[0]) + "' object is not an iterator");
        std::optional<value> item = it->next();
        if (item) return *item;
        if (args.positional.size() == 2) return args.positional[1];
        return value::raised(in.make_exception(in.types().stop_iteration, {}).as_object());
    });
    define(in, g, "divmod", [](interpreter& in, arguments_t& args) -> value {
        RETURN_IF_RAISED(positional_range(in, args, "divmod", 2, 2));
        const value& a = args.positional[0];
        const value& b = args.positional[1];
        if (!(a.is_number() || is_integer(a)) || !(b.is_number() || is_integer(b))) {
            return in.raise_type_error("unsupported operand type(s) for divmod(): '" + in.type_name(a) + "' and '" + in.type_name(b) + "'");
        }
        value q = in.binary(binary_op::floor_divide, args.positional[0], args.positional[1]);
        if (q.is_raised()) return q;
        value r = in.binary(binary_op::modulo, args.positional[0], args.positional[1]);
        if (r.is_raised()) return r;
        return in.make_tuple({q, r});
    });
    define(in, g, "pow", [](interpreter& in, arguments_t& args) -> value {
        std::vector<value> slots;
        RETURN_IF_RAISED(bind_parameters(in, args, 0, "pow",
                                         {{"base", parameter_spec::kind::positional_or_keyword, true},
                                          {"exp", parameter_spec::kind::positional_or_keyword, true}, {"mod"}},
                                         slots));
        if (slots[2].is_unbound() || slots[2].is_none()) return in.binary(binary_op::power, slots[0], slots[1]);
        if (slots[0].as<big_int_object>() || slots[1].as<big_int_object>() || slots[2].as<big_int_object>()) {
            return big_modular_power(in, slots[0], slots[1], slots[2]);
        }
        return modular_power(in, slots[0], slots[1], slots[2]);
    });
    define(in, g, "chr", [](interpreter& in, arguments_t& args) -> value {
        RETURN_IF_RAISED(one_argument(in, args, "chr"));
        std::int64_t c = 0;
        RETURN_IF_RAISED(index_argument(in, args.positional[0], c));
        if (c < 0 || c > 0x10FFFF) return in.raise_value_error("chr() arg not in range(0x110000)");
        std::string text;
        if (c < 0x80) text += char(c);
        else if (c < 0x800) text += {char(0xC0 | (c >> 6)), char(0x80 | (c & 0x3F))};
        else if (c < 0x10000) text += {char(0xE0 | (c >> 12)), char(0x80 | ((c >> 6) & 0x3F)), char(0x80 | (c & 0x3F))};
        else text += {char(0xF0 | (c >> 18)), char(0x80 | ((c >> 12) & 0x3F)), char(0x80 | ((c >> 6) & 0x3F)), char(0x80 | (c & 0x3F))};
        return in.make_str(text);
    });
    define(in, g, "ord", [](interpreter& in, arguments_t& args) -> value {
        RETURN_IF_RAISED(one_argument(in, args, "ord"));
        auto* s = args.positional[0].as<str_object>();
        if (!s) return in.raise_type_error("ord() expected string of length 1, but " + in.type_name(args.positional[0]) + " found");
        const std::size_t length = unicode::length(s->value);
        if (length != 1) return in.raise_type_error("ord() expected a character, but string of length " + std::to_string(length) + " found");
        const auto* bytes = reinterpret_cast<const unsigned char*>(s->value.data());
        std::int64_t c = bytes[0];
        if (c >= 0xF0) c = ((c & 0x07) << 18) | ((bytes[1] & 0x3F) << 12) | ((bytes[2] & 0x3F) << 6) | (bytes[3] & 0x3F);
        else if (c >= 0xE0) c = ((c & 0x0F) << 12) | ((bytes[1] & 0x3F) << 6) | (bytes[2] & 0x3F);
        else if (c >= 0xC0) c = ((c & 0x1F) << 6) | (bytes[1] & 0x3F);
        return value::integer(c);
    });
    define(in, g, "hash", [](interpreter& in, arguments_t& args) -> value {
        value error = one_argument(in, args, "hash");
        if (error.is_raised()) return error;
        std::int64_t h = 0;
        error = in.hash_key(args.positional[0], h);
        return error.is_raised() ? error : value::integer(h);
    });
    define(in, g, "callable", [](interpreter& in, arguments_t& args) -> value {
        RETURN_IF_RAISED(one_argument(in, args, "callable"));
        const value& v = args.positional[0];
        type_ptr cls = user_class_of(v);
        return value::boolean(v.as<function_object>() || v.as<builtin_function_object>() || v.as<type_object>() || v.as<method_object>() ||
                              (cls && class_lookup(*cls, "__call__")));
    });

    define_type(g, t.integer, make_int);
    define_type(g, t.floating, make_float);
    define_type(g, t.str, [](interpreter& in, arguments_t& args) -> value {
        std::vector<value> slots;
        RETURN_IF_RAISED(bind_parameters(in, args, 0, "str", {{"object"}, {"encoding"}, {"errors"}}, slots));
        for (std::size_t i = 1; i <= 2; ++i) {
            if (!slots[i].is_unbound() && !slots[i].as<str_object>()) {
                return in.raise_type_error(std::string("str() argument '") + (i == 1 ? "encoding" : "errors") + "' must be str, not " +
                                           in.type_name(slots[i]));
            }
        }
        if (!slots[1].is_unbound() || !slots[2].is_unbound()) {
            if (auto* data = bytes_argument(slots[0])) return decode_bytes(in, *data, slots[1], slots[2], "str");
            const std::string found = slots[0].is_unbound() ? "str" : in.type_name(slots[0]);
            return in.raise_type_error("decoding to str: need a bytes-like object, " + found + " found");
        }
        return in.make_str(slots[0].is_unbound() ? std::string() : in.str(slots[0]));
    });
    define_type(g, t.boolean, [](interpreter& in, arguments_t& args) -> value {
        value error = positional_range(in, args, "bool", 0, 1);
        if (error.is_raised()) return error;
        return value::boolean(!args.positional.empty() && in.truthy(args.positional[0]));
    });
    define_type(g, t.list, [](interpreter& in, arguments_t& args) -> value {
        value error = positional_range(in, args, "list", 0, 1);
        if (error.is_raised()) return error;
        std::vector<value> items;
        if (!args.positional.empty()) error = in.to_list(args.positional[0], items);
        return error.is_raised() ? error : in.make_list(std::move(items));
    });
    define_type(g, t.tuple, [](interpreter& in, arguments_t& args) -> value {
        value error = positional_range(in, args, "tuple", 0, 1);
        if (error.is_raised()) return error;
        std::vector<value> items;
        if (!args.positional.empty()) error = in.to_list(args.positional[0], items);
        return error.is_raised() ? error : in.make_tuple(std::move(items));
    });
    define_type(g, t.set, [](interpreter& in, arguments_t& args) -> value {
        value error = positional_range(in, args, "set", 0, 1);
        if (error.is_raised()) return error;
        if (args.positional.empty()) return value::of(make_object<set_object>());
        return new_set(in, args.positional[0]);
    });
    define_type(g, t.dict, [](interpreter& in, arguments_t& args) -> value {
        auto dict = make_object<dict_object>();
        if (args.positional.size() > 1) return in.raise_type_error("dict expected at most 1 argument, got " + std::to_string(args.positional.size()));
        if (!args.positional.empty()) RETURN_IF_RAISED(dict_update_from(in, *dict, args.positional[0]));
        for (auto& [name, item] : args.keywords) {
            value key = in.make_str(name);
            std::int64_t h = 0;
            hash_of(key, h);
            dict->set(key, h, item);
        }
        return value::of(dict);
    });
    define_type(g, t.range, [](interpreter& in, arguments_t& args) -> value {
        RETURN_IF_RAISED(positional_range(in, args, "range", 1, 3));
        for (const auto& a : args.positional) {
            if (!a.is_int_like()) return in.raise_type_error("'" + in.type_name(a) + "' object cannot be interpreted as an integer");
        }
        std::int64_t start = 0, stop = 0, step = 1;
        if (args.positional.size() == 1) stop = args.positional[0].as_int();
        else {
            start = args.positional[0].as_int();
            stop = args.positional[1].as_int();
            if (args.positional.size() == 3) step = args.positional[2].as_int();
        }
        if (step == 0) return in.raise_value_error("range() arg 3 must not be zero");
        return value::of(make_object<range_object>(start, stop, step));
    });
    define_type(g, t.type, [](interpreter& in, arguments_t& args) -> value {
        if (args.positional.size() != 1 || !args.keywords.empty()) return in.raise_type_error("type() takes 1 or 3 arguments");
        return value::of(in.type_of(args.positional[0]));
    });
    for (const type_ptr& exception_type :
         {t.base_exception, t.exception, t.arithmetic_error, t.zero_division_error, t.overflow_error, t.lookup_error,
          t.key_error, t.index_error, t.value_error, t.type_error, t.runtime_error, t.recursion_error,
          t.not_implemented_error, t.name_error, t.unbound_local_error, t.attribute_error, t.assertion_error,
          t.stop_iteration, t.os_error, t.timeout_error, t.memory_error, t.base_exception_group, t.exception_group,
          t.generator_exit, t.stop_async_iteration, t.system_exit, t.unicode_error, t.unicode_encode_error, t.unicode_decode_error}) {
        g.names[exception_type->name] = value::of(exception_type);
    }
    install_async_iteration_builtins(in, g);
    install_bytes_type(in, g);
}

}  // namespace loopstep::python

// The random module: CPython's Random on MT19937, drawing exactly its numbers for a seed
// (Lib/random.py's algorithms over Modules/_randommodule.c's generator). Unseeded, it starts
// from the run's random_seed (interpreter_options) as random.seed(random_seed) would, so the
// seed the run result reports repeats the run; a draw from such a generator is reported too.
#include <cmath>

#include "big_int_value.hpp"
#include "bytes_object.hpp"
#include "library_modules.hpp"
#include "mersenne_twister.hpp"

namespace loopstep::python {

namespace {

struct random_generator : native_object {
    explicit random_generator(type_ptr type) : native_object(std::move(type)) {}
    mersenne_twister twister;
    std::optional<double> gauss_next;
    bool* run_seed_drawn = nullptr;  // interpreter_options' flag while seeded by the run, else null

    value attribute(interpreter& in, const value& self, const std::string& name, bool& found) override;
    std::vector<std::string> attribute_names() const override;
    std::string repr(interpreter&) override { return "<random.Random object>"; }
};

random_generator& generator_itself(const call_arguments& args) {
    return static_cast<random_generator&>(*args.positional[0].as_object());
}

// The generator a method draws from; a draw from the run's seed is noted for the run result.
random_generator& generator_of(const call_arguments& args) {
    random_generator& g = generator_itself(args);
    if (g.run_seed_drawn) *g.run_seed_drawn = true;
    return g;
}

// random_seed(): an int seeds with the words of its absolute value; a float with its hash;
// None (or nothing) with the run's seed, as that int would.
value seed_generator(interpreter& in, random_generator& g, const value& seed) {
    g.gauss_next.reset();
    const bool from_run = seed.is_unbound() || seed.is_none();
    big_int n;
    if (from_run) {
        n = big_int::from_uint64(in.options().random_seed);
    } else if (is_integer(seed)) {
        n = to_big_int(seed).abs();
    } else if (seed.is_float()) {
        std::int64_t hash = 0;
        hash_of(seed, hash);
        n = big_int::from_int64(hash).abs();
    } else if (seed.as<str_object>() || seed.as<bytes_object>()) {
        return in.raise(in.types().not_supported_error,
                        "random.seed() with a " + in.type_name(seed) + " seed is not supported in this lesson: use an int");
    } else {
        return in.raise_type_error("The only supported seed types are: None,\nint, float, str, bytes, and bytearray.");
    }
    std::vector<std::uint32_t> key = n.magnitude();
    if (key.empty()) key.push_back(0);
    g.twister.seed_by_array(key);
    g.run_seed_drawn = from_run ? in.options().run_seed_drawn : nullptr;
    return value();
}

// A sequence's length and items for choice/sample (list, tuple, str, range).
value sequence_items(interpreter& in, const value& sequence, std::vector<value>& items, const char* function) {
    if (auto* l = sequence.as<list_object>()) {
        items = l->items;
        return value();
    }
    if (auto* t = sequence.as<tuple_object>()) {
        items = t->items;
        return value();
    }
    if (sequence.as<str_object>() || sequence.as<range_object>() || sequence.as<native_object>()) return in.to_list(sequence, items);
    if (std::string(function) == "sample") {
        return in.raise_type_error("Population must be a sequence.  For dicts or sets, use sorted(d).");
    }
    if (sequence.as<dict_object>() || sequence.as<set_object>()) {
        return in.raise_type_error("'" + in.type_name(sequence) + "' object is not subscriptable");
    }
    return in.raise_type_error("object of type '" + in.type_name(sequence) + "' has no len()");
}

// randrange's integer arguments: ints, or floats with an integral value (deprecated in 3.11).
value range_argument(interpreter& in, const value& v, const char* which, std::int64_t& out) {
    if (v.is_int_like()) {
        out = v.as_int();
        return value();
    }
    if (v.is_float() && std::isfinite(v.as_float())) {
        if (v.as_float() != std::trunc(v.as_float())) return in.raise_value_error(std::string("non-integer ") + which + " for randrange()");
        out = std::int64_t(v.as_float());
        return value();
    }
    if (v.as<big_int_object>()) return in.raise(in.types().not_supported_error, "randrange() beyond 64-bit ints is not supported in this lesson");
    return in.raise_type_error("'" + in.type_name(v) + "' object cannot be interpreted as an integer");
}

value randrange(interpreter& in, random_generator& g, const value& start, const value& stop, const value& step) {
    std::int64_t istart = 0, istop = 0, istep = 1;
    LIBRARY_RETURN_IF_RAISED(range_argument(in, start, "arg 1", istart));
    if (stop.is_unbound() || stop.is_none()) {
        if (!step.is_unbound()) return in.raise_type_error("Missing a non-None stop argument");
        if (istart > 0) return value::integer(std::int64_t(g.twister.below(std::uint64_t(istart))));
        return in.raise_value_error("empty range for randrange()");
    }
    LIBRARY_RETURN_IF_RAISED(range_argument(in, stop, "stop", istop));
    const __int128 width = __int128(istop) - istart;
    if (!step.is_unbound()) LIBRARY_RETURN_IF_RAISED(range_argument(in, step, "step", istep));
    if (istep == 1) {
        if (width > 0) return value::integer(istart + std::int64_t(g.twister.below(std::uint64_t(width))));
        return in.raise_value_error("empty range for randrange() (" + std::to_string(istart) + ", " + std::to_string(istop) + ", " +
                                    std::to_string(std::int64_t(width)) + ")");
    }
    __int128 n = 0;
    if (istep > 0) n = (width + istep - 1) / istep;
    else if (istep < 0) n = (width + istep + 1) / istep;
    else return in.raise_value_error("zero step for randrange()");
    // Python's floor division: the truncated quotient is one too high when signs differ.
    const __int128 numerator = istep > 0 ? width + istep - 1 : width + istep + 1;
    if (numerator % istep != 0 && ((numerator < 0) != (istep < 0))) --n;
    if (n <= 0) return in.raise_value_error("empty range for randrange()");
    return value::integer(std::int64_t(istart + istep * __int128(g.twister.below(std::uint64_t(n)))));
}

using method = value (*)(interpreter&, call_arguments&);

value method_random(interpreter& in, call_arguments& args) {
    LIBRARY_RETURN_IF_RAISED(check_method_arguments(in, args, "Random", "random", method_convention::no_arguments));
    return value::floating(generator_of(args).twister.next_double());
}

value method_seed(interpreter& in, call_arguments& args) {
    std::vector<value> slots;
    LIBRARY_RETURN_IF_RAISED(bind_parameters(in, args, 1, "seed", {{"a"}, {"version"}}, slots));
    return seed_generator(in, generator_itself(args), slots[0]);
}

value method_getrandbits(interpreter& in, call_arguments& args) {
    LIBRARY_RETURN_IF_RAISED(check_method_arguments(in, args, "Random", "getrandbits", method_convention::one_argument));
    std::int64_t k = 0;
    LIBRARY_RETURN_IF_RAISED(int_argument(in, args.positional[1], k));
    if (k < 0) return in.raise_value_error("number of bits must be non-negative");
    if (k > 8'000'000) return value::raised(in.make_exception(in.types().memory_error, {}).as_object());
    return int_value(big_int::from_words(generator_of(args).twister.random_bits(std::uint64_t(k))));
}

// randbytes(n): getrandbits(n * 8) as n bytes, least significant first (Lib/random.py).
value method_randbytes(interpreter& in, call_arguments& args) {
    std::vector<value> slots;
    LIBRARY_RETURN_IF_RAISED(bind_parameters(in, args, 1, "randbytes", {{"n", parameter_spec::kind::positional_or_keyword, true}}, slots));
    std::int64_t n = 0;
    LIBRARY_RETURN_IF_RAISED(int_argument(in, slots[0], n));
    if (n < 0) return in.raise_value_error("number of bits must be non-negative");
    if (n > 1'000'000) return value::raised(in.make_exception(in.types().memory_error, {}).as_object());
    if (n == 0) return make_bytes({});
    const std::vector<std::uint32_t> words = generator_of(args).twister.random_bits(std::uint64_t(n) * 8);
    std::string data(std::size_t(n), '\0');
    for (std::size_t i = 0; i < data.size(); ++i) data[i] = static_cast<char>(words[i / 4] >> (8 * (i % 4)));
    return make_bytes(std::move(data));
}

value method_randrange(interpreter& in, call_arguments& args) {
    std::vector<value> slots;
    LIBRARY_RETURN_IF_RAISED(bind_parameters(in, args, 1, "randrange", {{"start", parameter_spec::kind::positional_or_keyword, true}, {"stop"}, {"step"}}, slots));
    return randrange(in, generator_of(args), slots[0], slots[1], slots[2]);
}

value method_randint(interpreter& in, call_arguments& args) {
    std::vector<value> slots;
    LIBRARY_RETURN_IF_RAISED(bind_parameters(in, args, 1, "randint", {{"a", parameter_spec::kind::positional_or_keyword, true},
                                                                      {"b", parameter_spec::kind::positional_or_keyword, true}}, slots));
    value stop = in.binary(binary_op::add, slots[1], value::integer(1));
    if (stop.is_raised()) return stop;
    return randrange(in, generator_of(args), slots[0], stop, value::unbound());
}

value method_uniform(interpreter& in, call_arguments& args) {
    std::vector<value> slots;
    LIBRARY_RETURN_IF_RAISED(bind_parameters(in, args, 1, "uniform", {{"a", parameter_spec::kind::positional_or_keyword, true},
                                                                      {"b", parameter_spec::kind::positional_or_keyword, true}}, slots));
    value span = in.binary(binary_op::subtract, slots[1], slots[0]);
    if (span.is_raised()) return span;
    value scaled = in.binary(binary_op::multiply, span, value::floating(generator_of(args).twister.next_double()));
    if (scaled.is_raised()) return scaled;
    return in.binary(binary_op::add, slots[0], scaled);
}

value method_choice(interpreter& in, call_arguments& args) {
    LIBRARY_RETURN_IF_RAISED(check_method_arguments(in, args, "Random", "choice", method_convention::one_argument));
    std::vector<value> items;
    LIBRARY_RETURN_IF_RAISED(sequence_items(in, args.positional[1], items, "choice"));
    if (items.empty()) return in.raise(in.types().index_error, "Cannot choose from an empty sequence");
    return items[generator_of(args).twister.below(items.size())];
}

value method_shuffle(interpreter& in, call_arguments& args) {
    LIBRARY_RETURN_IF_RAISED(check_method_arguments(in, args, "Random", "shuffle", method_convention::one_argument));
    auto* list = args.positional[1].as<list_object>();
    if (!list) {
        return in.raise_type_error("'" + in.type_name(args.positional[1]) + "' object does not support item assignment");
    }
    auto& twister = generator_of(args).twister;
    for (std::size_t i = list->items.size(); i-- > 1;) {
        const std::size_t j = std::size_t(twister.below(i + 1));
        std::swap(list->items[i], list->items[j]);
    }
    return value();
}

value method_sample(interpreter& in, call_arguments& args) {
    value counts = args.take("counts");
    std::vector<value> slots;
    LIBRARY_RETURN_IF_RAISED(bind_parameters(in, args, 1, "sample", {{"population", parameter_spec::kind::positional_or_keyword, true},
                                                                     {"k", parameter_spec::kind::positional_or_keyword, true}}, slots));
    if (!counts.is_unbound() && !counts.is_none()) return in.raise(in.types().not_supported_error, "random.sample() with counts= is not supported in this lesson");
    std::vector<value> population;
    LIBRARY_RETURN_IF_RAISED(sequence_items(in, slots[0], population, "sample"));
    std::int64_t k = 0;
    LIBRARY_RETURN_IF_RAISED(int_argument(in, slots[1], k));
    const auto n = std::int64_t(population.size());
    if (k < 0 || k > n) return in.raise_value_error("Sample larger than population or is negative");
    auto& twister = generator_of(args).twister;
    std::vector<value> result(static_cast<std::size_t>(k));
    // The pool or the set of selections, whichever CPython picks for these sizes.
    std::int64_t setsize = 21;
    if (k > 5) setsize += std::int64_t(std::pow(4.0, std::ceil(std::log(double(k * 3)) / std::log(4.0))));
    if (n <= setsize) {
        std::vector<value> pool = population;
        for (std::int64_t i = 0; i < k; ++i) {
            const auto j = std::size_t(twister.below(std::uint64_t(n - i)));
            result[std::size_t(i)] = pool[j];
            pool[j] = pool[std::size_t(n - i - 1)];
        }
    } else {
        std::vector<bool> selected(population.size(), false);
        for (std::int64_t i = 0; i < k; ++i) {
            auto j = std::size_t(twister.below(std::uint64_t(n)));
            while (selected[j]) j = std::size_t(twister.below(std::uint64_t(n)));
            selected[j] = true;
            result[std::size_t(i)] = population[j];
        }
    }
    return in.make_list(std::move(result));
}

value method_choices(interpreter& in, call_arguments& args) {
    value cum_weights = args.take("cum_weights", value());
    value k_value = args.take("k", value::integer(1));
    std::vector<value> slots;
    LIBRARY_RETURN_IF_RAISED(bind_parameters(in, args, 1, "choices", {{"population", parameter_spec::kind::positional_or_keyword, true}, {"weights"}}, slots));
    std::vector<value> population;
    LIBRARY_RETURN_IF_RAISED(sequence_items(in, slots[0], population, "choices"));
    std::int64_t k = 0;
    LIBRARY_RETURN_IF_RAISED(int_argument(in, k_value, k));
    auto& twister = generator_of(args).twister;
    const value weights = slots[1].is_unbound() ? value() : slots[1];
    std::vector<value> result;
    if (cum_weights.is_none() && weights.is_none()) {
        const double n = double(population.size());
        for (std::int64_t i = 0; i < k; ++i) {
            const auto index = std::size_t(std::floor(twister.next_double() * n));
            if (index >= population.size()) return in.raise(in.types().index_error, "list index out of range");
            result.push_back(population[index]);
        }
        return in.make_list(std::move(result));
    }
    std::vector<value> cumulative;
    if (cum_weights.is_none()) {
        if (weights.is_int_like()) {
            return in.raise_type_error("The number of choices must be a keyword argument: k=" + std::to_string(weights.as_int()));
        }
        value total = value::integer(0);
        LIBRARY_RETURN_IF_RAISED(in.iterate(weights, [&](const value& w) {
            total = cumulative.empty() ? w : in.binary(binary_op::add, total, w);
            if (total.is_raised()) return false;
            cumulative.push_back(total);
            return true;
        }));
        if (total.is_raised()) return total;
    } else {
        if (!weights.is_none()) return in.raise_type_error("Cannot specify both weights and cumulative weights");
        LIBRARY_RETURN_IF_RAISED(in.to_list(cum_weights, cumulative));
    }
    if (cumulative.size() != population.size()) return in.raise_value_error("The number of weights does not match the population");
    double total = 0;
    LIBRARY_RETURN_IF_RAISED(real_argument(in, cumulative.back(), total));
    if (total <= 0.0) return in.raise_value_error("Total of weights must be greater than zero");
    if (!std::isfinite(total)) return in.raise_value_error("Total of weights must be finite");
    for (std::int64_t i = 0; i < k; ++i) {
        // bisect_right(cum_weights, random() * total, 0, n - 1)
        const value x = value::floating(twister.next_double() * total);
        std::size_t low = 0, high = population.size() - 1;
        while (low < high) {
            const std::size_t middle = (low + high) / 2;
            value less = in.compare(compare_op::less, x, cumulative[middle]);
            if (less.is_raised()) return less;
            if (less.as_bool()) high = middle;
            else low = middle + 1;
        }
        result.push_back(population[low]);
    }
    return in.make_list(std::move(result));
}

value method_gauss(interpreter& in, call_arguments& args) {
    std::vector<value> slots;
    LIBRARY_RETURN_IF_RAISED(bind_parameters(in, args, 1, "gauss", {{"mu"}, {"sigma"}}, slots));
    double mu = 0, sigma = 1;
    if (!slots[0].is_unbound()) LIBRARY_RETURN_IF_RAISED(real_argument(in, slots[0], mu));
    if (!slots[1].is_unbound()) LIBRARY_RETURN_IF_RAISED(real_argument(in, slots[1], sigma));
    random_generator& g = generator_of(args);
    double z = 0;
    if (g.gauss_next) {
        z = *g.gauss_next;
        g.gauss_next.reset();
    } else {
        const double x2pi = g.twister.next_double() * 6.283185307179586;  // TWOPI
        const double g2rad = std::sqrt(-2.0 * std::log(1.0 - g.twister.next_double()));
        z = std::cos(x2pi) * g2rad;
        g.gauss_next = std::sin(x2pi) * g2rad;
    }
    return value::floating(mu + z * sigma);
}

value method_expovariate(interpreter& in, call_arguments& args) {
    LIBRARY_RETURN_IF_RAISED(check_method_arguments(in, args, "Random", "expovariate", method_convention::one_argument));
    double lambd = 0;
    LIBRARY_RETURN_IF_RAISED(real_argument(in, args.positional[1], lambd));
    if (lambd == 0) return in.raise(in.types().zero_division_error, "float division by zero");
    return value::floating(-std::log(1.0 - generator_of(args).twister.next_double()) / lambd);
}

const std::vector<std::pair<const char*, method>>& methods() {
    static const std::vector<std::pair<const char*, method>> table = {
        {"choice", method_choice}, {"choices", method_choices}, {"expovariate", method_expovariate},
        {"gauss", method_gauss}, {"getrandbits", method_getrandbits}, {"randint", method_randint},
        {"randbytes", method_randbytes}, {"random", method_random}, {"randrange", method_randrange}, {"sample", method_sample},
        {"seed", method_seed}, {"shuffle", method_shuffle}, {"uniform", method_uniform},
    };
    return table;
}

value random_generator::attribute(interpreter&, const value& self, const std::string& name, bool& found) {
    for (const auto& [method_name, function] : methods()) {
        if (name == method_name) {
            found = true;
            return bound_method(name, self, function);
        }
    }
    found = false;
    return value();
}

std::vector<std::string> random_generator::attribute_names() const {
    std::vector<std::string> names;
    for (const auto& entry : methods()) names.emplace_back(entry.first);
    return names;
}

}  // namespace

value make_random_module(interpreter& in) {
    auto module = make_object<module_object>("random");
    std::weak_ptr<type_object> weak_type;
    auto type = make_library_type(in, "Random", "random", nullptr);
    weak_type = type;
    type->construct = [weak_type](interpreter& in, call_arguments& args) -> value {
        std::vector<value> slots;
        LIBRARY_RETURN_IF_RAISED(bind_parameters(in, args, 0, "Random", {{"x", parameter_spec::kind::positional_only}}, slots));
        auto generator = std::make_shared<random_generator>(weak_type.lock());
        LIBRARY_RETURN_IF_RAISED(seed_generator(in, *generator, slots[0]));
        return value::of(generator);
    };
    module->attributes["Random"] = value::of(type);
    // The module's functions are the methods of one hidden instance, as CPython's random._inst.
    auto shared = std::make_shared<random_generator>(type);
    seed_generator(in, *shared, value());
    const value instance = value::of(shared);
    for (const auto& [name, function] : methods()) module->attributes[name] = bound_method(name, instance, function);
    return value::of(module);
}

}  // namespace loopstep::python

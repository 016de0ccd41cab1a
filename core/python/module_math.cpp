// The math module: constants, the libm functions, and the integer ones (factorial, gcd,
// comb, isqrt) on ints of any size.
#include <cmath>
#include <limits>

#include "big_int_value.hpp"
#include "library_modules.hpp"

namespace loopstep::python {

namespace {

value one_real(interpreter& in, call_arguments& args, const char* name, double& x) {
    LIBRARY_RETURN_IF_RAISED(check_function_arguments(in, args, name, method_convention::one_argument));
    return real_argument(in, args.positional[0], x);
}

value math_domain_error(interpreter& in) { return in.raise_value_error("math domain error"); }

value checked(interpreter& in, double result, bool domain_ok = true) {
    if (!domain_ok || std::isnan(result)) return math_domain_error(in);
    if (std::isinf(result)) return in.raise(in.types().overflow_error, "math range error");
    return value::floating(result);
}

// floor/ceil/trunc of a float as an int of any size.
value integral(interpreter& in, const value& v, double (*round)(double), const char* name) {
    if (is_integer(v)) return v.is_bool() ? value::integer(v.as_int()) : v;
    double x = 0;
    LIBRARY_RETURN_IF_RAISED(real_argument(in, v, x));
    if (std::isinf(x)) return in.raise(in.types().overflow_error, "cannot convert float infinity to integer");
    if (std::isnan(x)) return in.raise_value_error("cannot convert float NaN to integer");
    (void)name;
    return int_value(big_int::from_double(round(x)));
}

value integer_argument(interpreter& in, const value& v, big_int& out) {
    if (!is_integer(v)) return in.raise_type_error("'" + in.type_name(v) + "' object cannot be interpreted as an integer");
    out = to_big_int(v);
    return value();
}

big_int gcd_of(big_int a, big_int b) {
    a = a.abs();
    b = b.abs();
    while (!b.is_zero()) {
        big_int q, r;
        big_int::divmod(a, b, q, r);
        a = b;
        b = r;
    }
    return a;
}

// Shewchuk's exact summation, as CPython's fsum (without its overflow special cases).
double exact_sum(const std::vector<double>& values) {
    std::vector<double> partials;
    for (double x : values) {
        std::size_t i = 0;
        for (double y : partials) {
            if (std::fabs(x) < std::fabs(y)) std::swap(x, y);
            const double high = x + y;
            const double low = y - (high - x);
            if (low != 0.0) partials[i++] = low;
            x = high;
        }
        partials.resize(i);
        partials.push_back(x);
    }
    if (partials.empty()) return 0.0;
    std::size_t n = partials.size() - 1;
    double high = partials[n], low = 0;
    while (n > 0) {
        const double x = high, y = partials[--n];
        high = x + y;
        const double yr = high - x;
        low = y - yr;
        if (low != 0.0) break;
    }
    // Round half to even across the remaining partials, as CPython does.
    if (n > 0 && ((low < 0.0 && partials[n - 1] < 0.0) || (low > 0.0 && partials[n - 1] > 0.0))) {
        const double y = low * 2.0;
        const double x = high + y;
        if (y == x - high) high = x;
    }
    return high;
}

using unary_math = double (*)(double);

}  // namespace

value make_math_module(interpreter&) {
    auto module = make_object<module_object>("math");
    module->attributes["pi"] = value::floating(3.141592653589793);
    module->attributes["e"] = value::floating(2.718281828459045);
    module->attributes["tau"] = value::floating(6.283185307179586);
    module->attributes["inf"] = value::floating(std::numeric_limits<double>::infinity());
    module->attributes["nan"] = value::floating(std::numeric_limits<double>::quiet_NaN());

    struct simple {
        const char* name;
        unary_math function;
        bool (*domain)(double);
    };
    static const simple simple_functions[] = {
        {"sqrt", [](double x) { return std::sqrt(x); }, [](double x) { return x >= 0 || std::isnan(x); }},
        {"exp", [](double x) { return std::exp(x); }, [](double) { return true; }},
        {"sin", [](double x) { return std::sin(x); }, [](double x) { return !std::isinf(x); }},
        {"cos", [](double x) { return std::cos(x); }, [](double x) { return !std::isinf(x); }},
        {"tan", [](double x) { return std::tan(x); }, [](double x) { return !std::isinf(x); }},
        {"asin", [](double x) { return std::asin(x); }, [](double x) { return x >= -1 && x <= 1; }},
        {"acos", [](double x) { return std::acos(x); }, [](double x) { return x >= -1 && x <= 1; }},
        {"atan", [](double x) { return std::atan(x); }, [](double) { return true; }},
        {"log2", [](double x) { return std::log2(x); }, [](double x) { return x > 0; }},
        {"log10", [](double x) { return std::log10(x); }, [](double x) { return x > 0; }},
        {"fabs", [](double x) { return std::fabs(x); }, [](double) { return true; }},
        {"degrees", [](double x) { return x * (180.0 / 3.141592653589793); }, [](double) { return true; }},
        {"radians", [](double x) { return x * (3.141592653589793 / 180.0); }, [](double) { return true; }},
    };
    for (const auto& f : simple_functions) {
        define_function(*module, f.name, [f](interpreter& in, call_arguments& args) -> value {
            double x = 0;
            LIBRARY_RETURN_IF_RAISED(one_real(in, args, f.name, x));
            if (std::isnan(x)) return value::floating(x);
            if (!f.domain(x)) return math_domain_error(in);
            const double r = f.function(x);
            if (std::isinf(r) && !std::isinf(x)) return in.raise(in.types().overflow_error, "math range error");
            return value::floating(r);
        });
    }
    define_function(*module, "log", [](interpreter& in, call_arguments& args) -> value {
        LIBRARY_RETURN_IF_RAISED(check_function_arguments(in, args, "log", method_convention::parse_tuple, 1, 2));
        auto log_of = [&in](const value& v, double& out) -> value {
            if (auto* b = v.as<big_int_object>()) {  // beyond a double's range: log through the bit length
                if (b->number.is_negative()) return math_domain_error(in);
                const std::uint64_t shift = b->number.bit_length() > 1000 ? b->number.bit_length() - 1000 : 0;
                double top = 0;
                b->number.shifted_right(shift).to_double(top);
                out = std::log(top) + double(shift) * std::log(2.0);
                return value();
            }
            double x = 0;
            LIBRARY_RETURN_IF_RAISED(real_argument(in, v, x));
            if (!(x > 0)) return math_domain_error(in);
            out = std::log(x);
            return value();
        };
        double x = 0;
        LIBRARY_RETURN_IF_RAISED(log_of(args.positional[0], x));
        if (args.positional.size() == 1) return value::floating(x);
        double base = 0;
        LIBRARY_RETURN_IF_RAISED(log_of(args.positional[1], base));
        if (base == 0) return in.raise(in.types().zero_division_error, "float division by zero");
        return value::floating(x / base);
    });
    define_function(*module, "pow", [](interpreter& in, call_arguments& args) -> value {
        LIBRARY_RETURN_IF_RAISED(check_function_arguments(in, args, "pow", method_convention::clinic, 2, 2));
        double x = 0, y = 0;
        LIBRARY_RETURN_IF_RAISED(real_argument(in, args.positional[0], x));
        LIBRARY_RETURN_IF_RAISED(real_argument(in, args.positional[1], y));
        if (x == 0 && y < 0) return math_domain_error(in);
        if (x < 0 && std::isfinite(y) && y != std::floor(y)) return math_domain_error(in);
        const double r = std::pow(x, y);
        if (std::isinf(r) && std::isfinite(x) && std::isfinite(y)) return in.raise(in.types().overflow_error, "math range error");
        return value::floating(r);
    });
    auto two_reals = [](const char* name, double (*f)(double, double)) {
        return [name, f](interpreter& in, call_arguments& args) -> value {
            LIBRARY_RETURN_IF_RAISED(check_function_arguments(in, args, name, method_convention::clinic, 2, 2));
            double x = 0, y = 0;
            LIBRARY_RETURN_IF_RAISED(real_argument(in, args.positional[0], x));
            LIBRARY_RETURN_IF_RAISED(real_argument(in, args.positional[1], y));
            return value::floating(f(x, y));
        };
    };
    define_function(*module, "atan2", two_reals("atan2", [](double y, double x) { return std::atan2(y, x); }));
    define_function(*module, "copysign", two_reals("copysign", [](double x, double y) { return std::copysign(x, y); }));
    define_function(*module, "fmod", [](interpreter& in, call_arguments& args) -> value {
        LIBRARY_RETURN_IF_RAISED(check_function_arguments(in, args, "fmod", method_convention::clinic, 2, 2));
        double x = 0, y = 0;
        LIBRARY_RETURN_IF_RAISED(real_argument(in, args.positional[0], x));
        LIBRARY_RETURN_IF_RAISED(real_argument(in, args.positional[1], y));
        if (y == 0 && !std::isnan(x)) return math_domain_error(in);
        return value::floating(std::fmod(x, y));
    });
    define_function(*module, "hypot", [](interpreter& in, call_arguments& args) -> value {
        double total = 0;
        for (const auto& v : args.positional) {
            double x = 0;
            LIBRARY_RETURN_IF_RAISED(real_argument(in, v, x));
            total = std::hypot(total, x);
        }
        return value::floating(total);
    });
    define_function(*module, "floor", [](interpreter& in, call_arguments& args) -> value {
        LIBRARY_RETURN_IF_RAISED(check_function_arguments(in, args, "floor", method_convention::one_argument));
        return integral(in, args.positional[0], [](double x) { return std::floor(x); }, "floor");
    });
    define_function(*module, "ceil", [](interpreter& in, call_arguments& args) -> value {
        LIBRARY_RETURN_IF_RAISED(check_function_arguments(in, args, "ceil", method_convention::one_argument));
        return integral(in, args.positional[0], [](double x) { return std::ceil(x); }, "ceil");
    });
    define_function(*module, "trunc", [](interpreter& in, call_arguments& args) -> value {
        LIBRARY_RETURN_IF_RAISED(check_function_arguments(in, args, "trunc", method_convention::one_argument));
        return integral(in, args.positional[0], [](double x) { return std::trunc(x); }, "trunc");
    });
    define_function(*module, "modf", [](interpreter& in, call_arguments& args) -> value {
        double x = 0;
        LIBRARY_RETURN_IF_RAISED(one_real(in, args, "modf", x));
        double whole = 0;
        const double fraction = std::modf(x, &whole);
        return in.make_tuple({value::floating(fraction), value::floating(whole)});
    });
    auto predicate = [](const char* name, bool (*test)(double)) {
        return [name, test](interpreter& in, call_arguments& args) -> value {
            double x = 0;
            LIBRARY_RETURN_IF_RAISED(one_real(in, args, name, x));
            return value::boolean(test(x));
        };
    };
    define_function(*module, "isnan", predicate("isnan", [](double x) { return std::isnan(x); }));
    define_function(*module, "isinf", predicate("isinf", [](double x) { return std::isinf(x); }));
    define_function(*module, "isfinite", predicate("isfinite", [](double x) { return std::isfinite(x); }));
    define_function(*module, "isclose", [](interpreter& in, call_arguments& args) -> value {
        std::vector<value> slots;
        LIBRARY_RETURN_IF_RAISED(bind_parameters(in, args, 0, "isclose", {{"a", parameter_spec::kind::positional_only, true}, {"b", parameter_spec::kind::positional_only, true},
                                                                          {"rel_tol", parameter_spec::kind::keyword_only}, {"abs_tol", parameter_spec::kind::keyword_only}}, slots));
        double a = 0, b = 0, rel = 1e-09, abs_tol = 0;
        LIBRARY_RETURN_IF_RAISED(real_argument(in, slots[0], a));
        LIBRARY_RETURN_IF_RAISED(real_argument(in, slots[1], b));
        if (!slots[2].is_unbound()) LIBRARY_RETURN_IF_RAISED(real_argument(in, slots[2], rel));
        if (!slots[3].is_unbound()) LIBRARY_RETURN_IF_RAISED(real_argument(in, slots[3], abs_tol));
        if (rel < 0 || abs_tol < 0) return in.raise_value_error("tolerances must be non-negative");
        if (a == b) return value::boolean(true);
        if (std::isinf(a) || std::isinf(b)) return value::boolean(false);
        const double diff = std::fabs(b - a);
        return value::boolean((diff <= std::fabs(rel * b)) || (diff <= std::fabs(rel * a)) || diff <= abs_tol);
    });
    define_function(*module, "fsum", [](interpreter& in, call_arguments& args) -> value {
        LIBRARY_RETURN_IF_RAISED(check_function_arguments(in, args, "fsum", method_convention::one_argument));
        std::vector<double> values;
        value failed;
        LIBRARY_RETURN_IF_RAISED(in.iterate(args.positional[0], [&](const value& v) {
            double x = 0;
            failed = real_argument(in, v, x);
            values.push_back(x);
            return !failed.is_raised();
        }));
        if (failed.is_raised()) return failed;
        return checked(in, exact_sum(values));
    });
    define_function(*module, "prod", [](interpreter& in, call_arguments& args) -> value {
        value start = args.take("start", value::integer(1));
        LIBRARY_RETURN_IF_RAISED(check_function_arguments(in, args, "prod", method_convention::one_argument));
        value total = start;
        LIBRARY_RETURN_IF_RAISED(in.iterate(args.positional[0], [&](const value& v) {
            total = in.binary(binary_op::multiply, total, v);
            return !total.is_raised();
        }));
        return total;
    });
    define_function(*module, "factorial", [](interpreter& in, call_arguments& args) -> value {
        LIBRARY_RETURN_IF_RAISED(check_function_arguments(in, args, "factorial", method_convention::one_argument));
        const value& v = args.positional[0];
        if (v.is_float()) return in.raise_type_error("'float' object cannot be interpreted as an integer");
        std::int64_t n = 0;
        LIBRARY_RETURN_IF_RAISED(int_argument(in, v, n));
        if (n < 0) return in.raise_value_error("factorial() not defined for negative values");
        if (n > 100'000) return value::raised(in.make_exception(in.types().memory_error, {}).as_object());
        big_int result = big_int::from_int64(1);
        value error;
        for (std::int64_t i = 2; i <= n; ++i) {
            if (i % 256 == 0 && !in.tick(error)) return error;
            result = result * big_int::from_int64(i);
        }
        return int_value(result);
    });
    define_function(*module, "gcd", [](interpreter& in, call_arguments& args) -> value {
        big_int result;
        for (const auto& v : args.positional) {
            big_int n;
            LIBRARY_RETURN_IF_RAISED(integer_argument(in, v, n));
            result = gcd_of(result, n);
        }
        return int_value(result);
    });
    define_function(*module, "lcm", [](interpreter& in, call_arguments& args) -> value {
        big_int result = big_int::from_int64(1);
        for (const auto& v : args.positional) {
            big_int n;
            LIBRARY_RETURN_IF_RAISED(integer_argument(in, v, n));
            if (n.is_zero() || result.is_zero()) {
                result = big_int();
                continue;
            }
            big_int q, r;
            big_int::divmod((result * n).abs(), gcd_of(result, n), q, r);
            result = q;
        }
        return int_value(result);
    });
    define_function(*module, "isqrt", [](interpreter& in, call_arguments& args) -> value {
        LIBRARY_RETURN_IF_RAISED(check_function_arguments(in, args, "isqrt", method_convention::one_argument));
        big_int n;
        LIBRARY_RETURN_IF_RAISED(integer_argument(in, args.positional[0], n));
        if (n.is_negative()) return in.raise_value_error("isqrt() argument must be nonnegative");
        if (n.is_zero()) return value::integer(0);
        // Newton's iteration from above.
        big_int x = big_int::from_int64(1).shifted_left((n.bit_length() + 1) / 2 + 1);
        for (;;) {
            big_int q, r;
            big_int::divmod(n, x, q, r);
            big_int y = (x + q).shifted_right(1);
            if (big_int::compare(y, x) >= 0) return int_value(x);
            x = y;
        }
    });
    auto choose = [](bool ordered) {
        return [ordered](interpreter& in, call_arguments& args) -> value {
            const char* name = ordered ? "perm" : "comb";
            LIBRARY_RETURN_IF_RAISED(check_function_arguments(in, args, name, method_convention::clinic, ordered ? 1 : 2, 2));
            std::int64_t n = 0, k = 0;
            LIBRARY_RETURN_IF_RAISED(int_argument(in, args.positional[0], n));
            if (args.positional.size() > 1 && !args.positional[1].is_none()) LIBRARY_RETURN_IF_RAISED(int_argument(in, args.positional[1], k));
            else k = n;
            if (n < 0) return in.raise_value_error("n must be a non-negative integer");
            if (k < 0) return in.raise_value_error("k must be a non-negative integer");
            if (k > n) return value::integer(0);
            if (!ordered && k > n - k) k = n - k;
            big_int result = big_int::from_int64(1);
            for (std::int64_t i = 0; i < k; ++i) {
                result = result * big_int::from_int64(n - i);
                if (!ordered) {
                    big_int q, r;
                    big_int::divmod(result, big_int::from_int64(i + 1), q, r);
                    result = q;
                }
            }
            return int_value(result);
        };
    };
    define_function(*module, "comb", choose(false));
    define_function(*module, "perm", choose(true));
    return value::of(module);
}

}  // namespace loopstep::python

// Python ints beyond 64 bits as values: promotion on overflow, mixed arithmetic with
// floats, comparison, text (pairs with big_int_value.hpp).
#include "big_int_value.hpp"

#include <cmath>

#include "interpreter.hpp"

namespace loopstep::python {

namespace {
constexpr std::size_t max_str_digits = 4300;  // CPython 3.11's sys.get_int_max_str_digits()
}

value int_value(big_int n) {
    if (n.fits_int64()) return value::integer(n.to_int64());
    return value::of(make_object<big_int_object>(std::move(n)));
}

bool is_integer(const value& v) { return v.is_int_like() || v.as<big_int_object>(); }

big_int to_big_int(const value& v) {
    if (auto* b = v.as<big_int_object>()) return b->number;
    return big_int::from_int64(v.as_int());
}

int compare_numbers(const value& a, const value& b) {
    if (!(a.is_number() || a.as<big_int_object>()) || !(b.is_number() || b.as<big_int_object>())) return 2;
    if (is_integer(a) && is_integer(b)) return big_int::compare(to_big_int(a), to_big_int(b));
    // One is a float: compare exactly through the float's integer part when it is finite.
    const bool a_float = a.is_float();
    const double f = a_float ? a.as_float() : b.as_float();
    if (std::isnan(f)) return 3;
    if (std::isinf(f)) return (f > 0) == a_float ? 1 : -1;
    const big_int whole = big_int::from_double(f);
    const big_int& n = a_float ? to_big_int(b) : to_big_int(a);
    int c = big_int::compare(whole, n);
    if (c == 0) {
        const double fraction = f - std::trunc(f);
        c = fraction > 0 ? 1 : fraction < 0 ? -1 : 0;
    }
    return a_float ? c : -c;
}

value big_to_float(interpreter& in, const big_int& n) {
    double d = 0;
    if (!n.to_double(d)) return in.raise(in.types().overflow_error, "int too large to convert to float");
    return value::floating(d);
}

std::string int_text(const value& v) {
    if (auto* b = v.as<big_int_object>()) return b->number.to_decimal();
    return std::to_string(v.as_int());
}

value big_to_str(interpreter& in, const big_int& n) {
    std::string text = n.to_decimal();
    if (text.size() - (n.is_negative() ? 1 : 0) > max_str_digits) {
        return in.raise_value_error("Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit");
    }
    return in.make_str(std::move(text));
}

value big_from_text(interpreter& in, std::string_view digits, bool negative, int base) {
    std::string plain;
    for (char c : digits) {
        if (c != '_') plain += c;
    }
    if (base == 10 && plain.size() > max_str_digits) {
        return in.raise_value_error("Exceeds the limit (4300 digits) for integer string conversion: value has " + std::to_string(plain.size()) +
                                    " digits; use sys.set_int_max_str_digits() to increase the limit");
    }
    std::optional<big_int> n = big_int::from_digits(plain, base);
    if (!n) return in.raise_value_error("invalid literal for int() with base " + std::to_string(base));
    return int_value(negative ? -*n : *n);
}

namespace {
value big_power(interpreter& in, const value& left, const value& right) {
    const big_int base = to_big_int(left), exponent = to_big_int(right);
    if (exponent.is_negative()) {
        if (base.is_zero()) return in.raise(in.types().zero_division_error, "0.0 cannot be raised to a negative power");
        value b = big_to_float(in, base);
        if (b.is_raised()) return b;
        value e = big_to_float(in, exponent);
        if (e.is_raised()) return e;
        return value::floating(std::pow(b.as_float(), e.as_float()));
    }
    const big_int magnitude = base.abs();
    if (magnitude.bit_length() <= 1) {  // 0, 1, -1: any exponent
        if (base.is_zero()) return value::integer(exponent.is_zero() ? 1 : 0);
        const bool odd = !exponent.is_zero() && (exponent.magnitude()[0] & 1);
        return value::integer(base.is_negative() && odd ? -1 : 1);
    }
    if (!exponent.fits_int64() || double(exponent.to_int64()) * double(magnitude.bit_length()) > 8e6) {
        return value::raised(in.make_exception(in.types().memory_error, {}).as_object());
    }
    return int_value(base.pow(std::uint64_t(exponent.to_int64())));
}

value big_shift(interpreter& in, binary_op op, const big_int& a, const big_int& b) {
    if (b.is_negative()) return in.raise_value_error("negative shift count");
    if (op == binary_op::right_shift) {
        if (!b.fits_int64()) return value::integer(a.is_negative() ? -1 : 0);
        return int_value(a.shifted_right(std::uint64_t(b.to_int64())));
    }
    if (a.is_zero()) return value::integer(0);
    if (!b.fits_int64() || b.to_int64() > 8'000'000) return value::raised(in.make_exception(in.types().memory_error, {}).as_object());
    return int_value(a.shifted_left(std::uint64_t(b.to_int64())));
}
}  // namespace

value big_binary(interpreter& in, binary_op op, const value& left, const value& right) {
    if (!is_integer(left) || !is_integer(right)) {
        // A big int with a float: the int converts to float first.
        if (!(left.is_float() || right.is_float())) return value::unbound();
        value l = left.is_float() ? left : big_to_float(in, to_big_int(left));
        if (l.is_raised()) return l;
        value r = right.is_float() ? right : big_to_float(in, to_big_int(right));
        if (r.is_raised()) return r;
        return in.binary(op, l, r);
    }
    const big_int a = to_big_int(left), b = to_big_int(right);
    switch (op) {
        case binary_op::add: return int_value(a + b);
        case binary_op::subtract: return int_value(a - b);
        case binary_op::multiply: return int_value(a * b);
        case binary_op::true_divide: {
            if (b.is_zero()) return in.raise(in.types().zero_division_error, "division by zero");
            double d = 0;
            if (!big_int::true_divide(a, b, d)) return in.raise(in.types().overflow_error, "integer division result too large for a float");
            return value::floating(d);
        }
        case binary_op::floor_divide:
        case binary_op::modulo: {
            if (b.is_zero()) {
                return in.raise(in.types().zero_division_error, op == binary_op::modulo ? "integer modulo by zero" : "integer division or modulo by zero");
            }
            big_int q, r;
            big_int::divmod(a, b, q, r);
            return int_value(op == binary_op::modulo ? r : q);
        }
        case binary_op::power: return big_power(in, left, right);
        case binary_op::left_shift:
        case binary_op::right_shift: return big_shift(in, op, a, b);
        case binary_op::bit_and: return int_value(big_int::bitwise(a, b, big_int::bit_op::and_));
        case binary_op::bit_or: return int_value(big_int::bitwise(a, b, big_int::bit_op::or_));
        case binary_op::bit_xor: return int_value(big_int::bitwise(a, b, big_int::bit_op::xor_));
    }
    return value::unbound();
}

value big_modular_power(interpreter& in, const value& base, const value& exponent, const value& modulus) {
    if (!is_integer(base) || !is_integer(exponent) || !is_integer(modulus)) {
        return in.raise_type_error("pow() 3rd argument not allowed unless all arguments are integers");
    }
    const big_int m = to_big_int(modulus), size = m.abs();
    if (m.is_zero()) return in.raise_value_error("pow() 3rd argument cannot be 0");
    auto reduce = [&size](const big_int& x) {
        big_int q, r;
        big_int::divmod(x, size, q, r);
        return r;
    };
    big_int b = reduce(to_big_int(base)), e = to_big_int(exponent);
    if (e.is_negative()) {
        // The inverse of b modulo size (extended Euclid).
        big_int r0 = size, r1 = b, t0, t1 = big_int::from_int64(1);
        while (!r1.is_zero()) {
            big_int q, r;
            big_int::divmod(r0, r1, q, r);
            r0 = r1;
            r1 = r;
            big_int t = t0 - q * t1;
            t0 = t1;
            t1 = t;
        }
        if (big_int::compare(r0, big_int::from_int64(1)) != 0) return in.raise_value_error("base is not invertible for the given modulus");
        b = reduce(t0);
        e = -e;
    }
    big_int result = reduce(big_int::from_int64(1));
    const std::uint64_t bits = e.bit_length();
    for (std::uint64_t i = bits; i-- > 0;) {
        result = reduce(result * result);
        if ((e.magnitude()[std::size_t(i / 32)] >> (i % 32)) & 1) result = reduce(result * b);
    }
    if (m.is_negative() && !result.is_zero()) result = result - size;
    return int_value(result);
}

value big_format(interpreter& in, const big_int& n, const std::string& spec) {
    std::string separator;
    if (spec == "," || spec == ",d") separator = ",";
    else if (spec == "_" || spec == "_d") separator = "_";
    else if (!spec.empty() && spec != "d") return in.raise(in.types().not_supported_error, "format spec '" + spec + "' for ints beyond 64 bits is not supported in this lesson");
    std::string digits = n.abs().to_decimal(), text;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && !separator.empty() && (digits.size() - i) % 3 == 0) text += separator;
        text += digits[i];
    }
    return in.make_str((n.is_negative() ? "-" : "") + text);
}

}  // namespace loopstep::python

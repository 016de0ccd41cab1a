// big_int arithmetic: schoolbook algorithms on 32-bit limbs with 64-bit intermediates
// (Knuth's algorithm D for division), enough for the sizes a lesson's program reaches.
#include "big_int.hpp"

#include <algorithm>
#include <cmath>

namespace loopstep::python {

using limbs = std::vector<std::uint32_t>;

void big_int::trim() {
    while (!limbs_.empty() && limbs_.back() == 0) limbs_.pop_back();
    if (limbs_.empty()) negative_ = false;
}

big_int big_int::from_uint64(std::uint64_t v) {
    big_int r;
    while (v) {
        r.limbs_.push_back(std::uint32_t(v));
        v >>= 32;
    }
    return r;
}

big_int big_int::from_int64(std::int64_t v) {
    // The magnitude of INT64_MIN does not fit an int64: negate in unsigned arithmetic.
    big_int r = from_uint64(v < 0 ? std::uint64_t(0) - std::uint64_t(v) : std::uint64_t(v));
    r.negative_ = v < 0;
    return r;
}

big_int big_int::from_words(limbs words, bool negative) {
    big_int r;
    r.limbs_ = std::move(words);
    r.negative_ = negative;
    r.trim();
    return r;
}

big_int big_int::from_double(double d) {
    d = std::trunc(d);
    const bool negative = d < 0;
    d = std::fabs(d);
    int exponent = 0;
    const double mantissa = std::frexp(d, &exponent);  // d = mantissa * 2**exponent, mantissa in [0.5, 1)
    if (exponent <= 64) {
        big_int r = from_uint64(std::uint64_t(d));
        r.negative_ = negative && !r.is_zero();
        return r;
    }
    big_int r = from_uint64(std::uint64_t(std::ldexp(mantissa, 64))).shifted_left(std::uint64_t(exponent - 64));
    r.negative_ = negative;
    return r;
}

std::optional<big_int> big_int::from_digits(std::string_view digits, int base) {
    if (digits.empty()) return std::nullopt;
    big_int r;
    for (char c : digits) {
        int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'z' ? c - 'a' + 10 : c >= 'A' && c <= 'Z' ? c - 'A' + 10 : 99;
        if (d >= base) return std::nullopt;
        std::uint64_t carry = std::uint64_t(d);
        for (auto& limb : r.limbs_) {
            carry += std::uint64_t(limb) * std::uint64_t(base);
            limb = std::uint32_t(carry);
            carry >>= 32;
        }
        if (carry) r.limbs_.push_back(std::uint32_t(carry));
    }
    r.trim();
    return r;
}

bool big_int::fits_int64() const {
    if (limbs_.size() > 2) return false;
    const std::uint64_t m = limbs_.empty() ? 0 : limbs_.size() == 1 ? limbs_[0] : (std::uint64_t(limbs_[1]) << 32) | limbs_[0];
    return negative_ ? m <= (std::uint64_t(1) << 63) : m < (std::uint64_t(1) << 63);
}

std::int64_t big_int::to_int64() const {
    const std::uint64_t m = limbs_.empty() ? 0 : limbs_.size() == 1 ? limbs_[0] : (std::uint64_t(limbs_[1]) << 32) | limbs_[0];
    return negative_ ? std::int64_t(std::uint64_t(0) - m) : std::int64_t(m);
}

std::uint64_t big_int::bit_length() const {
    if (limbs_.empty()) return 0;
    std::uint64_t top = limbs_.back(), bits = 0;
    while (top) {
        ++bits;
        top >>= 1;
    }
    return (limbs_.size() - 1) * 32 + bits;
}

bool big_int::to_double(double& out) const {
    const std::uint64_t bits = bit_length();
    if (bits <= 64) {
        out = double(limbs_.empty() ? 0 : limbs_.size() == 1 ? limbs_[0] : (std::uint64_t(limbs_[1]) << 32) | limbs_[0]);
    } else {
        // The top 64 bits, with the lowest one set if anything below them is: converting that
        // to double rounds exactly as the whole value would (half to even).
        const std::uint64_t drop = bits - 64;
        big_int top = abs().shifted_right(drop);
        std::uint64_t m = (std::uint64_t(top.limbs_[1]) << 32) | top.limbs_[0];
        if (top.shifted_left(drop).limbs_ != limbs_) m |= 1;
        if (bits > 1024) return false;
        out = std::ldexp(double(m), int(drop));
        if (std::isinf(out)) return false;
    }
    if (negative_) out = -out;
    return true;
}

std::uint32_t big_int::divide_small(limbs& a, std::uint32_t divisor) {
    std::uint64_t remainder = 0;
    for (std::size_t i = a.size(); i-- > 0;) {
        const std::uint64_t current = (remainder << 32) | a[i];
        a[i] = std::uint32_t(current / divisor);
        remainder = current % divisor;
    }
    while (!a.empty() && a.back() == 0) a.pop_back();
    return std::uint32_t(remainder);
}

std::string big_int::to_decimal() const {
    if (limbs_.empty()) return "0";
    limbs rest = limbs_;
    std::vector<std::uint32_t> chunks;  // base 10**9, least significant first
    while (!rest.empty()) chunks.push_back(divide_small(rest, 1000000000u));
    std::string text = negative_ ? "-" : "";
    text += std::to_string(chunks.back());
    for (std::size_t i = chunks.size() - 1; i-- > 0;) {
        std::string part = std::to_string(chunks[i]);
        text += std::string(9 - part.size(), '0') + part;
    }
    return text;
}

std::int64_t big_int::python_hash() const {
    constexpr std::uint64_t modulus = (std::uint64_t(1) << 61) - 1;
    std::uint64_t h = 0;
    for (std::size_t i = limbs_.size(); i-- > 0;) {
        // h * 2**32 mod (2**61 - 1): with h = high * 2**29 + low, that is high + low * 2**32.
        const std::uint64_t high = h >> 29, low = h & ((std::uint64_t(1) << 29) - 1);
        h = high + (low << 32) + limbs_[i];
        while (h >= modulus) h -= modulus;
    }
    std::int64_t result = negative_ ? -std::int64_t(h) : std::int64_t(h);
    return result == -1 ? -2 : result;
}

int big_int::compare_magnitude(const limbs& a, const limbs& b) {
    if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
    for (std::size_t i = a.size(); i-- > 0;) {
        if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
    }
    return 0;
}

int big_int::compare(const big_int& a, const big_int& b) {
    if (a.negative_ != b.negative_) return a.negative_ ? -1 : 1;
    const int c = compare_magnitude(a.limbs_, b.limbs_);
    return a.negative_ ? -c : c;
}

limbs big_int::add_magnitude(const limbs& a, const limbs& b) {
    const limbs& longer = a.size() >= b.size() ? a : b;
    const limbs& shorter = a.size() >= b.size() ? b : a;
    limbs r(longer.size() + 1, 0);
    std::uint64_t carry = 0;
    for (std::size_t i = 0; i < longer.size(); ++i) {
        carry += std::uint64_t(longer[i]) + (i < shorter.size() ? shorter[i] : 0);
        r[i] = std::uint32_t(carry);
        carry >>= 32;
    }
    r.back() = std::uint32_t(carry);
    return r;
}

limbs big_int::subtract_magnitude(const limbs& a, const limbs& b) {  // |a| >= |b|
    limbs r(a.size(), 0);
    std::int64_t borrow = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        std::int64_t d = std::int64_t(a[i]) - (i < b.size() ? std::int64_t(b[i]) : 0) - borrow;
        borrow = d < 0;
        r[i] = std::uint32_t(d + (borrow << 32));
    }
    return r;
}

big_int big_int::operator-() const {
    big_int r = *this;
    if (!r.is_zero()) r.negative_ = !negative_;
    return r;
}

big_int big_int::abs() const {
    big_int r = *this;
    r.negative_ = false;
    return r;
}

big_int operator+(const big_int& a, const big_int& b) {
    big_int r;
    if (a.negative_ == b.negative_) {
        r.limbs_ = big_int::add_magnitude(a.limbs_, b.limbs_);
        r.negative_ = a.negative_;
    } else if (big_int::compare_magnitude(a.limbs_, b.limbs_) >= 0) {
        r.limbs_ = big_int::subtract_magnitude(a.limbs_, b.limbs_);
        r.negative_ = a.negative_;
    } else {
        r.limbs_ = big_int::subtract_magnitude(b.limbs_, a.limbs_);
        r.negative_ = b.negative_;
    }
    r.trim();
    return r;
}

big_int operator-(const big_int& a, const big_int& b) { return a + (-b); }

big_int operator*(const big_int& a, const big_int& b) {
    big_int r;
    if (a.is_zero() || b.is_zero()) return r;
    r.limbs_.assign(a.limbs_.size() + b.limbs_.size(), 0);
    for (std::size_t i = 0; i < a.limbs_.size(); ++i) {
        std::uint64_t carry = 0;
        for (std::size_t j = 0; j < b.limbs_.size(); ++j) {
            carry += std::uint64_t(a.limbs_[i]) * b.limbs_[j] + r.limbs_[i + j];
            r.limbs_[i + j] = std::uint32_t(carry);
            carry >>= 32;
        }
        r.limbs_[i + b.limbs_.size()] = std::uint32_t(carry);
    }
    r.negative_ = a.negative_ != b.negative_;
    r.trim();
    return r;
}

// Knuth, TAOCP vol. 2, 4.3.1, algorithm D: normalise so the divisor's top limb has its high
// bit set, estimate each quotient limb from the top two limbs, correct it at most twice.
void big_int::divide_magnitude(const limbs& a, const limbs& b, limbs& quotient, limbs& remainder) {
    if (compare_magnitude(a, b) < 0) {
        quotient.clear();
        remainder = a;
        return;
    }
    if (b.size() == 1) {
        quotient = a;
        const std::uint32_t r = divide_small(quotient, b[0]);
        remainder = r ? limbs{r} : limbs{};
        return;
    }
    int shift = 0;
    while (!(b.back() & (0x80000000u >> shift))) ++shift;
    auto shift_left = [shift](const limbs& x, std::size_t extra) {
        limbs r(x.size() + extra, 0);
        for (std::size_t i = 0; i < x.size(); ++i) {
            r[i] |= shift ? x[i] << shift : x[i];
            if (shift && i + 1 < r.size()) r[i + 1] = x[i] >> (32 - shift);
        }
        return r;
    };
    const limbs v = shift_left(b, 0);
    limbs u = shift_left(a, 1);
    const std::size_t n = v.size(), m = a.size() - n;
    quotient.assign(m + 1, 0);
    const std::uint64_t base = std::uint64_t(1) << 32;
    for (std::size_t j = m + 1; j-- > 0;) {
        const std::uint64_t numerator = (std::uint64_t(u[j + n]) << 32) | u[j + n - 1];
        std::uint64_t qhat = numerator / v[n - 1];
        std::uint64_t rhat = numerator % v[n - 1];
        while (qhat >= base || qhat * v[n - 2] > ((rhat << 32) | u[j + n - 2])) {
            --qhat;
            rhat += v[n - 1];
            if (rhat >= base) break;
        }
        std::int64_t borrow = 0;
        std::uint64_t carry = 0;
        for (std::size_t i = 0; i < n; ++i) {
            const std::uint64_t product = qhat * v[i] + carry;
            carry = product >> 32;
            const std::int64_t d = std::int64_t(u[i + j]) - std::int64_t(product & 0xFFFFFFFFu) - borrow;
            u[i + j] = std::uint32_t(d);
            borrow = d < 0;
        }
        const std::int64_t d = std::int64_t(u[j + n]) - std::int64_t(carry) - borrow;
        u[j + n] = std::uint32_t(d);
        if (d < 0) {  // qhat was one too large: add the divisor back
            --qhat;
            std::uint64_t c = 0;
            for (std::size_t i = 0; i < n; ++i) {
                c += std::uint64_t(u[i + j]) + v[i];
                u[i + j] = std::uint32_t(c);
                c >>= 32;
            }
            u[j + n] += std::uint32_t(c);
        }
        quotient[j] = std::uint32_t(qhat);
    }
    remainder.assign(n, 0);
    for (std::size_t i = 0; i < n; ++i) {
        remainder[i] = shift ? (u[i] >> shift) | std::uint32_t(std::uint64_t(u[i + 1]) << (32 - shift)) : u[i];
    }
    while (!quotient.empty() && quotient.back() == 0) quotient.pop_back();
    while (!remainder.empty() && remainder.back() == 0) remainder.pop_back();
}

void big_int::divmod(const big_int& a, const big_int& b, big_int& quotient, big_int& remainder) {
    divide_magnitude(a.limbs_, b.limbs_, quotient.limbs_, remainder.limbs_);
    quotient.negative_ = a.negative_ != b.negative_;
    remainder.negative_ = a.negative_;
    quotient.trim();
    remainder.trim();
    // Truncated to floored: when the signs differ and something remains, step down by one.
    if (!remainder.is_zero() && remainder.negative_ != b.negative_) {
        quotient = quotient - from_int64(1);
        remainder = remainder + b;
    }
}

bool big_int::true_divide(const big_int& a, const big_int& b, double& out) {
    // A quotient of at least 55 bits, with a sticky bit for whatever remains: converting that
    // to double rounds as the exact quotient would.
    const std::int64_t shift = 55 - (std::int64_t(a.bit_length()) - std::int64_t(b.bit_length()));
    big_int num = a.abs(), den = b.abs();
    if (shift > 0) num = num.shifted_left(std::uint64_t(shift));
    else den = den.shifted_left(std::uint64_t(-shift));
    big_int q, r;
    divmod(num, den, q, r);
    std::uint64_t m = q.limbs_.empty() ? 0 : q.limbs_.size() == 1 ? q.limbs_[0] : (std::uint64_t(q.limbs_[1]) << 32) | q.limbs_[0];
    if (!r.is_zero()) m |= 1;
    out = std::ldexp(double(m), int(-shift));
    if (std::isinf(out)) return false;
    if (a.negative_ != b.negative_) out = -out;
    return true;
}

big_int big_int::pow(std::uint64_t exponent) const {
    big_int result = from_int64(1), base = *this;
    while (exponent) {
        if (exponent & 1) result = result * base;
        exponent >>= 1;
        if (exponent) base = base * base;
    }
    return result;
}

big_int big_int::shifted_left(std::uint64_t bits) const {
    if (is_zero()) return *this;
    const std::size_t whole = std::size_t(bits / 32);
    const unsigned part = unsigned(bits % 32);
    big_int r;
    r.negative_ = negative_;
    r.limbs_.assign(whole + limbs_.size() + 1, 0);
    for (std::size_t i = 0; i < limbs_.size(); ++i) {
        r.limbs_[whole + i] |= part ? limbs_[i] << part : limbs_[i];
        if (part) r.limbs_[whole + i + 1] = limbs_[i] >> (32 - part);
    }
    r.trim();
    return r;
}

big_int big_int::shifted_right(std::uint64_t bits) const {
    if (negative_) return -((-*this - from_int64(1)).shifted_right(bits)) - from_int64(1);  // floor: ~(~x >> n)
    if (bits >= limbs_.size() * std::uint64_t(32)) return big_int();
    const std::size_t whole = std::size_t(bits / 32);
    const unsigned part = unsigned(bits % 32);
    big_int r;
    r.limbs_.assign(limbs_.size() - whole, 0);
    for (std::size_t i = 0; i < r.limbs_.size(); ++i) {
        std::uint64_t pair = limbs_[whole + i];
        if (whole + i + 1 < limbs_.size()) pair |= std::uint64_t(limbs_[whole + i + 1]) << 32;
        r.limbs_[i] = std::uint32_t(pair >> part);
    }
    r.trim();
    return r;
}

big_int big_int::bitwise(const big_int& a, const big_int& b, bit_op op) {
    // Both in two's complement over enough limbs for the sign to extend, then back.
    const std::size_t width = std::max(a.limbs_.size(), b.limbs_.size()) + 1;
    auto twos = [width](const big_int& x) {
        limbs r(width, 0);
        std::copy(x.limbs_.begin(), x.limbs_.end(), r.begin());
        if (x.negative_) {
            std::uint64_t carry = 1;
            for (auto& limb : r) {
                carry += std::uint32_t(~limb);
                limb = std::uint32_t(carry);
                carry >>= 32;
            }
        }
        return r;
    };
    const limbs x = twos(a), y = twos(b);
    limbs r(width);
    for (std::size_t i = 0; i < width; ++i) {
        r[i] = op == bit_op::and_ ? x[i] & y[i] : op == bit_op::or_ ? x[i] | y[i] : x[i] ^ y[i];
    }
    const bool negative = r.back() & 0x80000000u;
    if (negative) {
        std::uint64_t carry = 1;
        for (auto& limb : r) {
            carry += std::uint32_t(~limb);
            limb = std::uint32_t(carry);
            carry >>= 32;
        }
    }
    return from_words(std::move(r), negative);
}

}  // namespace loopstep::python

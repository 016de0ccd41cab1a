// Integers beyond 64 bits: sign and magnitude in 32-bit limbs, so that native and wasm
// (32-bit size_t) compute the same bits. Only what Python's int needs: arithmetic with
// floor division, powers, shifts, bitwise ops in two's complement, text, hash.
// Hand-written rather than Boost.Multiprecision: the lesson needs CPython's exact hash,
// floor semantics, correctly rounded true division and the 4300-digit str limit, which
// would all be written around a library anyway, and the wasm build stays free of /usr/include.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace loopstep::python {

class big_int {
public:
    big_int() = default;
    static big_int from_int64(std::int64_t v);
    static big_int from_uint64(std::uint64_t v);
    // A finite double's integer part.
    static big_int from_double(double d);
    // Digits in `base` (2..36, underscores already removed, no sign); nothing if one is invalid.
    static std::optional<big_int> from_digits(std::string_view digits, int base);
    // From 32-bit words, least significant first (random.getrandbits).
    static big_int from_words(std::vector<std::uint32_t> words, bool negative = false);

    bool is_zero() const { return limbs_.empty(); }
    bool is_negative() const { return negative_; }
    bool fits_int64() const;
    std::int64_t to_int64() const;  // only when fits_int64()
    // Correctly rounded (half to even); false when the value is too large for a double.
    bool to_double(double& out) const;
    std::string to_decimal() const;
    std::size_t decimal_digits_upper_bound() const { return limbs_.size() * 10; }
    std::uint64_t bit_length() const;
    // Python's hash: the value modulo 2**61 - 1, with the sign, -1 mapped to -2.
    std::int64_t python_hash() const;
    const std::vector<std::uint32_t>& magnitude() const { return limbs_; }

    big_int operator-() const;
    big_int abs() const;
    friend big_int operator+(const big_int& a, const big_int& b);
    friend big_int operator-(const big_int& a, const big_int& b);
    friend big_int operator*(const big_int& a, const big_int& b);
    // Floor division and modulo with the sign of the divisor, as Python's; b must not be zero.
    static void divmod(const big_int& a, const big_int& b, big_int& quotient, big_int& remainder);
    // a / b correctly rounded; false on overflow. b must not be zero.
    static bool true_divide(const big_int& a, const big_int& b, double& out);
    big_int pow(std::uint64_t exponent) const;
    big_int shifted_left(std::uint64_t bits) const;
    big_int shifted_right(std::uint64_t bits) const;  // floor, as Python's >>
    enum class bit_op : std::uint8_t { and_, or_, xor_ };
    static big_int bitwise(const big_int& a, const big_int& b, bit_op op);
    static int compare(const big_int& a, const big_int& b);

private:
    static int compare_magnitude(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b);
    static std::vector<std::uint32_t> add_magnitude(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b);
    static std::vector<std::uint32_t> subtract_magnitude(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b);
    static void divide_magnitude(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b,
                                 std::vector<std::uint32_t>& quotient, std::vector<std::uint32_t>& remainder);
    static std::uint32_t divide_small(std::vector<std::uint32_t>& a, std::uint32_t divisor);  // returns the remainder
    void trim();

    bool negative_ = false;
    std::vector<std::uint32_t> limbs_;  // the magnitude, least significant first, no leading zero limbs
};

}  // namespace loopstep::python

// MT19937 (Matsumoto and Nishimura, 1998) with the reference init_by_array seeding.
#include "mersenne_twister.hpp"

#include <algorithm>

namespace loopstep::python {

void mersenne_twister::seed_single(std::uint32_t s) {
    state_[0] = s;
    for (int i = 1; i < size; ++i) {
        state_[i] = 1812433253u * (state_[i - 1] ^ (state_[i - 1] >> 30)) + std::uint32_t(i);
    }
    index_ = size;
}

void mersenne_twister::seed_by_array(const std::vector<std::uint32_t>& key) {
    seed_single(19650218u);
    int i = 1;
    std::size_t j = 0;
    for (std::size_t k = std::max<std::size_t>(size, key.size()); k > 0; --k) {
        state_[i] = (state_[i] ^ ((state_[i - 1] ^ (state_[i - 1] >> 30)) * 1664525u)) + key[j] + std::uint32_t(j);
        ++i;
        ++j;
        if (i >= size) {
            state_[0] = state_[size - 1];
            i = 1;
        }
        if (j >= key.size()) j = 0;
    }
    for (int k = size - 1; k > 0; --k) {
        state_[i] = (state_[i] ^ ((state_[i - 1] ^ (state_[i - 1] >> 30)) * 1566083941u)) - std::uint32_t(i);
        ++i;
        if (i >= size) {
            state_[0] = state_[size - 1];
            i = 1;
        }
    }
    state_[0] = 0x80000000u;  // the most significant bit set: a non-zero initial state
    index_ = size;
}

void mersenne_twister::regenerate() {
    constexpr int shift = 397;
    auto twist = [](std::uint32_t upper, std::uint32_t lower, std::uint32_t far) {
        const std::uint32_t y = (upper & 0x80000000u) | (lower & 0x7fffffffu);
        return far ^ (y >> 1) ^ ((y & 1u) ? 0x9908b0dfu : 0u);
    };
    for (int k = 0; k < size; ++k) {
        state_[k] = twist(state_[k], state_[(k + 1) % size], state_[(k + shift) % size]);
    }
    index_ = 0;
}

std::uint32_t mersenne_twister::next() {
    if (index_ >= size) regenerate();
    std::uint32_t y = state_[index_++];
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680u;
    y ^= (y << 15) & 0xefc60000u;
    y ^= y >> 18;
    return y;
}

double mersenne_twister::next_double() {
    const std::uint32_t a = next() >> 5, b = next() >> 6;  // 27 and 26 bits
    return (double(a) * 67108864.0 + double(b)) * (1.0 / 9007199254740992.0);
}

std::vector<std::uint32_t> mersenne_twister::random_bits(std::uint64_t k) {
    std::vector<std::uint32_t> words;
    if (k == 0) return {0};  // no draw, as CPython
    if (k <= 32) {
        words.push_back(next() >> (32 - k));
        return words;
    }
    for (std::uint64_t left = k; left > 0; left -= std::min<std::uint64_t>(left, 32)) {
        std::uint32_t r = next();
        if (left < 32) r >>= 32 - left;
        words.push_back(r);
    }
    return words;
}

std::uint64_t mersenne_twister::random_bits_64(unsigned k) {
    const std::vector<std::uint32_t> words = random_bits(k);
    return words.size() == 1 ? words[0] : (std::uint64_t(words[1]) << 32) | words[0];
}

std::uint64_t mersenne_twister::below(std::uint64_t n) {
    unsigned k = 0;
    for (std::uint64_t m = n; m; m >>= 1) ++k;
    std::uint64_t r = random_bits_64(k);
    while (r >= n) r = random_bits_64(k);
    return r;
}

}  // namespace loopstep::python

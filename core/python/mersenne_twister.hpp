// MT19937, the generator under CPython's random module, seeded as CPython seeds it
// (init_by_array over the seed's 32-bit words), so seeded programs draw CPython's numbers.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

namespace loopstep::python {

class mersenne_twister {
public:
    mersenne_twister() { seed_by_array({0}); }
    // CPython's random_seed for an int: the words of abs(seed), least significant first
    // (one zero word for 0).
    void seed_by_array(const std::vector<std::uint32_t>& key);
    std::uint32_t next();
    // random.random(): 53 random bits from two draws.
    double next_double();
    // random.getrandbits(k) for 0 < k: the words of the result, least significant first.
    std::vector<std::uint32_t> random_bits(std::uint64_t k);
    // getrandbits(k) for k <= 64.
    std::uint64_t random_bits_64(unsigned k);
    // random._randbelow(n) for 0 < n: getrandbits(n.bit_length()) until below n.
    std::uint64_t below(std::uint64_t n);

private:
    void seed_single(std::uint32_t s);
    void regenerate();
    static constexpr int size = 624;
    std::array<std::uint32_t, size> state_{};
    int index_ = size;
};

}  // namespace loopstep::python

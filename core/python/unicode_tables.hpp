// The data of tools/unicode_tables.py's generated unicode_tables.cpp (read by unicode.cpp).
#pragma once

#include <cstddef>
#include <cstdint>

namespace loopstep::python::unicode_tables {

constexpr int property_flag_bits = 11;  // a property run is first << 11 | flags

struct mapping_run {
    char32_t first;
    char32_t last;
    std::int32_t delta;
    std::uint8_t stride;  // 1: every code point of first..last; 2: every other one
};

// A mapping longer than one code point; unused trailing places are 0.
struct special_case {
    char32_t code;
    char32_t mappings[4][3];  // upper, lower, title, casefold
};

extern const std::uint32_t property_runs[];
extern const std::size_t property_run_count;
extern const mapping_run upper_runs[], lower_runs[], title_runs[], casefold_runs[];
extern const std::size_t upper_run_count, lower_run_count, title_run_count, casefold_run_count;
extern const special_case special_cases[];
extern const std::size_t special_case_count;

}  // namespace loopstep::python::unicode_tables

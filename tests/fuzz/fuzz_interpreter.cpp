// libFuzzer target over the whole interpreter: lexer, parser, resolver, compiler, VM and the
// scheduler, with small step, loop and recursion budgets so every input ends quickly.
// Build and run with `./dev fuzz [seconds]` (clang's libFuzzer with ASan and UBSan).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <sanitizer/allocator_interface.h>

#include "loopstep/python/run_program.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    loopstep::python::program_options options;
    options.step_budget = 20'000;
    options.loop_step_limit = 5'000;
    options.recursion_limit = 150;
    // The page's kind of limits, smaller: every input ends quickly and within memory, and the
    // limits' own paths (a run stopped mid-way, caught or not) are fuzzed too.
    options.limits.steps = 200'000;
    options.limits.events = 20'000;
    options.limits.output_bytes = 100'000;
    options.limits.memory_in_use = [] { return __sanitizer_get_current_allocated_bytes(); };
    options.limits.memory_bytes = 160'000'000;
    const auto result = loopstep::python::run_program(std::string_view(reinterpret_cast<const char*>(data), size), options);
    // Every run ends in one of the two documented ways.
    if (result.exit_code != 0 && result.exit_code != 1) __builtin_trap();
    if (result.exit_code == 1 && !result.error) __builtin_trap();
    return 0;
}

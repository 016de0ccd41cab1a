// The interpreter's one entry point: run a Python-subset program on a fresh event loop and
// get back what it printed, how it ended, and (for the viewer) its trace.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "loopstep/trace.hpp"

namespace loopstep::python {

// What one whole run may spend. Past any limit the run stops for good (no `except` gets past
// it) with loopstep.RunLimitError at the line where it stopped; what ran before stays
// recorded. They keep a browser tab responsive and within its memory whatever is typed.
struct run_limits {
    std::uint64_t steps = 30'000'000;       // loop turns and Python calls, over the whole run
    std::uint64_t events = 2'000'000;       // scheduler events traced (each is kept by a recording)
    std::size_t output_bytes = 16'000'000;  // what print may write
    std::size_t source_bytes = 1'000'000;   // the program's text, checked before it is parsed
    // The embedder's measure of the memory in use (its heap), and the most it may reach;
    // checked every few thousand steps and events and before any large allocation.
    std::function<std::size_t()> memory_in_use;
    std::size_t memory_bytes = 0;
};

struct program_options {
    std::string filename = "main.py";  // shown in tracebacks
    trace_sink trace;                   // every scheduler event, if set
    std::function<void(const std::string&)> on_output;  // printed text as it is printed
    std::uint64_t step_budget = 20'000'000;    // statements and loop turns between two awaits
    std::uint64_t loop_step_limit = 5'000'000;  // event-loop steps in one asyncio.run
    int recursion_limit = 1000;
    run_limits limits;
    // What seeds `random` until the program calls random.seed(): CPython seeds from the OS,
    // the lesson from this (a per-run counter, say), or else from the program's text. Seeding
    // is random.seed(random_seed)'s.
    std::optional<std::uint64_t> random_seed;
    // With a trace: each line a task starts as a line_reached event with the task's frames (the
    // lines sys.settrace would see), up to this many; they do not count towards limits.events.
    std::size_t line_events = 0;
};

// Where and why a program failed, for the editor: a syntax error or an uncaught exception.
struct program_error {
    std::string type;     // "SyntaxError", "ZeroDivisionError", "NotSupportedError", ...
    std::string message;  // the text after "Type: " on the last line
    int line = 0;         // 1-based; 0 if unknown
    int column = 0;       // 1-based; 0 if unknown
    int end_column = 0;
};

struct program_result {
    int exit_code = 0;         // 0, or 1 after a syntax error or an uncaught exception
    std::string output;        // what the program printed (stdout)
    std::string error_output;  // traceback or syntax error display (stderr)
    std::optional<program_error> error;
    double virtual_time = 0;   // the clock when the program ended
    std::uint64_t random_seed = 0;  // what seeded an unseeded `random` (shown so a run can be repeated)
    // Whether the program drew from a generator this seed seeded (`random` or Random() before
    // any random.seed(x) / Random(x)): then random.seed(random_seed) repeats its numbers.
    bool used_run_seed = false;
};

program_result run_program(std::string_view source, const program_options& options = {});

}  // namespace loopstep::python

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

struct program_options {
    std::string filename = "main.py";  // shown in tracebacks
    trace_sink trace;                   // every scheduler event, if set
    std::function<void(const std::string&)> on_output;  // printed text as it is printed
    std::uint64_t step_budget = 20'000'000;    // statements and loop turns between two awaits
    std::uint64_t loop_step_limit = 5'000'000;  // event-loop steps in one asyncio.run
    int recursion_limit = 1000;
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
};

program_result run_program(std::string_view source, const program_options& options = {});

}  // namespace loopstep::python

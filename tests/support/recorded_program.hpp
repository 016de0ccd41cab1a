// Test helper: a Python program run into a recording, as web/model/app_state.cpp runs one.
// Heap-held, because the recording's sink points at it while the program runs.
#pragma once

#include <memory>
#include <string_view>

#include "loopstep/python/run_program.hpp"
#include "loopstep/recording.hpp"

namespace loopstep::testing {

struct recorded {
    recording run;
    python::program_result result;
};

inline std::unique_ptr<recorded> record(std::string_view source) {
    auto out = std::make_unique<recorded>();
    python::program_options options;
    options.trace = out->run.sink();
    out->result = python::run_program(source, options);
    return out;
}

}  // namespace loopstep::testing

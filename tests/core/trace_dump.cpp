// Prints the trace of the busy scenario, one event a line: the cross-target test diffs
// the native and the wasm output of this program.
#include <cstdio>

#include "loopstep/loopstep.hpp"
#include "scenarios.hpp"

int main() {
    loopstep::recording record;
    loopstep::event_loop loop({.trace = record.sink()});
    loopstep::run(loop, loopstep::testing::busy_scenario(loop));
    for (const auto& event : record.events()) std::printf("%s\n", loopstep::to_string(event).c_str());
    return 0;
}

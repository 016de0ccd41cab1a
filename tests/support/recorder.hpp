// Test helpers: an ordered log of what coroutines did (compared with the order asyncio gives),
// and running a loop until nothing is left to do.
#pragma once

#include <string>
#include <vector>

#include "loopstep/sleep.hpp"

namespace loopstep::testing {

// A coroutine that sleeps, then returns `value`.
inline coro<int> after(double seconds, int value) {
    co_await loopstep::sleep(seconds);
    co_return value;
}

inline void run_all(event_loop& loop) {
    while (loop.step().kind != step_kind::idle) {
    }
}

struct recorder {
    std::vector<std::string> lines;
    void operator()(std::string line) { lines.push_back(std::move(line)); }
};

}  // namespace loopstep::testing

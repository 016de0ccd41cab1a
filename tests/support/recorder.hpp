// Test helper: an ordered log of what coroutines did, compared with the order asyncio gives.
#pragma once

#include <string>
#include <vector>

namespace loopstep::testing {

struct recorder {
    std::vector<std::string> lines;
    void operator()(std::string line) { lines.push_back(std::move(line)); }
};

}  // namespace loopstep::testing

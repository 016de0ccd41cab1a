// "Did you mean: 'total_time'?": CPython's suggestion for a misspelt name (Python/suggestions.c).
#pragma once

#include <string>
#include <vector>

namespace loopstep::python {

// The closest candidate within CPython's edit-distance budget, or "" if none is close enough.
std::string suggest_name(const std::string& name, const std::vector<std::string>& candidates);

}  // namespace loopstep::python

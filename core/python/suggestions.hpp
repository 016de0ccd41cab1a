// "Did you mean: 'total_time'?": CPython 3.11's suggestions for a misspelt name
// (Python/suggestions.c).
#pragma once

#include <string>
#include <vector>

namespace loopstep::python {

// The closest candidate within CPython's edit-distance budget (the first of equally close
// ones), or "" if none is close enough.
std::string suggest_name(const std::string& name, const std::vector<std::string>& candidates);

// The suggestion for a NameError: the first of the frame's varnames, the module's globals
// (in assignment order, after the module's own dunder names) and CPython's builtins that
// offers one.
std::string suggest_for_name_error(const std::string& name, const std::vector<std::string>& varnames,
                                   const std::vector<std::string>& globals);

}  // namespace loopstep::python

// A lesson's @formula worked out at the sliders' values, for the line under the sliders:
// "One by one, n × (s + w): 12 × (5 + 55) = 720 s". Pairs with formula.cpp.
#pragma once

#include <span>
#include <string>

#include "model/lesson.hpp"

namespace loopstep::web {

// The formula with the values put in and its result, evaluated by the Python interpreter (the
// expression is Python over the chapter's @param names); a formula that fails says so in words.
std::string formula_text(const lesson_formula& formula, const chapter& chapter, std::span<const int> values);

}  // namespace loopstep::web

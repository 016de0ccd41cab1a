// The timeline at the cursor as a picture to hand out: an SVG document drawing what the canvas's
// timeline panel shows of the run (each task's row, what it did up to the cursor, the cursor, the
// time axis and a legend), in the app's colours. Pairs with timeline_svg.cpp.
#pragma once

#include <string>

#include "model/app_state.hpp"

namespace loopstep::web {

// Sizes of the picture, in SVG user units (CSS pixels when shown at 100%).
inline constexpr double svg_width = 960;
inline constexpr double svg_label_width = 150;  // the task names' column
inline constexpr double svg_row_height = 26;

std::string timeline_svg(const app_state& app);

}  // namespace loopstep::web

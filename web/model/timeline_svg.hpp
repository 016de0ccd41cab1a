// The timeline as a picture to hand out: an SVG document drawing what the canvas's timeline panel
// shows (each task's row, what it did up to the cursor, the cursor, the time axis and a legend;
// two runs side by side, each under its name), in the app's colours or, for paper, dark on
// white. Pairs with timeline_svg.cpp.
#pragma once

#include <string>

#include "model/app_state.hpp"

namespace loopstep::web {

// Sizes of the picture, in SVG user units (CSS pixels when shown at 100%).
inline constexpr double svg_width = 960;
inline constexpr double svg_label_width = 150;  // the task names' column
inline constexpr double svg_row_height = 26;

struct picture_options {
    bool for_print = false;  // dark on white (the printable run), else the app's dark colours
    bool whole_run = false;  // every run to its end, else up to the cursor
};

std::string timeline_svg(const app_state& app, const picture_options& options = {});

}  // namespace loopstep::web

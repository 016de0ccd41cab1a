// The frames panel at the cursor as a picture to hand out: an SVG document of the selected task's
// frames, innermost first, each with its call, where it is and what it waits on, and its local
// variables (what the last step changed marked as on screen), in the app's colours. Pairs with
// frames_svg.cpp.
#pragma once

#include <string>

#include "model/app_state.hpp"

namespace loopstep::web {

inline constexpr double frames_svg_width = 640;

std::string frames_svg(const app_state& app);

}  // namespace loopstep::web

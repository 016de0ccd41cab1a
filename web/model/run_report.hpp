// The whole run as a page to print or hand out: one self-contained HTML document with the
// chapter's program (and the one run beside it), the sliders' values, the timeline of the whole
// run (dark on white), the output, and the narration of every step by event with its time.
// Pairs with run_report.cpp.
#pragma once

#include <string>

#include "model/app_state.hpp"

namespace loopstep::web {

std::string run_report_html(const app_state& app);

}  // namespace loopstep::web

// The UI: ImGui drawing from app_state, one panel a file (ui_layout, ui_code, ui_tasks).
// Panels read the model and call its operations; they never reach the scheduler. Pairs with fonts.hpp.
#pragma once

#include "model/app_state.hpp"
#include "fonts.hpp"

namespace loopstep::web {

// The whole frame: one window filling the canvas, its controls and panels (ui_layout.cpp).
void ui_frame(app_state& app, const ui_fonts& fonts);

// The program with line numbers, and what it has printed so far (ui_code.cpp).
void ui_code(const app_state& app, const ui_fonts& fonts);
void ui_output(const app_state& app, const ui_fonts& fonts);

// Every task at the cursor: name, state, what it waits on or how it ended (ui_tasks.cpp).
void ui_tasks(const app_state& app);

// One row per task on the virtual time axis, the cursor on it; click or drag to seek (ui_timeline.cpp).
void ui_timeline(app_state& app, const ui_fonts& fonts);

}  // namespace loopstep::web

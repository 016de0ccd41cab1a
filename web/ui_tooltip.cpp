// Tooltips that step aside: hidden once their item is clicked (until the pointer leaves it), so a
// "Step forward" tooltip does not cover Play and End while the learner keeps clicking; and never
// for touch, where a tap leaves the pointer resting on what was tapped. Part of the UI in ui.hpp.
#include "imgui.h"
#include "imgui_internal.h"  // GetItemID: the item the tooltip belongs to
#include "ui.hpp"

namespace loopstep::web {
namespace {

struct tooltip_state {
    ImGuiID clicked = 0;  // the item clicked last, while the pointer is still on it
    bool touch = false;   // the last pointer input came from a finger
};

tooltip_state& tooltips() {
    static tooltip_state state;  // UI state in web/, not the core
    return state;
}

}  // namespace

void note_pointer_input(bool touch) { tooltips().touch = touch; }
bool pointer_is_touch() { return tooltips().touch; }

bool item_tooltip_wanted(ImGuiHoveredFlags flags) {
    tooltip_state& state = tooltips();
    const ImGuiID id = ImGui::GetItemID();
    const bool hovered = ImGui::IsItemHovered(flags);
    if (id == 0) return hovered && !state.touch;  // a group or text: nothing to click
    if (hovered && (ImGui::IsMouseClicked(ImGuiMouseButton_Left) || ImGui::IsItemActive())) state.clicked = id;
    if (!hovered && state.clicked == id) state.clicked = 0;
    return hovered && state.clicked != id && !state.touch;
}

void item_tooltip(const char* text, ImGuiHoveredFlags flags) {
    if (item_tooltip_wanted(flags)) show_tooltip(text);
}

void show_tooltip(const std::string& text) {
    ImGui::SetTooltip("%s", text.c_str());
    screen().tooltip = text;
}

}  // namespace loopstep::web

// The look: ImGui's dark theme tuned for reading, or a high-contrast theme (pure black and white,
// bright accents, borders on every control), with spacing scaled along with the text size; and
// the buttons that change them. Part of the UI declared in ui.hpp.
#include <algorithm>

#include "imgui.h"
#include "ui.hpp"

namespace loopstep::web {
namespace {

void high_contrast_colours(ImGuiStyle& style) {
    ImVec4* colours = style.Colors;
    const ImVec4 black(0, 0, 0, 1), white(1, 1, 1, 1), yellow(1.0f, 0.9f, 0.0f, 1), blue(0.25f, 0.55f, 1.0f, 1);
    colours[ImGuiCol_Text] = white;
    colours[ImGuiCol_TextDisabled] = ImVec4(0.85f, 0.85f, 0.85f, 1);
    colours[ImGuiCol_WindowBg] = black;
    colours[ImGuiCol_ChildBg] = black;
    colours[ImGuiCol_PopupBg] = black;
    colours[ImGuiCol_Border] = white;
    colours[ImGuiCol_FrameBg] = black;
    colours[ImGuiCol_FrameBgHovered] = ImVec4(0.2f, 0.2f, 0.2f, 1);
    colours[ImGuiCol_FrameBgActive] = ImVec4(0.3f, 0.3f, 0.3f, 1);
    colours[ImGuiCol_Button] = black;
    colours[ImGuiCol_ButtonHovered] = ImVec4(0.15f, 0.3f, 0.6f, 1);
    colours[ImGuiCol_ButtonActive] = blue;
    colours[ImGuiCol_Header] = ImVec4(0.15f, 0.3f, 0.6f, 1);
    colours[ImGuiCol_HeaderHovered] = blue;
    colours[ImGuiCol_HeaderActive] = blue;
    colours[ImGuiCol_SliderGrab] = yellow;
    colours[ImGuiCol_SliderGrabActive] = yellow;
    colours[ImGuiCol_CheckMark] = yellow;
    colours[ImGuiCol_PlotHistogram] = yellow;
    colours[ImGuiCol_Tab] = black;
    colours[ImGuiCol_TabActive] = ImVec4(0.15f, 0.3f, 0.6f, 1);
    colours[ImGuiCol_TabHovered] = blue;
    colours[ImGuiCol_TableRowBg] = black;
    colours[ImGuiCol_TableRowBgAlt] = ImVec4(0.12f, 0.12f, 0.12f, 1);
    colours[ImGuiCol_TableBorderLight] = white;
    colours[ImGuiCol_TableBorderStrong] = white;
    colours[ImGuiCol_NavHighlight] = yellow;
    colours[ImGuiCol_ScrollbarGrab] = white;
    style.FrameBorderSize = 1;
    style.ChildBorderSize = 1;
}

}  // namespace

void ui_apply_style(const display_settings& display) {
    ImGuiStyle& style = ImGui::GetStyle();
    style = ImGuiStyle();
    ImGui::StyleColorsDark(&style);
    style.WindowRounding = 0;
    style.ChildRounding = 4;
    style.FrameRounding = 4;
    style.WindowPadding = ImVec2(14, 12);
    style.FramePadding = ImVec2(10, 5);
    style.ItemSpacing = ImVec2(10, 7);
    style.CellPadding = ImVec2(6, 3);
    style.WindowBorderSize = 0;
    if (display.high_contrast) high_contrast_colours(style);
    style.ScaleAllSizes(shown_text_scale(display));  // sizes are in window units; SDL scales the framebuffer
}

namespace {
constexpr const char* classroom_label = "Classroom";
constexpr const char* contrast_label = "\xE2\x97\x90";  // ◐
constexpr const char* smaller_label = "A\xE2\x88\x92";  // A−
constexpr const char* larger_label = "A+";
constexpr float display_gap = 4;
}  // namespace

float display_controls_width() {
    const float padding = ImGui::GetStyle().FramePadding.x * 2;
    float width = 3 * display_gap;
    for (const char* label : {classroom_label, contrast_label, smaller_label, larger_label}) width += ImGui::CalcTextSize(label).x + padding;
    return width;
}

// Classroom and contrast, then A− and A+: the order that keeps A+ under the pointer as the text
// grows (see ui_layout.cpp).
void ui_display_controls(app_state& app) {
    display_settings display = app.display;
    const bool classroom = display.classroom;
    if (classroom) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));  // shown pressed
    if (ImGui::Button(classroom_label)) display.classroom = !classroom;
    if (classroom) ImGui::PopStyleColor();
    note_item("Classroom");
    item_tooltip(classroom ? "Classroom mode: on. Page Down and Page Up step; Esc or a click leaves it"
                           : "Classroom mode: large text, the program and timeline big, for a projector");
    ImGui::SameLine(0, display_gap);
    if (ImGui::Button(contrast_label)) display.high_contrast = !display.high_contrast;
    note_item("Contrast");
    item_tooltip(display.high_contrast ? "High contrast: on (click for the normal theme)" : "High contrast: off (click to turn on)");
    ImGui::SameLine(0, display_gap);
    ImGui::BeginDisabled(display.text_scale <= min_text_scale);
    if (ImGui::Button(smaller_label)) display.text_scale = std::max(min_text_scale, display.text_scale - 0.1f);
    note_item("A-");
    item_tooltip("Smaller text", ImGuiHoveredFlags_AllowWhenDisabled);
    ImGui::EndDisabled();
    ImGui::SameLine(0, display_gap);
    ImGui::BeginDisabled(display.text_scale >= max_text_scale);
    if (ImGui::Button(larger_label)) display.text_scale = std::min(max_text_scale, display.text_scale + 0.1f);
    note_item("A+");
    item_tooltip("Larger text", ImGuiHoveredFlags_AllowWhenDisabled);
    ImGui::EndDisabled();
    if (!(display == app.display)) set_display(app, display);
}

}  // namespace loopstep::web

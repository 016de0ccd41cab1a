// The stepping controls (restart, back, step, end, play/pause with speed), the scrubber, the
// virtual clock and the one-line narration of the current step. Part of the UI in ui.hpp.
#include <algorithm>
#include <array>
#include <string>

#include "imgui.h"
#include "ui.hpp"

namespace loopstep::web {
namespace {

bool button(const char* label, const char* name, const char* tooltip, bool enabled) {
    ImGui::BeginDisabled(!enabled);
    const bool pressed = ImGui::Button(label);
    note_item(name);
    item_tooltip(tooltip, ImGuiHoveredFlags_AllowWhenDisabled);
    ImGui::EndDisabled();
    ImGui::SameLine();
    return pressed;
}

void speed(app_state& app) {
    static constexpr std::array<double, 7> speeds = {1, 2, 4, 8, 16, 32, 64};
    auto label_of = [](double option) {
        const int steps = static_cast<int>(option);
        return std::to_string(steps) + (steps == 1 ? " step/s" : " steps/s");
    };
    const std::string current = label_of(app.steps_per_second);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
    if (ImGui::BeginCombo("##speed", current.c_str())) {
        for (double option : speeds) {
            const std::string label = label_of(option);
            if (ImGui::Selectable(label.c_str(), option == app.steps_per_second)) app.steps_per_second = option;
        }
        ImGui::EndCombo();
    }
    item_tooltip("Play speed");
}

}  // namespace

void ui_controls(app_state& app, const ui_fonts& fonts) {
    const std::size_t total = event_count(app);
    const bool at_start = app.cursor == 0;
    const bool at_end = app.cursor >= total;
    const bool waiting = prediction_waiting(app);  // the run goes on once the learner has predicted
    if (button("\xE2\x87\xA4 Start", "Start", "Restart (Home)", !at_start)) seek(app, 0);
    if (button("\xE2\x97\x80 Back", "Back", "Step back (Left arrow)", !at_start)) step_back(app);
    const char* make_prediction = "Make your prediction first (keys 1 to 4), or jump on with End or the bar";
    if (button("Step \xE2\x96\xB6", "Step", waiting ? make_prediction : "Step forward (Right arrow)", !at_end && !waiting)) step_forward(app);
    if (button(app.playing ? "Pause" : "Play", "Play", waiting ? make_prediction : "Play or pause (Space)", total > 0 && !waiting)) toggle_play(app);
    if (button("End \xE2\x87\xA5", "End", "Run to the end (End)", !at_end)) seek(app, total);
    speed(app);
    int cursor = static_cast<int>(app.cursor);
    ImGui::SetNextItemWidth(-1);
    // A run with no steps (a syntax error) shows an empty bar, not a full one.
    ImGui::BeginDisabled(total == 0);
    if (ImGui::SliderInt("##cursor", &cursor, 0, std::max(static_cast<int>(total), 1), "")) {
        seek(app, static_cast<std::size_t>(std::max(cursor, 0)));
    }
    ImGui::EndDisabled();
    item_tooltip(total == 0 ? "This run has no steps" : "Drag to any step of the run", ImGuiHoveredFlags_AllowWhenDisabled);

    ImGui::PushFont(fonts.heading);
    ImGui::Text("%.1f %s", app.view.time, time_unit(app).c_str());
    ImGui::PopFont();
    item_tooltip("The virtual clock: waits take no real time");
    ImGui::SameLine();
    ImGui::TextDisabled("step %zu of %zu", app.cursor, total);
    const std::string& sentence = narration(app);
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(sentence.c_str());
    ImGui::PopTextWrapPos();
}

}  // namespace loopstep::web

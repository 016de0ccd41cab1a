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

// Line by line: Step, Back and Play go through every line each task runs, not only the loop's
// events. At the start of the scrub bar's row.
void line_steps(app_state& app) {
    bool by_line = app.step_by_line;
    ImGui::BeginDisabled(app.steps.line_steps == 0);
    if (ImGui::Checkbox("Line by line", &by_line)) set_step_by_line(app, by_line);
    note_item("lines");
    const std::string tooltip = app.steps.line_steps == 0 ? std::string("This run has no lines to step through")
        : app.steps.line_steps >= max_line_steps ? "Step through every line each task runs (L); this run recorded its first " +
                                               std::to_string(max_line_steps) + " lines, then steps by event"
                                           : std::string("Step through every line each task runs, not only the loop's events (L)");
    item_tooltip(tooltip.c_str(), ImGuiHoveredFlags_AllowWhenDisabled);
    ImGui::EndDisabled();
    ImGui::SameLine();
}

// A "?" over the scrub bar (the last item) where a prediction not made yet will stop the run:
// the learner sees a question is coming. Whether it drew any.
bool mark_predictions(const app_state& app, std::size_t total) {
    bool marked = false;
    if (total == 0) return marked;
    const ImVec2 bar_min = ImGui::GetItemRectMin();
    const ImVec2 bar_max = ImGui::GetItemRectMax();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float size = ImGui::GetFontSize();
    for (std::size_t i = 0; i < app.predictions.size(); ++i) {
        const std::optional<placed_prediction>& placed = app.predictions[i];
        if (!placed || app.progress[app.chapter_index].predictions[i].made) continue;
        const float along = (bar_max.x - bar_min.x) * static_cast<float>(step_of_cursor(app, placed->stop)) / static_cast<float>(total);
        const float x = bar_min.x + std::max(along, size * 0.3f);  // inside the bar, also at the start
        const ImVec2 at(x - size * 0.28f, bar_min.y + (bar_max.y - bar_min.y - size) * 0.5f);
        draw->AddText(nullptr, size, at, ImGui::GetColorU32(ImVec4(1.0f, 0.85f, 0.3f, 1.0f)), "?");
        marked = true;
    }
    return marked;
}

}  // namespace

void ui_controls(app_state& app, const ui_fonts& fonts) {
    const std::size_t total = event_count(app);
    const bool at_start = step_number(app) == 0;
    const bool finished = at_end(app);
    const bool waiting = prediction_waiting(app);  // the run goes on once the learner has predicted
    if (button("\xE2\x87\xA4 Start", "Start", "Restart (Home)", !at_start)) seek(app, 0);
    if (button("\xE2\x97\x80 Back", "Back", "Step back (Left arrow)", !at_start)) step_back(app);
    const char* make_prediction = "Make your prediction first (keys 1 to 4), or jump on with End or the bar";
    if (button("Step \xE2\x96\xB6", "Step", waiting ? make_prediction : "Step forward (Right arrow)", !finished && !waiting)) step_forward(app);
    if (button(app.playing ? "Pause" : "Play", "Play", waiting ? make_prediction : "Play or pause (Space)", total > 0 && !waiting)) toggle_play(app);
    if (button("End \xE2\x87\xA5", "End", "Run to the end (End)", !finished)) seek_end(app);
    speed(app);
    line_steps(app);
    // The bar drags over the steps of the mode. A run with no steps (a syntax error) shows an
    // empty bar, not a full one.
    const std::size_t steps = step_total(app);
    int step = static_cast<int>(step_number(app));
    ImGui::SetNextItemWidth(-1);
    ImGui::BeginDisabled(total == 0);
    if (ImGui::SliderInt("##cursor", &step, 0, std::max(static_cast<int>(steps), 1), "")) {
        seek_step(app, static_cast<std::size_t>(std::max(step, 0)));
    }
    ImGui::EndDisabled();
    const bool marked = mark_predictions(app, steps);
    item_tooltip(total == 0 ? "This run has no steps"
                 : marked   ? "Drag to any step of the run (? marks where it asks for your prediction)"
                            : "Drag to any step of the run",
                 ImGuiHoveredFlags_AllowWhenDisabled);

    ImGui::PushFont(fonts.heading);
    ImGui::Text("%.1f %s", shared_time(app), time_unit(app).c_str());
    ImGui::PopFont();
    item_tooltip("The virtual clock: waits take no real time");
    ImGui::SameLine();
    ImGui::TextDisabled(app.step_by_line ? "line step %zu of %zu" : "step %zu of %zu", step_number(app), steps);
    const std::string& sentence = narration(app);
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(sentence.c_str());
    ImGui::PopTextWrapPos();
}

}  // namespace loopstep::web

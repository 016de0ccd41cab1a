// The task table at the cursor: one row a task, coloured by state. Part of the UI declared in ui.hpp.
#include "imgui.h"
#include "ui.hpp"

namespace loopstep::web {
namespace {

ImVec4 state_colour(task_state state) {
    switch (state) {
        case task_state::scheduled: return {0.95f, 0.80f, 0.35f, 1.0f};
        case task_state::running: return {0.45f, 0.90f, 0.45f, 1.0f};
        case task_state::waiting: return {0.50f, 0.75f, 1.00f, 1.0f};
        case task_state::finished: return {0.60f, 0.60f, 0.60f, 1.0f};
        case task_state::failed: return {1.00f, 0.45f, 0.45f, 1.0f};
        case task_state::cancelled: return {1.00f, 0.65f, 0.30f, 1.0f};
    }
    return {1, 1, 1, 1};
}

}  // namespace

void ui_tasks(const app_state& app) {
    const snapshot& view = app.view;
    if (view.tasks.empty()) {
        ImGui::TextDisabled("(no tasks yet)");
        return;
    }
    constexpr ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                      ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_ScrollY;
    if (!ImGui::BeginTable("tasks", 3, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Task", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn("State", ImGuiTableColumnFlags_WidthStretch, 0.8f);
    ImGui::TableSetupColumn("Waiting on / result", ImGuiTableColumnFlags_WidthStretch, 1.4f);
    ImGui::TableHeadersRow();
    for (const task_view& task : view.tasks) {
        ImGui::TableNextRow();
        if (task.id == view.running) {
            ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, ImGui::GetColorU32(ImVec4(0.20f, 0.45f, 0.20f, 0.55f)));
        }
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(task.name.c_str());
        ImGui::TableNextColumn();
        ImGui::TextColored(state_colour(task.state), "%s", to_string(task.state));
        ImGui::TableNextColumn();
        if (task.state == task_state::waiting) {
            ImGui::TextUnformatted(task.waiting_on.c_str());
        } else if (!task.outcome.empty()) {
            ImGui::TextDisabled("%s", task.outcome.c_str());
        }
    }
    ImGui::EndTable();
}

}  // namespace loopstep::web

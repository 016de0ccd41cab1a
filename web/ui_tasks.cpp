// The task table at the cursor: one row a task with its colour, its state as a symbol and a
// word (never colour alone), and what it waits on or how it ended. Part of the UI in ui.hpp.
#include <array>

#include "imgui.h"
#include "imgui_internal.h"  // the window's clip rectangle: a label row spans the columns
#include "ui.hpp"

namespace loopstep::web {
namespace {

struct state_look {
    const char* label;
    ImVec4 colour;
};

// "blocking": the running task is inside a blocking call (time.sleep), the loop is stuck with it.
state_look look_of(const task_view& task, const snapshot& view, const recording& run) {
    const bool running = task.id == view.running;
    if (running && view.event_count > 0 && run.events()[view.event_count - 1].kind == trace_kind::blocked) {
        return {"\xE2\x96\xA0 blocking", {1.00f, 0.45f, 0.40f, 1.0f}};  // ■
    }
    switch (task.state) {
        case task_state::scheduled: return {"\xE2\x97\x8B ready", {0.95f, 0.80f, 0.35f, 1.0f}};     // ○
        case task_state::running: return {"\xE2\x96\xB6 running", {0.45f, 0.90f, 0.45f, 1.0f}};     // ▶
        case task_state::waiting: return {"\xE2\x97\x90 waiting", {0.50f, 0.75f, 1.00f, 1.0f}};     // ◐
        case task_state::finished: return {"\xE2\x9C\x93 done", {0.65f, 0.65f, 0.65f, 1.0f}};       // ✓
        case task_state::failed: return {"\xE2\x9C\x97 failed", {1.00f, 0.45f, 0.45f, 1.0f}};       // ✗
        case task_state::cancelled: return {"\xE2\x97\x87 cancelled", {1.00f, 0.65f, 0.30f, 1.0f}}; // ◇
    }
    return {"?", {1, 1, 1, 1}};
}

}  // namespace

ImU32 task_colour(std::size_t task_index) {
    // Okabe-Ito's colour-blind-safe palette, then the same hues lighter.
    static constexpr std::array<ImU32, 8> palette = {
        IM_COL32(230, 159, 0, 255),   IM_COL32(86, 180, 233, 255), IM_COL32(0, 158, 115, 255),
        IM_COL32(240, 228, 66, 255),  IM_COL32(0, 114, 178, 255),  IM_COL32(213, 94, 0, 255),
        IM_COL32(204, 121, 167, 255), IM_COL32(200, 200, 200, 255)};
    return palette[task_index % palette.size()];
}

void task_dot(std::size_t task_index) {
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float size = ImGui::GetFontSize() * 0.55f;
    ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(at.x + size * 0.6f, at.y + ImGui::GetFontSize() * 0.5f), size * 0.5f,
                                                task_colour(task_index));
    ImGui::Dummy(ImVec2(size * 1.4f, 0));
    ImGui::SameLine(0, 0);
}

std::size_t task_index(const snapshot& view, task_id id) {
    for (std::size_t i = 0; i < view.tasks.size(); ++i) {
        if (view.tasks[i].id == id) return i;
    }
    return static_cast<std::size_t>(-1);
}

namespace {

// The state and detail columns of a task's row.
void state_cells(const task_view& task, const snapshot& view, const recording& run) {
    ImGui::TableNextColumn();
    const state_look look = look_of(task, view, run);
    ImGui::TextColored(look.colour, "%s", look.label);
    ImGui::TableNextColumn();
    ImGui::PushTextWrapPos(0);
    if (task.state == task_state::waiting) {
        ImGui::TextUnformatted(task.waiting_on.c_str());
    } else if (!task.outcome.empty()) {
        ImGui::TextDisabled("%s", task.outcome.c_str());
    }
    ImGui::PopTextWrapPos();
}

void running_row_colour(const task_view& task, const snapshot& view) {
    if (task.id == view.running) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, ImGui::GetColorU32(ImVec4(0.20f, 0.45f, 0.20f, 0.45f)));
}

// Side by side: a row naming the program whose tasks follow, across the columns (not clipped to the first).
void program_row(const std::string& label) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const ImGuiWindow* window = ImGui::GetCurrentWindow();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->PushClipRect(window->ClipRect.Min, window->ClipRect.Max, false);
    draw->AddText(at, ImGui::GetColorU32(ImGuiCol_TextDisabled), label.c_str());
    draw->PopClipRect();
    ImGui::Dummy(ImVec2(1, ImGui::GetTextLineHeight()));
}

// A task's row: the whole row is one selectable, a click shows (or hides) its frames.
void tasks_table_row(app_state& app, const task_view& task, std::size_t index, const snapshot& view, const recording& run, bool beside) {
    ImGui::TableNextRow();
    running_row_colour(task, view);
    ImGui::TableNextColumn();
    ImGui::PushID(static_cast<int>(task.id) * 2 + (beside ? 1 : 0));
    const bool selected = task.id == app.selected_task && beside == app.selected_beside;
    if (ImGui::Selectable("##select", selected, ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap)) {
        const task_id picked = selected ? 0 : task.id;
        beside ? select_companion_task(app, picked) : select_task(app, picked);
    }
    if (item_tooltip_wanted()) show_tooltip("Click to see " + task.name + "'s frames and locals");
    ImGui::PopID();
    ImGui::SameLine(0, 0);
    task_dot(index);
    ImGui::TextUnformatted(task.name.c_str());
    state_cells(task, view, run);
}

}  // namespace

void ui_tasks(app_state& app) {
    const snapshot& view = app.view;
    if (view.tasks.empty() && !(app.companion && !app.companion->view.tasks.empty())) {
        ImGui::TextDisabled("(no tasks yet)");
        return;
    }
    constexpr ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                      ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_ScrollY;
    if (!ImGui::BeginTable("tasks", 3, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Task", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn("State", ImGuiTableColumnFlags_WidthStretch, 0.9f);
    ImGui::TableSetupColumn("Detail", ImGuiTableColumnFlags_WidthStretch, 1.4f);
    ImGui::TableHeadersRow();
    if (app.companion) program_row(app.companion->main_label);
    for (std::size_t index = 0; index < view.tasks.size(); ++index) tasks_table_row(app, view.tasks[index], index, view, app.run, false);
    if (!app.companion) return ImGui::EndTable();
    const companion_run& other = *app.companion;  // two runs side by side: the other's tasks under its label
    program_row(other.label);
    for (std::size_t index = 0; index < other.view.tasks.size(); ++index) tasks_table_row(app, other.view.tasks[index], index, other.view, other.run, true);
    ImGui::EndTable();
}

}  // namespace loopstep::web

// The frames panel: the selected task's await chain at the cursor, innermost frame first, each
// with its call, its line, what it is paused on and its locals (what the last step changed in
// bold on amber, long values folded, a click unfolds them); a done task's result. The model is
// model/frames.hpp. Part of the UI declared in ui.hpp.
#include <algorithm>
#include <string>

#include "imgui.h"
#include "model/frames.hpp"
#include "ui.hpp"
#include "web_api.hpp"

namespace loopstep::web {
namespace {

const ImVec4 changed_text{1.00f, 0.85f, 0.45f, 1.0f};
const ImU32 changed_background = IM_COL32(150, 105, 20, 110);

// A value in the width there is; a folded one opens on a click to its whole text.
void value_cell(const shown_local& local, const ui_fonts& fonts) {
    const float char_width = ImGui::CalcTextSize("M").x;
    // A folded value has the tree node's arrow before it: its text gets the rest.
    const float room = ImGui::GetContentRegionAvail().x - ImGui::GetTreeNodeToLabelSpacing();
    const std::size_t width = static_cast<std::size_t>(std::max(8.0f, room / char_width));
    const std::string folded = fold_value(local.value, width);
    if (local.changed) ImGui::PushStyleColor(ImGuiCol_Text, changed_text);
    if (folded == local.value) {
        ImGui::TextUnformatted(local.value.c_str());
    } else if (ImGui::TreeNodeEx(local.name.c_str(), ImGuiTreeNodeFlags_SpanAvailWidth | ImGuiTreeNodeFlags_NoTreePushOnOpen, "%s",
                                 folded.c_str())) {
        ImGui::PushTextWrapPos(0);
        ImGui::PushFont(fonts.code);
        ImGui::TextUnformatted(local.value.c_str());
        ImGui::PopFont();
        ImGui::PopTextWrapPos();
    } else {
        item_tooltip("Click to see the whole value");
    }
    if (local.changed) ImGui::PopStyleColor();
}

void locals_table(const shown_frame& frame, const ui_fonts& fonts) {
    if (frame.locals.empty()) {
        ImGui::TextDisabled("  (no local variables)");
        return;
    }
    // The names' column as wide as the longest name (in bold, as a changed one is drawn).
    float name_width = 0;
    ImGui::PushFont(fonts.bold);
    for (const shown_local& local : frame.locals) name_width = std::max(name_width, ImGui::CalcTextSize(local.name.c_str()).x);
    ImGui::PopFont();
    constexpr ImGuiTableFlags flags = ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable("locals", 2, flags)) return;
    ImGui::TableSetupColumn("name", ImGuiTableColumnFlags_WidthFixed, std::min(name_width, ImGui::GetContentRegionAvail().x * 0.4f));
    ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch);
    for (const shown_local& local : frame.locals) {
        ImGui::TableNextRow();
        if (local.changed) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, changed_background);
        ImGui::TableNextColumn();
        ImGui::PushFont(local.changed ? fonts.bold : fonts.text);
        ImGui::TextUnformatted(local.name.c_str());
        ImGui::PopFont();
        if (local.changed) item_tooltip("Changed by the last step");
        ImGui::TableNextColumn();
        ImGui::PushFont(fonts.code);
        value_cell(local, fonts);
        ImGui::PopFont();
    }
    ImGui::EndTable();
}

void frame_block(const shown_frame& frame, std::size_t depth, const std::string& status, const ui_fonts& fonts) {
    ImGui::PushID(static_cast<int>(depth));
    ImGui::PushFont(fonts.code);
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(frame.call.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", frame_place(frame, depth == 0, status).c_str());
    ImGui::PopTextWrapPos();
    ImGui::Indent(ImGui::GetFontSize() * 0.6f);
    locals_table(frame, fonts);
    ImGui::Unindent(ImGui::GetFontSize() * 0.6f);
    ImGui::PopID();
}

}  // namespace

void frames_picture_button(const app_state& app) {
    if (!web_api_in_page() || app.selected_frames.task == 0) return;
    constexpr const char* label = "Save\xE2\x80\xA6";  // …
    ImGui::SameLine(ImGui::GetContentRegionMax().x - ImGui::CalcTextSize(label).x - 2 * ImGui::GetStyle().FramePadding.x);
    if (ImGui::SmallButton(label)) ImGui::OpenPopup("save-frames");
    note_item("save-frames");
    item_tooltip("Save these frames and locals as a picture, to print or hand out");
    if (ImGui::BeginPopup("save-frames")) {
        picture_format_items("frames", "save-frames");
        ImGui::EndPopup();
    }
}

void ui_frames(const app_state& app, const ui_fonts& fonts) {
    const task_frames& shown = app.selected_frames;
    ImGui::PushTextWrapPos(0);
    if (app.selected_task == 0) {
        ImGui::TextDisabled("Click a task (its row, its timeline lane or its dot beside the code), or press the "
                            "Up and Down arrows, to see its frames and local variables.");
        ImGui::PopTextWrapPos();
        return;
    }
    if (shown.task == 0) {
        ImGui::TextDisabled("The selected task does not exist yet at this step.");
        ImGui::PopTextWrapPos();
        return;
    }
    const std::size_t index = task_index(selected_view(app), shown.task);
    task_dot(index);
    ImGui::PushFont(fonts.bold);
    ImGui::TextUnformatted(shown.name.c_str());
    ImGui::PopFont();
    if (app.companion) {  // two runs side by side: whose task it is
        ImGui::SameLine();
        ImGui::TextDisabled("in %s", (app.selected_beside ? app.companion->label : app.companion->main_label).c_str());
    }
    if (shown.frames.size() > 1) {
        ImGui::SameLine();
        ImGui::TextDisabled("%zu frames, innermost first", shown.frames.size());
    }
    const std::string ended = ending_sentence(shown);
    if (!ended.empty()) ImGui::TextUnformatted(ended.c_str());
    const std::string status = innermost_status(shown, selected_view(app).running);
    for (std::size_t depth = 0; depth < shown.frames.size(); ++depth) {
        ImGui::Separator();
        frame_block(shown.frames[depth], depth, depth == 0 ? status : std::string(), fonts);
    }
    ImGui::PopTextWrapPos();
}

}  // namespace loopstep::web

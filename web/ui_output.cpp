// The output panel: what the program printed up to the cursor, wrapped at the panel's width,
// then the error of a run that failed; after it, and in the heading, the seed an unseeded `random`
// used, with New seed. Part of the UI declared in ui.hpp.
#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "imgui.h"
#include "model/text_wrap.hpp"
#include "ui.hpp"

namespace loopstep::web {
namespace {
// Monospace text wrapped at the panel's width, each continued row after a ↪, so the end of a long
// line is never hidden; only the rows in view are laid out (the output may be megabytes).
void wrapped_text(std::string_view text, const ImVec4& colour) {
    if (text.empty()) return;
    const float char_width = ImGui::CalcTextSize("M").x;
    const char* sign = "\xE2\x86\xAA ";  // ↪
    const auto columns = static_cast<std::size_t>(std::max(8.0f, ImGui::GetContentRegionAvail().x / char_width));
    const std::vector<text_row> rows = wrap_rows(text, columns, columns - 2);
    screen().output_columns = static_cast<int>(columns);
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(rows.size()), ImGui::GetTextLineHeightWithSpacing());
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const text_row& row = rows[static_cast<std::size_t>(i)];
            if (row.continued) {
                ImGui::TextDisabled("%s", sign);
                ImGui::SameLine(0, 0);
            }
            ImGui::TextUnformatted(text.data() + row.begin, text.data() + row.end);
        }
    }
    ImGui::PopStyleColor();
}

// What the seed line says: the seed of an unseeded `random`, and how to get the run again.
std::string seed_sentence(std::uint64_t seed) {
    const std::string number = std::to_string(seed);
    return "random was not seeded: this run used seed " + number + " (random.seed(" + number + ") repeats it)";
}

// After the output of a run that drew from an unseeded `random`: a quiet line with its seed.
void seed_note(const app_state& app) {
    const std::optional<std::uint64_t> seed = run_seed(app);
    if (!seed) return;
    ImGui::Spacing();
    ImGui::PushTextWrapPos(0);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextUnformatted(seed_sentence(*seed).c_str());
    ImGui::PopStyleColor();
    ImGui::PopTextWrapPos();
}

}  // namespace

// The output's heading; with the seed and New seed at its right after a run that drew from an
// unseeded `random` (the panel below is short on a laptop: they stay in sight here).
void ui_output_heading(app_state& app) {
    ImGui::TextUnformatted("Output");
    const std::optional<std::uint64_t> seed = run_seed(app);
    if (!seed) return;
    const std::string label = "seed " + std::to_string(*seed);
    const ImGuiStyle& style = ImGui::GetStyle();
    const float width = ImGui::CalcTextSize(label.c_str()).x + style.ItemSpacing.x + ImGui::CalcTextSize("New seed").x + 2 * style.FramePadding.x;
    const float heading_end = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + style.ItemSpacing.x * 2;
    ImGui::SameLine(std::max(ImGui::GetWindowContentRegionMax().x - width, heading_end));
    ImGui::TextDisabled("%s", label.c_str());
    item_tooltip(seed_sentence(*seed).c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton("New seed")) run_with_new_seed(app);
    note_item("New seed");
    item_tooltip("Run the program again with another seed (N)");
}

namespace {

// One run's output up to its cursor, and its traceback once the cursor is at its end.
void run_output(const std::string& output, const python::program_result& result, bool show_error) {
    show_error = show_error && result.error;
    if (output.empty() && !show_error) ImGui::TextDisabled("(nothing printed yet)");
    wrapped_text(output, ImGui::GetStyleColorVec4(ImGuiCol_Text));
    if (show_error) wrapped_text(result.error_output, error_colour);
}

}  // namespace

void ui_output(const app_state& app, const ui_fonts& fonts) {
    ImGui::PushFont(fonts.code);
    const float inner_height = ImGui::GetWindowHeight() - 2 * ImGui::GetStyle().WindowPadding.y;
    screen().output_rows = static_cast<int>(inner_height / ImGui::GetTextLineHeightWithSpacing());
    const companion_run* other = app.companion ? &*app.companion : nullptr;
    if (other) ImGui::TextDisabled("%s", other->main_label.c_str());  // side by side: each run's output under its label
    run_output(app.view.output, app.result, app.cursor == event_count(app) && !editor_changed(app));
    if (other) {
        ImGui::Spacing();
        ImGui::TextDisabled("%s", other->label.c_str());
        run_output(other->view.output, other->result, other->cursor == other->run.events().size());
    }
    ImGui::PopFont();
    seed_note(app);
}

}  // namespace loopstep::web

// The prediction card (@predict): where the run waits for the learner's guess, between the code
// and the controls. Its choices come from the run (model/prediction.hpp); once made, it says
// whether the guess was right, and the learner steps on to see it happen. Part of the UI in ui.hpp.
#include <string>

#include "imgui.h"
#include "ui.hpp"

namespace loopstep::web {
namespace {

std::string option_label(std::size_t index, const std::string& option) {
    return std::to_string(index + 1) + "  " + option;
}

// Buttons side by side while they fit, then on the next row.
void choice_buttons(app_state& app, const placed_prediction& placed) {
    const float width = ImGui::GetContentRegionAvail().x;
    float x = 0;
    for (std::size_t i = 0; i < placed.options.size(); ++i) {
        const std::string label = option_label(i, placed.options[i]);
        const float button_width = ImGui::CalcTextSize(label.c_str()).x + 2 * ImGui::GetStyle().FramePadding.x;
        if (x > 0 && x + button_width <= width) {
            ImGui::SameLine();
        } else {
            x = 0;
        }
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::Button(label.c_str())) predict(app, static_cast<int>(i));
        note_item("predict:" + std::to_string(i + 1));
        item_tooltip(("Predict this (key " + std::to_string(i + 1) + ")").c_str());
        ImGui::PopID();
        x += button_width + ImGui::GetStyle().ItemSpacing.x;
    }
}

// How tall `text` is wrapped at `width`, with the spacing after it.
float wrapped_height(const std::string& text, float width) {
    if (text.empty()) return 0;
    return ImGui::CalcTextSize(text.c_str(), nullptr, false, width).y + ImGui::GetStyle().ItemSpacing.y;
}

std::string plain_text(const rich_text& text) {
    std::string plain;
    for (const text_span& span : text) plain += span.text;
    return plain;
}

}  // namespace

float prediction_card_height(const app_state& app, float width) {
    const std::optional<std::size_t> index = prediction_here(app);
    if (!index) return 0;
    const ImGuiStyle& style = ImGui::GetStyle();
    const lesson_prediction& prediction = app.chapters[app.chapter_index].predictions[*index];
    const prediction_answer& made = app.progress[app.chapter_index].predictions[*index];
    const float inner = width - 2 * style.WindowPadding.x;
    float height = ImGui::GetTextLineHeightWithSpacing() + wrapped_height(plain_text(prediction.prompt), inner) + 2 * style.WindowPadding.y;
    if (made.made) return height + wrapped_height("\xE2\x9C\x97 " + made.verdict, inner) + wrapped_height(plain_text(prediction.feedback), inner);
    // The choices' rows, laid out as choice_buttons lays them out.
    int rows = 1;
    float x = 0;
    const std::vector<std::string>& options = app.predictions[*index]->options;
    for (std::size_t i = 0; i < options.size(); ++i) {
        const float button = ImGui::CalcTextSize(option_label(i, options[i]).c_str()).x + 2 * style.FramePadding.x;
        if (x > 0 && x + button > inner) {
            ++rows;
            x = 0;
        }
        x += button + style.ItemSpacing.x;
    }
    return height + static_cast<float>(rows) * ImGui::GetFrameHeightWithSpacing();
}

void ui_prediction(app_state& app, const ui_fonts& fonts) {
    const std::optional<std::size_t> index = prediction_here(app);
    if (!index) return;
    const lesson_prediction& prediction = app.chapters[app.chapter_index].predictions[*index];
    const placed_prediction& placed = *app.predictions[*index];
    const prediction_answer& made = app.progress[app.chapter_index].predictions[*index];
    ImGui::PushFont(fonts.bold);
    ImGui::TextUnformatted(made.made ? "Your prediction" : "Predict, then see");
    ImGui::PopFont();
    ui_rich_text(prediction.prompt, fonts);
    if (!made.made) {
        choice_buttons(app, placed);
        return;
    }
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(made.right ? right_colour : wrong_colour, "%s %s", made.right ? "\xE2\x9C\x93" : "\xE2\x9C\x97", made.verdict.c_str());
    ImGui::PopTextWrapPos();
    ui_rich_text(prediction.feedback, fonts, ImGui::GetColorU32(ImGuiCol_TextDisabled));
}

}  // namespace loopstep::web

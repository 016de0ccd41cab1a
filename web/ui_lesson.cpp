// The lesson panel: the chapter's text (headings, paragraphs, bullets, code blocks) and its
// questions with instant feedback; the final check shows the score. Part of the UI in ui.hpp.
#include <string>
#include <string_view>

#include "imgui.h"
#include "ui.hpp"

namespace loopstep::web {
namespace {

const ImVec4 code_text{0.95f, 0.75f, 0.45f, 1.0f};

ImFont* font_for(span_style style, const ui_fonts& fonts) {
    switch (style) {
        case span_style::emphasis: return fonts.italic;
        case span_style::strong: return fonts.bold;
        case span_style::code: return fonts.code;
        case span_style::plain: break;
    }
    return fonts.text;
}

// The next piece to place: a word with the spaces after it, so spaces never start a line.
std::string_view next_piece(std::string_view text) {
    std::size_t end = text.find(' ');
    if (end == std::string_view::npos) return text;
    while (end < text.size() && text[end] == ' ') ++end;
    return text.substr(0, end);
}

// Draws one piece, wrapping first when it does not fit; `x` is the pen's offset in the line.
void place_piece(std::string_view piece, span_style style, float wrap_width, float& x, ImU32 colour) {
    std::string_view word = piece;
    while (!word.empty() && word.back() == ' ') word.remove_suffix(1);
    const float word_width = ImGui::CalcTextSize(word.data(), word.data() + word.size()).x;
    if (x > 0 && x + word_width > wrap_width) {
        x = 0;  // a new line: the next item starts at the left
    } else if (x > 0) {
        ImGui::SameLine(0, 0);
    }
    const float width = ImGui::CalcTextSize(piece.data(), piece.data() + piece.size()).x;
    if (style == span_style::code) {
        const ImVec2 at = ImGui::GetCursorScreenPos();
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(at.x - 1, at.y), ImVec2(at.x + word_width + 2, at.y + ImGui::GetFontSize() + 1),
                                                  ImGui::GetColorU32(ImVec4(1, 1, 1, 0.08f)), 3.0f);
        ImGui::PushStyleColor(ImGuiCol_Text, code_text);
    } else if (colour != 0) {
        ImGui::PushStyleColor(ImGuiCol_Text, colour);
    }
    ImGui::TextUnformatted(piece.data(), piece.data() + piece.size());
    if (style == span_style::code || colour != 0) ImGui::PopStyleColor();
    x += width;
}

void code_block(const std::string& code, const ui_fonts& fonts) {
    ImGui::PushFont(fonts.code);
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const ImVec2 size = ImGui::CalcTextSize(code.c_str());
    const float pad = 6;
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(start.x, start.y), ImVec2(start.x + ImGui::GetContentRegionAvail().x, start.y + size.y + 2 * pad),
                                              ImGui::GetColorU32(ImVec4(1, 1, 1, 0.06f)), 4.0f);
    ImGui::SetCursorScreenPos(ImVec2(start.x + pad, start.y + pad));
    ImGui::PushStyleColor(ImGuiCol_Text, code_text);
    ImGui::TextUnformatted(code.c_str(), code.c_str() + (code.empty() || code.back() != '\n' ? code.size() : code.size() - 1));
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImGui::SetCursorScreenPos(ImVec2(start.x, start.y + size.y + 2 * pad));
    ImGui::Dummy(ImVec2(0, 2));
}

void question(app_state& app, const ui_fonts& fonts, std::size_t index, const lesson_question& q, int chosen) {
    ImGui::PushID(static_cast<int>(index));
    ImGui::PushFont(fonts.bold);
    ImGui::Text("Question %zu", index + 1);
    ImGui::PopFont();
    ui_rich_text(q.prompt, fonts);
    // A radio button, then the option as wrapping rich text (long options must stay readable).
    for (std::size_t option = 0; option < q.options.size(); ++option) {
        const bool picked = chosen == static_cast<int>(option);
        ImGui::PushID(static_cast<int>(option));
        ImGui::BeginDisabled(answer_locked(app, index) && !picked);
        if (ImGui::RadioButton("##option", picked)) answer(app, index, static_cast<int>(option));
        note_item("answer:" + std::to_string(index + 1) + ":" + std::to_string(option + 1));
        ImGui::EndDisabled();
        ImGui::PopID();
        ImGui::SameLine();
        ImGui::BeginGroup();
        ui_rich_text(q.options[option], fonts);
        if (picked) {
            const bool right = chosen == q.correct;
            ImGui::TextColored(right ? right_colour : wrong_colour, right ? "\xE2\x9C\x93 right" : "\xE2\x9C\x97 not quite");
        }
        ImGui::EndGroup();
    }
    if (chosen >= 0) {
        ImGui::Indent();
        if (answer_locked(app, index)) ImGui::TextDisabled("Your first answer counts in the final check.");
        ui_rich_text(q.feedback, fonts, ImGui::GetColorU32(ImGuiCol_TextDisabled));
        ImGui::Unindent();
    }
    ImGui::Spacing();
    ImGui::PopID();
}

void final_score(const app_state& app, const ui_fonts& fonts) {
    const score result = final_check_score(app);
    ImGui::PushFont(fonts.heading);
    if (result.answered < result.total) {
        ImGui::Text("%d of %d answered", result.answered, result.total);
    } else {
        ImGui::TextColored(result.right * 2 >= result.total ? right_colour : wrong_colour, "Your score: %d of %d", result.right,
                           result.total);
    }
    ImGui::PopFont();
}

}  // namespace

void ui_rich_text(const rich_text& text, const ui_fonts& fonts, ImU32 colour, ImFont* plain_font) {
    const float wrap_width = ImGui::GetContentRegionAvail().x;
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 3));
    float x = 0;
    for (const text_span& span : text) {
        ImGui::PushFont(span.style == span_style::plain && plain_font ? plain_font : font_for(span.style, fonts));
        for (std::string_view rest = span.text; !rest.empty();) {
            const std::string_view piece = next_piece(rest);
            place_piece(piece, span.style, wrap_width, x, colour);
            rest.remove_prefix(piece.size());
        }
        ImGui::PopFont();
    }
    ImGui::PopStyleVar();
}

void ui_lesson(app_state& app, const ui_fonts& fonts) {
    if (app.chapters.empty()) {
        ImGui::TextDisabled("No lesson chapters were built into this program.");
        return;
    }
    const chapter& chapter = app.chapters[app.chapter_index];
    ImGui::PushFont(fonts.title);
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(chapter.title.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    ImGui::Spacing();
    for (const lesson_block& block : chapter.blocks) {
        switch (block.kind) {
            case block_kind::heading:
                ImGui::Spacing();
                ui_rich_text(block.text, fonts, 0, fonts.heading);
                break;
            case block_kind::paragraph: ui_rich_text(block.text, fonts); break;
            case block_kind::bullet:
                ImGui::Bullet();
                ImGui::SameLine();
                ImGui::BeginGroup();  // wrapped lines start under the text, not under the bullet
                ui_rich_text(block.text, fonts);
                ImGui::EndGroup();
                break;
            case block_kind::code: code_block(block.code, fonts); break;
        }
        ImGui::Spacing();
    }
    if (chapter.questions.empty()) return;
    ImGui::Separator();
    ImGui::PushFont(fonts.heading);
    ImGui::TextUnformatted(chapter.is_final_check ? "Final check" : "Check your understanding");
    ImGui::PopFont();
    const std::vector<int>& answers = app.progress[app.chapter_index].answers;
    for (std::size_t i = 0; i < chapter.questions.size(); ++i) question(app, fonts, i, chapter.questions[i], answers[i]);
    if (chapter.is_final_check) final_score(app, fonts);
}

}  // namespace loopstep::web

// The code panel: an editor with line numbers and syntax colouring, each task's current line
// marked in its colour, the error's line in red; Run, Reset and the chapter's sliders with their
// formulas. Part of the UI declared in ui.hpp.
#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "imgui.h"
#include "model/syntax_colouring.hpp"
#include "ui.hpp"

namespace loopstep::web {
namespace {

ImU32 colour_of(token_colour colour) {
    switch (colour) {
        case token_colour::keyword: return IM_COL32(198, 146, 255, 255);
        case token_colour::builtin: return IM_COL32(110, 200, 230, 255);
        case token_colour::string: return IM_COL32(160, 215, 120, 255);
        case token_colour::number: return IM_COL32(245, 170, 100, 255);
        case token_colour::comment: return IM_COL32(135, 140, 150, 255);
        case token_colour::definition: return IM_COL32(120, 175, 255, 255);
        case token_colour::plain: break;
    }
    return IM_COL32(225, 228, 232, 255);
}

// The editor's text lives in a std::string that ImGui grows through this callback; the
// callback also reports where the caret is, since the editor draws its own caret.
struct editor_callback_data {
    std::string* text = nullptr;
    int caret = 0;
};

int editor_callback(ImGuiInputTextCallbackData* data) {
    auto* editor = static_cast<editor_callback_data*>(data->UserData);
    if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
        editor->text->resize(static_cast<std::size_t>(data->BufTextLen));
        data->Buf = editor->text->data();
    }
    editor->caret = data->CursorPos;
    return 0;
}

struct line_span {
    std::size_t begin = 0;
    std::size_t end = 0;
};

std::vector<line_span> split_lines(std::string_view text) {
    std::vector<line_span> lines;
    std::size_t begin = 0;
    for (;;) {
        const std::size_t end = text.find('\n', begin);
        lines.push_back({begin, end == std::string_view::npos ? text.size() : end});
        if (end == std::string_view::npos) return lines;
        begin = end + 1;
    }
}

int error_line(const app_state& app) {
    return app.result.error && !editor_changed(app) ? app.result.error->line : 0;
}

void toolbar(app_state& app) {
    if (ImGui::Button("Run \xE2\x96\xB6")) run_editor(app);
    note_item("Run");
    item_tooltip("Run the program from the start (Ctrl+Enter)");
    ImGui::SameLine();
    ImGui::BeginDisabled(app.editor == chapter_program(app));
    if (ImGui::Button("Reset code")) reset_code(app);
    note_item("Reset code");
    item_tooltip("Back to the chapter's program as written", ImGuiHoveredFlags_AllowWhenDisabled);
    ImGui::EndDisabled();
    if (!app.code_before_reset.empty() && !editor_changed(app)) {
        ImGui::SameLine();
        if (ImGui::Button("Undo reset")) undo_reset(app);
        note_item("Undo reset");
        item_tooltip("Bring back your code as it was before Reset code");
    }
    if (editor_changed(app)) {
        ImGui::SameLine();
        ImGui::TextColored(ImVec4(0.95f, 0.80f, 0.35f, 1.0f), "edited: press Run (Ctrl+Enter) to see it run");
    } else if (code_edited(app)) {
        ImGui::SameLine();
        ImGui::TextDisabled("your version of the program");
    }
}

void sliders(app_state& app) {
    if (app.chapters.empty()) return;
    const chapter& chapter = app.chapters[app.chapter_index];
    for (std::size_t i = 0; i < chapter.params.size(); ++i) {
        const lesson_param& param = chapter.params[i];
        int value = app.progress[app.chapter_index].params[i];
        ImGui::SetNextItemWidth(std::max(120.0f, ImGui::GetContentRegionAvail().x * 0.5f));
        if (ImGui::SliderInt(param.label.c_str(), &value, param.min, param.max)) set_param(app, i, value);
    }
    ImGui::PushTextWrapPos(0);
    for (const std::string& formula : app.formulas) ImGui::TextUnformatted(formula.c_str());
    ImGui::PopTextWrapPos();
}

// "Line 4, column 9" and what went wrong, in words a learner can act on.
void error_box(const app_state& app) {
    if (!app.result.error || editor_changed(app)) return;
    const python::program_error& error = *app.result.error;
    std::string where = error.line > 0 ? "Line " + std::to_string(error.line) : std::string("The program");
    if (error.line > 0 && error.column > 0) where += ", column " + std::to_string(error.column);
    ImGui::PushStyleColor(ImGuiCol_Text, error_colour);
    ImGui::PushTextWrapPos(0);
    ImGui::Text("%s: %s: %s", where.c_str(), error.type.c_str(), error.message.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    const char* hint = error.type == "SyntaxError" || error.type == "IndentationError"
                           ? "Python could not read this line, so nothing ran. Fix it and press Run."
                       : error.type == "NameError" ? "A name is used before it was given a value: a typo, perhaps?"
                                                   : "The program ran up to this error: step through to see how it got there.";
    ImGui::TextDisabled("%s", hint);
}

// Coloured tokens over the editor (whose own text is transparent), the caret, and the gutter.
struct editor_geometry {
    ImVec2 text_origin;  // screen position of line 1, column 0
    float line_height = 0;
    float char_width = 0;
};

void draw_text(ImDrawList* draw, const editor_geometry& at, const std::string& text, const std::vector<line_span>& lines) {
    const std::vector<coloured_run> runs = colour_source(text);
    std::size_t next_run = 0;
    for (std::size_t line = 0; line < lines.size(); ++line) {
        const float y = at.text_origin.y + static_cast<float>(line) * at.line_height;
        std::size_t pen = lines[line].begin;
        auto draw_until = [&](std::size_t end, ImU32 colour) {
            if (end <= pen) return;
            const float x = at.text_origin.x + static_cast<float>(pen - lines[line].begin) * at.char_width;
            draw->AddText(ImVec2(x, y), colour, text.data() + pen, text.data() + end);
            pen = end;
        };
        while (next_run < runs.size() && runs[next_run].end <= lines[line].end) {
            draw_until(runs[next_run].begin, colour_of(token_colour::plain));
            draw_until(runs[next_run].end, colour_of(runs[next_run].colour));
            ++next_run;
        }
        draw_until(lines[line].end, colour_of(token_colour::plain));
    }
}

void draw_gutter(ImDrawList* draw, const editor_geometry& at, app_state& app, std::size_t line_count, float gutter_left) {
    const ImU32 number_colour = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    const int bad_line = error_line(app);
    const float dot = at.line_height * 0.28f;
    std::vector<int> markers_on_line(line_count + 1, 0);
    for (std::size_t line = 1; line <= line_count; ++line) {
        const float y = at.text_origin.y + static_cast<float>(line - 1) * at.line_height;
        const std::string number = std::to_string(line);
        const float x = gutter_left + (3 - static_cast<float>(number.size())) * at.char_width;
        draw->AddText(ImVec2(x, y), static_cast<int>(line) == bad_line ? ImGui::GetColorU32(error_colour) : number_colour,
                      number.c_str());
    }
    // Each live task's line: a dot in its colour, side by side when several share a line. A
    // click on one picks its task for the frames panel; a ring marks the picked one.
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    float nearest_distance = ImGui::IsWindowHovered() ? dot * dot * 5 : 0;
    const task_view* nearest = nullptr;
    for (std::size_t index = 0; index < app.view.tasks.size(); ++index) {
        const task_view& task = app.view.tasks[index];
        const int line = task.line;
        const bool done = task.state == task_state::finished || task.state == task_state::failed ||
                          task.state == task_state::cancelled;
        if (line <= 0 || static_cast<std::size_t>(line) > line_count || done) continue;
        const int slot = markers_on_line[static_cast<std::size_t>(line)]++;
        if (slot >= 3) continue;
        const ImVec2 centre(gutter_left + (3.6f + static_cast<float>(slot) * 0.9f) * at.char_width + dot,
                            at.text_origin.y + (static_cast<float>(line) - 0.5f) * at.line_height);
        // The dot nearest the mouse (dots nearly touch), within about twice its radius, is the one a click picks.
        const float dx = mouse.x - centre.x, dy = mouse.y - centre.y;
        if (dx * dx + dy * dy < nearest_distance) {
            nearest_distance = dx * dx + dy * dy;
            nearest = &task;
        }
        if (task.id == app.selected_task && !app.selected_beside) draw->AddCircle(centre, dot * 1.7f, ImGui::GetColorU32(ImGuiCol_Text), 0, 1.5f);
        if (task.id == app.view.running) {
            draw->AddTriangleFilled(ImVec2(centre.x - dot, centre.y - dot * 1.2f), ImVec2(centre.x - dot, centre.y + dot * 1.2f),
                                    ImVec2(centre.x + dot * 1.2f, centre.y), task_colour(index));
        } else {
            draw->AddCircleFilled(centre, dot, task_colour(index));
        }
    }
    if (nearest == nullptr) return;
    if (!pointer_is_touch()) show_tooltip(nearest->name + ": click to see its frames and locals");
    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) select_task(app, nearest->id);
}

// Where a line's code ends: before its comment, if it has one (the colouring knows where).
std::size_t code_end(const std::vector<coloured_run>& runs, const line_span& line) {
    for (const coloured_run& run : runs) {
        if (run.begin >= line.begin && run.end <= line.end && run.colour == token_colour::comment) return run.begin;
    }
    return line.end;
}

// The selected task's locals just after the code of each of its frames' lines, in a box over
// the line's comment (hidden meanwhile): what a debugger shows inline. Only while the panel shows the program that ran.
void draw_inline_locals(ImDrawList* draw, const editor_geometry& at, const app_state& app, const std::vector<line_span>& lines) {
    if (editor_changed(app) || app.selected_beside || app.selected_frames.frames.empty()) return;
    const std::vector<coloured_run> runs = colour_source(app.editor);
    for (const shown_frame& frame : app.selected_frames.frames) {
        if (frame.line <= 0 || static_cast<std::size_t>(frame.line) > lines.size() || frame.locals.empty()) continue;
        const line_span& line = lines[static_cast<std::size_t>(frame.line - 1)];
        std::string text;
        for (const shown_local& local : frame.locals) text += (text.empty() ? "" : ", ") + local.name + "=" + local.value;
        text = fold_value(text, 48);
        std::size_t end = code_end(runs, line);
        while (end > line.begin && app.editor[end - 1] == ' ') --end;
        const float x = at.text_origin.x + static_cast<float>(end - line.begin + 2) * at.char_width;
        const float y = at.text_origin.y + static_cast<float>(frame.line - 1) * at.line_height;
        const float width = ImGui::CalcTextSize(text.c_str()).x;
        const float pad = at.char_width * 0.4f;
        const bool contrast = app.display.high_contrast;
        // The box runs to the end of the line: no stray half of the comment beside it.
        const float line_end = at.text_origin.x + static_cast<float>(line.end - line.begin) * at.char_width;
        const ImVec2 from(x - pad, y), to(std::max(x + width + pad, line_end), y + at.line_height);
        draw->AddRectFilled(from, to, contrast ? IM_COL32(0, 0, 0, 255) : IM_COL32(48, 52, 62, 255), 3);
        if (contrast) draw->AddRect(from, to, IM_COL32(255, 255, 255, 255), 3);
        draw->AddText(ImVec2(x, y), contrast ? IM_COL32(255, 230, 0, 255) : IM_COL32(255, 216, 140, 255), text.c_str());
    }
}

// A line too long for the panel ends in a "…" sign at the panel's edge (hover: how to see the
// rest), so its end is never hidden without a sign; loopstep.screen() lists the marked lines.
void mark_cut_lines(ImDrawList* draw, const editor_geometry& at, const std::vector<line_span>& lines) {
    const float visible_right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    const float unscrolled_left = at.text_origin.x + ImGui::GetScrollX();
    screen().code_columns = static_cast<int>((visible_right - unscrolled_left) / at.char_width);
    const float sign_width = at.char_width * 1.6f;
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const float line_end = at.text_origin.x + static_cast<float>(lines[i].end - lines[i].begin) * at.char_width;
        if (line_end <= visible_right + 0.5f) continue;
        const int number = static_cast<int>(i + 1);
        screen().code_lines_marked.push_back(number);
        const ImVec2 from(visible_right - sign_width, at.text_origin.y + static_cast<float>(i) * at.line_height);
        const ImVec2 to(visible_right, from.y + at.line_height);
        draw->AddRectFilled(from, to, ImGui::GetColorU32(ImGuiCol_FrameBgActive), 3);
        draw->AddText(ImVec2(from.x + at.char_width * 0.3f, from.y), IM_COL32(255, 216, 140, 255), "\xE2\x80\xA6");  // …
        if (ImGui::IsWindowHovered() && mouse.x >= from.x && mouse.x < to.x && mouse.y >= from.y && mouse.y < to.y && !pointer_is_touch()) {
            show_tooltip("Line " + std::to_string(number) + " goes on past the panel: scroll sideways (Shift+wheel) to read it");
        }
    }
}

void editor(app_state& app, const ui_fonts& fonts) {
    ImGui::PushFont(fonts.code);
    std::vector<line_span> lines = split_lines(app.editor);
    const float char_width = ImGui::CalcTextSize("M").x;
    const float line_height = ImGui::GetFontSize();
    const float gutter = char_width * 7.0f;
    std::size_t longest = 0;
    for (const line_span& line : lines) longest = std::max(longest, line.end - line.begin);

    ImGui::BeginChild("editor", ImVec2(0, 0), true, ImGuiWindowFlags_HorizontalScrollbar);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 padding = ImGui::GetStyle().FramePadding;
    // Tall and wide enough never to scroll inside: the child scrolls, so the overlay stays aligned.
    const ImVec2 size(std::max(ImGui::GetContentRegionAvail().x - gutter, static_cast<float>(longest + 4) * char_width),
                      std::max(ImGui::GetContentRegionAvail().y, static_cast<float>(lines.size() + 2) * line_height + 2 * padding.y));
    ImGui::SetCursorScreenPos(ImVec2(origin.x + gutter, origin.y));
    editor_callback_data data{&app.editor, 0};
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(0, 0, 0, 0));
    ImGui::PushStyleColor(ImGuiCol_FrameBg, IM_COL32(0, 0, 0, 0));
    ImGui::InputTextMultiline("##code", app.editor.data(), app.editor.capacity() + 1, size,
                              ImGuiInputTextFlags_CallbackResize | ImGuiInputTextFlags_CallbackAlways, editor_callback, &data);
    ImGui::PopStyleColor(2);
    note_item("editor");
    const bool editing = ImGui::IsItemActive();
    const editor_geometry at{ImVec2(ImGui::GetItemRectMin().x + padding.x, ImGui::GetItemRectMin().y + padding.y), line_height, char_width};

    ImDrawList* draw = ImGui::GetWindowDrawList();
    const int bad_line = error_line(app);
    if (bad_line > 0) {
        const float y = at.text_origin.y + static_cast<float>(bad_line - 1) * line_height;
        draw->AddRectFilled(ImVec2(origin.x, y), ImVec2(origin.x + gutter + size.x, y + line_height), IM_COL32(200, 60, 50, 70));
    }
    lines = split_lines(app.editor);  // as typed this frame
    draw_text(draw, at, app.editor, lines);
    if (editing) {
        const std::string_view before = std::string_view(app.editor).substr(0, static_cast<std::size_t>(data.caret));
        const std::size_t line_start = before.rfind('\n') == std::string_view::npos ? 0 : before.rfind('\n') + 1;
        const float x = at.text_origin.x + static_cast<float>(before.size() - line_start) * char_width;
        const float y = at.text_origin.y + static_cast<float>(std::count(before.begin(), before.end(), '\n')) * line_height;
        draw->AddLine(ImVec2(x, y), ImVec2(x, y + line_height), IM_COL32(255, 255, 255, 230), 1.5f);
    }
    draw_inline_locals(draw, at, app, lines);
    mark_cut_lines(draw, at, lines);
    draw_gutter(draw, at, app, lines.size(), origin.x + char_width * 0.3f);
    ImGui::EndChild();
    ImGui::PopFont();
}

// Side by side, the compared program: read only (the sliders change it), coloured and numbered,
// its tasks' lines marked as in the editor.
void compared_code(const companion_run& other, const ui_fonts& fonts) {
    ImGui::PushFont(fonts.code);
    const std::vector<line_span> lines = split_lines(other.source);
    const float char_width = ImGui::CalcTextSize("M").x;
    const float line_height = ImGui::GetFontSize();
    std::size_t longest = 0;
    for (const line_span& line : lines) longest = std::max(longest, line.end - line.begin);
    ImGui::BeginChild("compared-code", ImVec2(0, 0), true, ImGuiWindowFlags_HorizontalScrollbar);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const editor_geometry at{ImVec2(origin.x + char_width * 7.0f, origin.y), line_height, char_width};
    ImGui::Dummy(ImVec2(static_cast<float>(longest + 8) * char_width, static_cast<float>(lines.size()) * line_height));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw_text(draw, at, other.source, lines);
    const float dot = line_height * 0.28f;
    for (std::size_t line = 1; line <= lines.size(); ++line) {
        const std::string number = std::to_string(line);
        const float y = at.text_origin.y + static_cast<float>(line - 1) * line_height;
        draw->AddText(ImVec2(origin.x + (3.3f - static_cast<float>(number.size())) * char_width, y), ImGui::GetColorU32(ImGuiCol_TextDisabled), number.c_str());
    }
    for (std::size_t index = 0; index < other.view.tasks.size(); ++index) {
        const task_view& task = other.view.tasks[index];
        if (task.line <= 0 || static_cast<std::size_t>(task.line) > lines.size() || task.state == task_state::finished) continue;
        const ImVec2 centre(origin.x + 3.9f * char_width + dot, at.text_origin.y + (static_cast<float>(task.line) - 0.5f) * line_height);
        draw->AddCircleFilled(centre, dot, task_colour(index));
    }
    ImGui::EndChild();
    ImGui::PopFont();
}

}  // namespace

void ui_code(app_state& app, const ui_fonts& fonts) {
    toolbar(app);
    sliders(app);
    error_box(app);
    if (!app.companion) return editor(app, fonts);
    // Two runs side by side: a tab each; the chapter's program is the one to edit.
    if (!ImGui::BeginTabBar("programs")) return;
    const bool main_open = ImGui::BeginTabItem(app.companion->main_label.c_str());
    note_item("tab:" + app.companion->main_label);
    if (main_open) {
        editor(app, fonts);
        ImGui::EndTabItem();
    }
    const std::string compared = app.companion->label + " (read only)";
    const bool compared_open = ImGui::BeginTabItem(compared.c_str());
    note_item("tab:" + app.companion->label);
    item_tooltip("The program run beside yours, on the same clock; the sliders change it too");
    if (compared_open) {
        compared_code(*app.companion, fonts);
        ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
}

}  // namespace loopstep::web

// The frame's layout: a window filling the canvas; the chapter bar on top; the lesson text on the
// left; the code, the controls and the timeline in the middle; the loop's state and the selected
// task's frames on the right. On a narrow screen they become tabs, the frames one of their own.
// Part of the UI declared in ui.hpp.
#include <algorithm>
#include <cmath>
#include <string>

#include "imgui.h"
#include "ui.hpp"
#include "web_api.hpp"

namespace loopstep::web {
namespace {

// Previous / next, the chapter picker and how far through the lesson; on a narrow screen the
// picker takes its own line and carries the progress itself.
void chapter_bar(app_state& app, bool narrow) {
    const std::size_t count = app.chapters.size();
    if (count == 0) return;
    ImGui::BeginDisabled(app.chapter_index == 0);
    if (ImGui::Button("\xE2\x86\x90 Previous")) open_chapter(app, app.chapter_index - 1);
    note_item("Previous");
    // In classroom mode Page Up and Page Down step (a presenter's clicker).
    item_tooltip(app.display.classroom ? "Previous chapter" : "Previous chapter (Page Up)", ImGuiHoveredFlags_AllowWhenDisabled);
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(app.chapter_index + 1 >= count);
    if (ImGui::Button("Next \xE2\x86\x92")) open_chapter(app, app.chapter_index + 1);
    note_item("Next");
    item_tooltip(app.display.classroom ? "Next chapter" : "Next chapter (Page Down)", ImGuiHoveredFlags_AllowWhenDisabled);
    ImGui::EndDisabled();
    const std::string position = std::to_string(app.chapter_index + 1) + "/" + std::to_string(count);
    const std::string current = (narrow ? position : "Chapter " + position) + ": " + app.chapters[app.chapter_index].title;
    if (!narrow) ImGui::SameLine();
    ImGui::SetNextItemWidth(narrow ? -1.0f : std::min(ImGui::GetFontSize() * 24, ImGui::GetContentRegionAvail().x * 0.6f));
    if (ImGui::BeginCombo("##chapter", current.c_str())) {
        for (std::size_t i = 0; i < count; ++i) {
            const std::string item = std::to_string(i + 1) + ". " + app.chapters[i].title;
            if (ImGui::Selectable(item.c_str(), i == app.chapter_index)) open_chapter(app, i);
        }
        if (web_api_in_page()) {
            ImGui::Separator();
            if (ImGui::Selectable("Open a lesson file\xE2\x80\xA6")) web_api_choose_lesson_files();  // an author's own chapters
        }
        ImGui::EndCombo();
    }
    if (narrow) return ui_display_controls(app);
    if (!app.display.classroom) {  // a class on a projector has no learner's progress
        ImGui::SameLine();
        // Progress, not position: a chapter is done when its questions are answered.
        const std::size_t finished = chapters_done(app);
        const float fraction = static_cast<float>(finished) / static_cast<float>(count);
        const std::string done = std::to_string(finished) + " of " + std::to_string(count) + " chapters done";
        const float controls = display_controls_width() + ImGui::GetStyle().ItemSpacing.x;
        ImGui::PushStyleColor(ImGuiCol_PlotHistogram, ImVec4(0.20f, 0.45f, 0.80f, 1.0f));  // white text stays readable on it
        ImGui::ProgressBar(fraction, ImVec2(std::max(1.0f, ImGui::GetContentRegionAvail().x - controls), 0), done.c_str());
        ImGui::PopStyleColor();
    }
    // At the right edge, A+ last: a larger text grows the buttons leftwards, so a second click on
    // A+ (or A−) lands on the same button again.
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - display_controls_width());
    ui_display_controls(app);
}

// The height the code panel needs to show all of the program: its toolbar, sliders, formulas, an
// error, the lines themselves.
float code_panel_need(const app_state& app, const ui_fonts& fonts) {
    const std::size_t params = app.chapters.empty() ? 0 : app.chapters[app.chapter_index].params.size();
    const float lines = static_cast<float>(std::count(app.editor.begin(), app.editor.end(), '\n') + 2);
    const float code_line = fonts.code != nullptr ? fonts.code->FontSize : ImGui::GetFontSize();
    const float text_lines = static_cast<float>(app.formulas.size()) + (app.result.error ? 3.0f : 0.0f);
    const std::size_t tab_bar = app.companion ? 1 : 0;  // two runs side by side: a tab per program
    return ImGui::GetFrameHeightWithSpacing() * static_cast<float>(params + 1 + tab_bar) + ImGui::GetTextLineHeightWithSpacing() * text_lines +
           lines * code_line + ImGui::GetStyle().FramePadding.y * 2 + ImGui::GetStyle().WindowPadding.y * 2;
}

// The step controls' height: two rows of buttons, the clock and up to two lines of narration.
float controls_height() { return ImGui::GetFrameHeightWithSpacing() * 2 + ImGui::GetTextLineHeightWithSpacing() * 3.4f; }

// Under the code: a prediction (card_height 0: none at the cursor), where the learner's eyes are
// when stepping; the step controls; the timeline (timeline_height 0: the rest of the height).
void stepping_panels(app_state& app, const ui_fonts& fonts, float card_height, float controls, float timeline_height) {
    if (card_height > 0) {
        ImGui::BeginChild("prediction", ImVec2(0, card_height), true);
        ui_prediction(app, fonts);
        ImGui::EndChild();
        note_item("prediction");
    }
    ImGui::BeginChild("controls", ImVec2(0, controls), false);
    ui_controls(app, fonts);
    ImGui::EndChild();
    ImGui::BeginChild("timeline", ImVec2(0, timeline_height), false);
    ui_timeline(app, fonts);
    ImGui::EndChild();
    note_item("timeline");
}

// Code, controls, narration and timeline. The timeline gets what its rows need when the code
// leaves room (a short program on a tall screen shows every task), and at least 7 lines.
void program_column(app_state& app, const ui_fonts& fonts, float height) {
    const float controls = controls_height();
    const float font = ImGui::GetFontSize();
    const float spare = height - controls - code_panel_need(app, fonts);
    const float timeline_height = std::floor(std::clamp(spare, std::max(font * 7, height * 0.28f), std::max(font * 7, height * 0.6f)));
    const float card_height = std::floor(prediction_card_height(app, ImGui::GetContentRegionAvail().x));
    ImGui::BeginChild("code", ImVec2(0, std::max(height - timeline_height - controls - card_height, ImGui::GetFontSize() * (card_height > 0 ? 8 : 10))), false);
    ui_code(app, fonts);
    ImGui::EndChild();
    stepping_panels(app, fonts, card_height, controls, 0);
}

void frames_panel(app_state& app, const ui_fonts& fonts, float height) {
    ImGui::TextUnformatted("Frames and locals");
    frames_picture_button(app);
    ImGui::BeginChild("frames", ImVec2(0, height), true);
    ui_frames(app, fonts);
    ImGui::EndChild();
}

// The height a panel needs for `lines` rows of text (a table row is a line with its cell padding).
float panel_need(float lines) {
    const ImGuiStyle& style = ImGui::GetStyle();
    return lines * (ImGui::GetFontSize() + 2 * style.CellPadding.y) + 2 * style.WindowPadding.y;
}

// Tasks, the selected task's frames, the loop's queues and the output; `with_frames` false
// when the frames have a tab of their own (a narrow screen). A panel gets what it needs up to its
// share of the column; the output takes what the others leave, so a few tasks or no selected
// task (the frames panel's hint) leave the output room.
void state_column(app_state& app, const ui_fonts& fonts, bool with_frames = true) {
    const float height = ImGui::GetContentRegionAvail().y;
    const float tasks_need = panel_need(static_cast<float>(std::max<std::size_t>(app.view.tasks.size(), 1) + 1));
    const float frames_hint_lines = 5;  // "Click a task ..." wrapped in a quarter of the screen
    const float frames_need = app.selected_task == 0 ? panel_need(frames_hint_lines) : height;
    ImGui::TextUnformatted("Tasks");
    ImGui::BeginChild("tasks", ImVec2(0, std::floor(std::min(tasks_need, height * (with_frames ? 0.25f : 0.36f)))), true);
    ui_tasks(app);
    ImGui::EndChild();
    if (with_frames) frames_panel(app, fonts, std::floor(std::min(frames_need, height * 0.33f)));
    ImGui::TextUnformatted("Event loop");
    ImGui::BeginChild("loop", ImVec2(0, std::floor(height * (with_frames ? 0.2f : 0.28f))), true);
    ui_loop(app, fonts);
    ImGui::EndChild();
    ui_output_heading(app);
    ImGui::BeginChild("output", ImVec2(0, 0), true);
    ui_output(app, fonts);
    ImGui::EndChild();
    note_item("output");
}

void lesson_column(app_state& app, const ui_fonts& fonts, ImVec2 size) {
    ImGui::BeginChild("lesson", size, true);
    // Each chapter opens at its title, not at the previous chapter's scroll position.
    ImGuiStorage* storage = ImGui::GetStateStorage();
    const ImGuiID shown = ImGui::GetID("shown-chapter");
    if (storage->GetInt(shown, -1) != static_cast<int>(app.chapter_index)) {
        ImGui::SetScrollY(0);
        storage->SetInt(shown, static_cast<int>(app.chapter_index));
    }
    ui_lesson(app, fonts);
    screen().lesson_scroll = ImGui::GetScrollY();
    ImGui::EndChild();
    note_item("lesson");
}

void wide_layout(app_state& app, const ui_fonts& fonts) {
    const ImVec2 space = ImGui::GetContentRegionAvail();
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float lesson_width = std::floor(space.x * 0.28f);
    const float state_width = std::floor(space.x * 0.26f);
    lesson_column(app, fonts, ImVec2(lesson_width, space.y));
    ImGui::SameLine(0, gap);
    ImGui::BeginChild("program", ImVec2(space.x - lesson_width - state_width - 2 * gap, space.y), false);
    program_column(app, fonts, space.y);
    ImGui::EndChild();
    ImGui::SameLine(0, gap);
    ImGui::BeginChild("state", ImVec2(state_width, space.y), false);
    state_column(app, fonts);
    ImGui::EndChild();
}

// Classroom mode (display_settings::classroom), for a projector: no lesson text (the teacher
// tells it); beside the code, the panels this run uses: the tasks when it makes more than one,
// the selected task's frames, the loop's queues, the output.
void classroom_state_column(app_state& app, const ui_fonts& fonts) {
    const float height = ImGui::GetContentRegionAvail().y;
    const bool with_tasks = app.run_timeline.rows.size() > 1;
    const bool with_frames = app.selected_task != 0;
    if (with_tasks) {
        const float tasks_need = panel_need(static_cast<float>(app.view.tasks.size() + 1));
        ImGui::TextUnformatted("Tasks");
        ImGui::BeginChild("tasks", ImVec2(0, std::floor(std::min(tasks_need, height * 0.3f))), true);
        ui_tasks(app);
        ImGui::EndChild();
    }
    if (with_frames) frames_panel(app, fonts, std::floor(height * 0.3f));
    ImGui::TextUnformatted("Event loop");
    ImGui::BeginChild("loop", ImVec2(0, std::floor(height * (with_tasks && with_frames ? 0.15f : 0.25f))), true);
    ui_loop(app, fonts);
    ImGui::EndChild();
    ui_output_heading(app);
    ImGui::BeginChild("output", ImVec2(0, 0), true);
    ui_output(app, fonts);
    ImGui::EndChild();
    note_item("output");
}

void key_legend() {
    ImGui::TextDisabled("Page Down / \xE2\x86\x92  next step    Page Up / \xE2\x86\x90  back    Space  play or pause    "
                        "Home / End  first or last step    Esc  leave classroom mode");
    note_item("legend");
}

// The code and the panels beside it on top; the controls, then the timeline across the whole
// width (what a class watches); the keys at the bottom.
void classroom_layout(app_state& app, const ui_fonts& fonts) {
    const ImVec2 space = ImGui::GetContentRegionAvail();
    const ImGuiStyle& style = ImGui::GetStyle();
    const float state_width = std::floor(space.x * 0.34f);
    const float controls = controls_height();
    const float card_height = std::floor(prediction_card_height(app, space.x));
    const float below_top = space.y - ImGui::GetTextLineHeightWithSpacing() - controls - card_height - 3 * style.ItemSpacing.y;
    const float timeline_height = std::floor(std::max(ImGui::GetFontSize() * 8, below_top * 0.38f));
    const float top = std::max(ImGui::GetFontSize() * 6, below_top - timeline_height);
    ImGui::BeginChild("code", ImVec2(space.x - state_width - style.ItemSpacing.x, top), false);
    ui_code(app, fonts);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("state", ImVec2(state_width, top), false);
    classroom_state_column(app, fonts);
    ImGui::EndChild();
    stepping_panels(app, fonts, card_height, controls, timeline_height);
    key_legend();
}

void narrow_layout(app_state& app, const ui_fonts& fonts) {
    if (!ImGui::BeginTabBar("views")) return;
    const bool lesson_open = ImGui::BeginTabItem("Lesson");
    note_item("tab:Lesson");
    if (lesson_open) {
        screen().tab = "Lesson";
        lesson_column(app, fonts, ImVec2(0, 0));
        ImGui::EndTabItem();
    }
    const bool code_open = ImGui::BeginTabItem("Code");
    note_item("tab:Code");
    if (code_open) {
        screen().tab = "Code";
        program_column(app, fonts, ImGui::GetContentRegionAvail().y);
        ImGui::EndTabItem();
    }
    const float controls_height = ImGui::GetFrameHeightWithSpacing() * 3 + ImGui::GetTextLineHeightWithSpacing() * 3.4f;
    const bool loop_open = ImGui::BeginTabItem("Loop");
    note_item("tab:Loop");
    if (loop_open) {
        screen().tab = "Loop";
        ImGui::BeginChild("narrow-controls", ImVec2(0, controls_height));
        ui_controls(app, fonts);
        ImGui::EndChild();
        state_column(app, fonts, false);
        ImGui::EndTabItem();
    }
    // The frames with the controls and the tasks to pick from: step and watch one task's locals.
    const bool frames_open = ImGui::BeginTabItem("Frames");
    note_item("tab:Frames");
    if (frames_open) {
        screen().tab = "Frames";
        ImGui::BeginChild("frames-controls", ImVec2(0, controls_height));
        ui_controls(app, fonts);
        ImGui::EndChild();
        const float height = ImGui::GetContentRegionAvail().y;
        ImGui::TextUnformatted("Tasks");
        ImGui::BeginChild("tasks", ImVec2(0, std::floor(height * 0.3f)), true);
        ui_tasks(app);
        ImGui::EndChild();
        frames_panel(app, fonts, 0);
        ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
}

}  // namespace

void ui_frame(app_state& app, const ui_fonts& fonts) {
    begin_screen_frame();
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    constexpr ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                       ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("loopstep", nullptr, flags);
    const bool wide = ImGui::GetContentRegionAvail().x >= 62.0f * ImGui::GetFontSize();
    chapter_bar(app, !wide);
    if (app.display.classroom) {
        classroom_layout(app, fonts);
    } else if (wide) {
        wide_layout(app, fonts);
    } else {
        narrow_layout(app, fonts);
    }
    ImGui::End();
}

}  // namespace loopstep::web

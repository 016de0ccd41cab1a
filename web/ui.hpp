// The UI: ImGui drawing from app_state, one panel a file (ui_*.cpp). Panels read the model and
// call its operations; they never reach the scheduler. Pairs with fonts.hpp and model/app_state.hpp.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "fonts.hpp"
#include "imgui.h"
#include "model/app_state.hpp"
#include "model/lesson.hpp"

namespace loopstep::web {

// The look: the dark theme or the high-contrast one, spacing scaled with the text size (ui_style.cpp).
void ui_apply_style(const display_settings& display);
// The contrast and text size buttons (ui_style.cpp), and how wide they are together.
void ui_display_controls(app_state& app);
float display_controls_width();

// The whole frame: one window filling the canvas, laid out for its width (ui_layout.cpp).
void ui_frame(app_state& app, const ui_fonts& fonts);

// The chapter's text and its questions (ui_lesson.cpp); rich text wraps at the region's width.
void ui_lesson(app_state& app, const ui_fonts& fonts);
void ui_rich_text(const rich_text& text, const ui_fonts& fonts, ImU32 colour = 0, ImFont* plain_font = nullptr);

// The code editor with line numbers, colouring, each task's line and the error's line; Run,
// Reset, the chapter's sliders and its formulas' results (ui_code.cpp).
void ui_code(app_state& app, const ui_fonts& fonts);
// The output, wrapped, and after it the seed an unseeded `random` used; its heading, with that
// seed and New seed (ui_output.cpp).
void ui_output_heading(app_state& app);
void ui_output(const app_state& app, const ui_fonts& fonts);

// The prediction at the cursor (@predict): its question and choices, or the verdict once made
// (ui_prediction.cpp); nothing, and a height of 0, when the cursor is at none.
void ui_prediction(app_state& app, const ui_fonts& fonts);
float prediction_card_height(const app_state& app, float width);

// Step, back, play and speed, the scrubber, the clock and the narration (ui_controls.cpp).
void ui_controls(app_state& app, const ui_fonts& fonts);

// Every task at the cursor (ui_tasks.cpp), and the loop's queues: ready, timers, futures (ui_loop.cpp).
void ui_tasks(app_state& app);  // a click on a row selects the task for the frames panel
void ui_loop(const app_state& app, const ui_fonts& fonts);

// The selected task's frames and locals at the cursor (ui_frames.cpp).
void ui_frames(const app_state& app, const ui_fonts& fonts);
// A Save… menu's two picture items, SVG and PNG, for `what` ("timeline", "frames"): the page saves
// it (web_api_save); the items are noted as ITEM_PREFIX-svg and -png.
void picture_format_items(const char* what, const std::string& item_prefix);
// The frames panel's Save… menu, at the end of its title's line: its picture as SVG or PNG (the
// page saves it). Nothing outside a page or with no task's frames on show.
void frames_picture_button(const app_state& app);

// One row per task on the virtual time axis, the cursor on it; click or drag to seek (ui_timeline.cpp).
void ui_timeline(app_state& app, const ui_fonts& fonts);

// The last item's tooltip, shown while a mouse rests on it: not after a click on it (until the
// pointer leaves) and not for touch (ui_tooltip.cpp). `item_tooltip_wanted` for tooltips built by hand.
void item_tooltip(const char* text, ImGuiHoveredFlags flags = 0);
bool item_tooltip_wanted(ImGuiHoveredFlags flags = 0);
void show_tooltip(const std::string& text);  // a plain tooltip, now (recorded for loopstep.screen())
// Whether the pointer is a finger now (told by the platform's events; no hover tooltips then).
void note_pointer_input(bool touch);
bool pointer_is_touch();

// What the canvas showed in the last frame beyond the model: for loopstep.screen() (shell/API.md).
struct screen_facts {
    std::string tooltip;                 // the tooltip's text; empty when none shows
    int code_columns = 0;                // characters that fit across the code panel
    std::vector<int> code_lines_marked;  // lines longer than that, drawn with the "goes on" sign
    int output_columns = 0;              // characters per output row before it wraps
    int output_rows = 0;                 // output rows the panel shows at once
    float lesson_scroll = 0;             // the lesson text's scroll position, in pixels
    std::string tab;                     // the open tab on a narrow screen; empty when wide
    struct item {
        std::string name;
        ImVec2 min, max;
    };
    std::vector<item> items;  // where the main controls are, by name, in window units (CSS pixels)
};
screen_facts& screen();
void begin_screen_frame();  // ui_frame clears what each frame sets anew
void note_item(std::string name);  // the last item's place, for loopstep.screen().items
std::string screen_json();

// Errors' colour: the code's bad line, the error box, the output's traceback.
inline const ImVec4 error_colour{1.0f, 0.50f, 0.45f, 1.0f};
// A right and a wrong answer or prediction (ui_lesson.cpp, ui_prediction.cpp).
inline const ImVec4 right_colour{0.45f, 0.85f, 0.45f, 1.0f};
inline const ImVec4 wrong_colour{1.0f, 0.55f, 0.50f, 1.0f};

// The colour that marks a task everywhere (table, code gutter), by its position in creation order.
ImU32 task_colour(std::size_t task_index);
// The task's colour dot, inline before its name (the tasks table, the frames panel).
void task_dot(std::size_t task_index);
// A task's position in creation order in the view, or npos.
std::size_t task_index(const snapshot& view, task_id id);

}  // namespace loopstep::web

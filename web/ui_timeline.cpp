// The timeline panel: one row per task over virtual time, drawn up to the cursor (the future stays
// empty); click or drag to seek, hover for details, zoom with the −/+ buttons or the wheel on the
// ruler. Draws model/timeline.hpp's segments; part of the UI declared in ui.hpp.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <string>

#include "imgui.h"
#include "imgui_internal.h"  // SetItemUsingMouseWheel: the wheel on the ruler zooms instead of scrolling
#include "model/narration.hpp"
#include "model/timeline.hpp"
#include "model/timeline_text.hpp"
#include "ui.hpp"
#include "web_api.hpp"

namespace loopstep::web {
namespace {

// Okabe-Ito colours, told apart with any colour vision; each kind also has a shape of its own
// (hollow bar, thin bar, hatched full bar, tick), so nothing depends on colour alone.
namespace colour {
constexpr ImU32 waiting = IM_COL32(86, 180, 233, 255);    // sky blue: hollow bar
constexpr ImU32 waiting_fill = IM_COL32(86, 180, 233, 38);
constexpr ImU32 late_fill = IM_COL32(86, 180, 233, 150);  // the part of a sleep past its timer: filled in
constexpr ImU32 ready = IM_COL32(230, 159, 0, 255);       // orange: thin bar
constexpr ImU32 blocking = IM_COL32(213, 94, 0, 255);     // vermillion: full, hatched bar
constexpr ImU32 hatch = IM_COL32(0, 0, 0, 120);
constexpr ImU32 running = IM_COL32(0, 200, 145, 255);     // bluish green: tick
constexpr ImU32 finished = IM_COL32(230, 230, 230, 255);  // dot
constexpr ImU32 failed = IM_COL32(204, 121, 167, 255);    // reddish purple: cross
constexpr ImU32 cancelled = IM_COL32(240, 228, 66, 255);  // yellow: hollow square
constexpr ImU32 cursor = IM_COL32(255, 255, 255, 235);
constexpr ImU32 past = IM_COL32(255, 255, 255, 14);       // what has happened is lit; the future stays dark
constexpr ImU32 past_high_contrast = IM_COL32(255, 255, 255, 34);
constexpr ImU32 subject = IM_COL32(0, 200, 145, 40);      // the row of the task the last event was about
constexpr ImU32 axis = IM_COL32(160, 160, 160, 255);
constexpr ImU32 axis_future = IM_COL32(90, 90, 90, 255);
}  // namespace colour

constexpr float tick_reach = 4;  // pixels either side of a tick that still hit it
constexpr int deepest_zoom = 10; // the view shows at least 1/1024 of the run

// The shapes the rows are drawn with; the legend shows those a run uses.
enum class mark { waiting, late, ready, blocking, running, finished, failed, cancelled };
constexpr std::size_t mark_count = 8;
using mark_set = std::array<bool, mark_count>;

// The four kinds are always listed (blocking too: it is the lesson's point); late waits and
// end marks only if they occur.
constexpr std::size_t index(mark kind) { return static_cast<std::size_t>(kind); }

mark_set marks_used(const timeline& line) {
    mark_set used{};
    for (const mark always : {mark::waiting, mark::ready, mark::blocking, mark::running}) used[index(always)] = true;
    for (const task_row& row : line.rows) {
        for (const segment& part : row.segments) used[index(mark::late)] = used[index(mark::late)] || part.late();
        if (!row.ended) continue;
        const mark end = row.end.state == task_state::failed      ? mark::failed
                         : row.end.state == task_state::cancelled ? mark::cancelled
                                                                  : mark::finished;
        used[index(end)] = true;
    }
    return used;
}

// The panel's own state across frames. A static is acceptable in web/ (the core keeps no global
// state): the view is reset for each new run (app_state counts them from 1).
struct panel_state {
    std::uint64_t run_number = 0;  // the run the view and the legend are for
    mark_set legend{};  // the marks the legend lists, by mark

    int zoom = 0;            // the view shows duration / 2^zoom seconds
    double view_start = 0;   // its left edge
    std::size_t followed = static_cast<std::size_t>(-1);      // the cursor the view last moved for
    std::array<std::size_t, 2> followed_row{static_cast<std::size_t>(-1), static_cast<std::size_t>(-1)};  // per block of rows: the cursor they last scrolled for
    bool dragged = false;    // the user dragged in the timeline this frame
    bool dragged_before = false;
};

panel_state& panel() {
    static panel_state state;
    return state;
}

const timeline& timeline_of(const app_state& app) {
    panel_state& state = panel();
    if (state.run_number != app.run_number) {
        state.run_number = app.run_number;
        state.legend = marks_used(app.run_timeline);
        if (app.companion) {
            const mark_set other = marks_used(app.companion->run_timeline);
            for (std::size_t i = 0; i < mark_count; ++i) state.legend[i] = state.legend[i] || other[i];
        }
        state.zoom = 0;  // a new run: show all of it
        state.view_start = 0;
    }
    return app.run_timeline;  // built once per run by app_state
}

// Screen x for virtual time over the plot area (right of the names), for the part of the run in view.
struct plot {
    float left = 0;
    float width = 1;
    double start = 0;  // the time at the left edge
    double span = 1;   // the seconds in view
    double duration = 1;
    std::string_view unit = "s";  // the chapter's time unit
    float right() const { return left + width; }
    float x_of(double t) const { return left + static_cast<float>((t - start) / span) * width; }
    double t_of(float x) const { return start + static_cast<double>(x - left) / width * span; }
    bool shows(double from, double to) const { return to >= start && from <= start + span; }
};

double span_at(double duration, int zoom) { return duration / std::ldexp(1.0, zoom); }

// Keeps [start, start + span) inside the run.
double clamp_start(double start, double span, double duration) { return std::clamp(start, 0.0, std::max(0.0, duration - span)); }

// The time under the mouse, to the precision a pixel gives (no "709.147 s" on an 800 s axis).
std::string pointed_time(const plot& area, float x) {
    const double per_pixel = area.span / area.width;
    const double unit = std::pow(10.0, std::ceil(std::log10(per_pixel)));
    return format_time(std::max(0.0, std::round(area.t_of(x) / unit) * unit), area.unit);
}

// A round step (1, 2 or 5 x 10^n) giving at most `labels` labels over `span`.
double nice_step(double span, double labels) {
    const double raw = span / std::max(1.0, labels);
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (const double mantissa : {1.0, 2.0, 5.0}) {
        if (mantissa * magnitude >= raw) return mantissa * magnitude;
    }
    return 10 * magnitude;
}

// The cursor a click at screen x goes to: every step up to that time, and those a few pixels to the
// right too, so that a click on the "2 s" a tick is drawn at lands on the steps at 2 s, not before them.
std::size_t cursor_under(const timeline& line, const plot& area, float x) {
    const double t = area.t_of(x);
    if (t < 0 || (x < area.left && area.start <= 0)) return 0;
    return cursor_at(line, t + tick_reach * area.span / area.width);
}

// Side by side, by time: the last step of the pair by then.
void seek_to_mouse(app_state& app, const timeline& line, const plot& area) {
    const float x = ImGui::GetIO().MousePos.x;
    if (app.companion) return seek_time(app, std::max(0.0, area.t_of(x) + tick_reach * area.span / area.width));
    const std::size_t cursor = cursor_under(line, area, x);
    if (cursor != app.cursor) seek(app, cursor);
}

// Where a click at x goes, in the tooltip's words: the clock it lands on, and why when that is not x's time
// (the middle of a wait: the last step before it).
std::string landing_text(const timeline& line, const plot& area, float x) {
    const double landing = time_at(line, cursor_under(line, area, x));
    std::string text = "Click or drag to go to " + format_time(landing, area.unit);
    if (area.x_of(landing) < x - 2 * tick_reach) text += " (the last step by " + pointed_time(area, x) + ")";
    return text;
}

// Dragging past either edge of a zoomed view pans it, faster the further out the mouse is.
void pan_while_dragging(const plot& area) {
    panel_state& state = panel();
    const float x = ImGui::GetIO().MousePos.x;
    const float beyond = x < area.left ? x - area.left : x > area.right() ? x - area.right() : 0;
    if (beyond == 0 || state.zoom == 0) return;
    state.view_start = clamp_start(state.view_start + beyond / area.width * area.span * 0.2, area.span, area.duration);
}

// Zooms by `steps` levels (positive: in) putting time `anchor` at `fraction` of the width
// (by default where it is now: the wheel zooms around the mouse).
void zoom_by(const plot& area, int steps, double anchor, double fraction = -1) {
    panel_state& state = panel();
    const int zoom = std::clamp(state.zoom + steps, 0, deepest_zoom);
    if (zoom == state.zoom) return;
    const double span = span_at(area.duration, zoom);
    if (fraction < 0) fraction = (anchor - area.start) / area.span;
    state.zoom = zoom;
    state.view_start = clamp_start(anchor - fraction * span, span, area.duration);
}

// Brings the cursor's time into view when the cursor moves (stepping, playing), a page at a time:
// the view jumps so that the cursor sits near its left edge going forward, near its right going back.
void follow_time(std::size_t cursor, double now, double duration) {
    panel_state& state = panel();
    if (cursor == state.followed) return;
    state.followed = cursor;
    if (state.zoom == 0 || state.dragged || state.dragged_before) return;
    const double span = span_at(duration, state.zoom);
    if (now < state.view_start) state.view_start = clamp_start(now - span * 0.9, span, duration);
    if (now > state.view_start + span) state.view_start = clamp_start(now - span * 0.1, span, duration);
}

// The step (running tick) of `row` nearest to screen x, among those that have happened.
const segment* tick_near(const task_row& row, const plot& area, float x, std::size_t cursor) {
    const segment* best = nullptr;
    float best_distance = tick_reach;
    for (const segment& part : row.segments) {
        if (part.begin >= cursor) break;
        if (part.kind != segment_kind::running) continue;
        const float distance = std::fabs(area.x_of(part.start) - x);
        if (distance <= best_distance) best = &part, best_distance = distance;  // the latest of equals
    }
    return best;
}

// ---- marks: the shapes of the rows, reused by the legend ------------------------------------

void draw_end_mark(ImDrawList* draw, ImVec2 centre, float size, task_state state) {
    const float r = size * 0.5f;
    switch (state) {
        case task_state::failed:
            draw->AddLine({centre.x - r, centre.y - r}, {centre.x + r, centre.y + r}, colour::failed, 2.5f);
            draw->AddLine({centre.x - r, centre.y + r}, {centre.x + r, centre.y - r}, colour::failed, 2.5f);
            break;
        case task_state::cancelled:
            draw->AddRect({centre.x - r, centre.y - r}, {centre.x + r, centre.y + r}, colour::cancelled, 0, 0, 2);
            break;
        default: draw->AddCircleFilled(centre, r, colour::finished); break;
    }
}

void draw_hatched(ImDrawList* draw, ImVec2 from, ImVec2 to) {
    draw->AddRectFilled(from, to, colour::blocking);
    const float height = to.y - from.y;
    draw->PushClipRect(from, to, true);
    for (float x = from.x - height; x < to.x; x += 6) draw->AddLine({x, to.y}, {x + height, from.y}, colour::hatch, 2);
    draw->PopClipRect();
}

// One mark in the band [from.y, to.y]: bars span from.x..to.x, ticks and end marks sit at from.x.
void draw_mark(ImDrawList* draw, ImVec2 from, ImVec2 to, mark kind) {
    const float mid = std::floor((from.y + to.y) * 0.5f), height = to.y - from.y;
    const float hollow = std::round(height * 0.28f), thin = std::max(1.5f, std::round(height * 0.08f));
    const float full = std::round(height * 0.38f);
    switch (kind) {
        case mark::waiting:
            draw->AddRectFilled({from.x, mid - hollow}, {to.x, mid + hollow}, colour::waiting_fill);
            draw->AddRect({from.x, mid - hollow}, {to.x, mid + hollow}, colour::waiting, 0, 0, 1.5f);
            break;
        case mark::late:  // filled in, with a notch where the timer was due
            draw->AddRectFilled({from.x, mid - hollow}, {to.x, mid + hollow}, colour::late_fill);
            draw->AddRect({from.x, mid - hollow}, {to.x, mid + hollow}, colour::waiting, 0, 0, 1.5f);
            draw->AddLine({from.x, mid - full}, {from.x, mid + full}, colour::waiting, 2);
            break;
        case mark::ready: draw->AddRectFilled({from.x, mid - thin}, {to.x, mid + thin}, colour::ready); break;
        case mark::blocking: draw_hatched(draw, {from.x, mid - full}, {to.x, mid + full}); break;
        case mark::running: draw->AddLine({from.x, mid - full}, {from.x, mid + full}, colour::running, 2); break;
        case mark::finished: draw_end_mark(draw, {from.x, mid}, height * 0.4f, task_state::finished); break;
        case mark::failed: draw_end_mark(draw, {from.x, mid}, height * 0.4f, task_state::failed); break;
        case mark::cancelled: draw_end_mark(draw, {from.x, mid}, height * 0.4f, task_state::cancelled); break;
    }
}

// ---- the legend -------------------------------------------------------------------------------

// A legend swatch: points centred, bars across; a late wait as it looks in a row (hollow, then filled in).
void draw_swatch(ImDrawList* draw, ImVec2 at, float width, float height, mark kind) {
    const ImVec2 bottom_right{at.x + width, at.y + height};
    if (kind >= mark::running) {
        const float x = at.x + width * 0.5f;
        return draw_mark(draw, {x, at.y}, {x, bottom_right.y}, kind);
    }
    if (kind != mark::late) return draw_mark(draw, at, bottom_right, kind);
    draw_mark(draw, at, bottom_right, mark::waiting);
    draw_mark(draw, {at.x + width * 0.5f, at.y}, bottom_right, mark::late);
}

// One line of swatches (wrapped when narrow; shorter labels then), each explained on hover.
void legend(const mark_set& shown, float reserve) {
    struct item {
        mark kind;
        const char* label;
        const char* short_label;
        const char* explanation;
    };
    static constexpr item items[] = {
        {mark::waiting, "waiting (await)", "waiting", "Paused at an await: the loop is free to run other tasks."},
        {mark::late, "late (loop busy)", "late",
         "The sleep was over, but the loop was busy (blocked): the task could only wake up later."},
        {mark::ready, "ready (queued)", "ready", "In the ready queue, waiting for its turn on the loop."},
        {mark::blocking, "blocking (time.sleep)", "blocking",
         "Running a blocking call: the clock moves on and no other task can run."},
        {mark::running, "a step", "step", "The task ran a step here: code between two awaits takes no virtual time."},
        {mark::finished, "done", "done", "The task returned."},
        {mark::failed, "failed", "failed", "The task raised an exception."},
        {mark::cancelled, "cancelled", "cancelled", "The task was cancelled."},
    };
    const float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x - reserve;
    const float height = ImGui::GetTextLineHeight(), gap = height * 0.8f;
    const auto swatch_of = [&](mark kind) { return kind >= mark::running ? height * 0.6f : height * 1.5f; };
    float full_width = ImGui::CalcTextSize("Timeline").x;
    for (const item& entry : items) {
        if (shown[index(entry.kind)]) full_width += gap + swatch_of(entry.kind) + 5 + ImGui::CalcTextSize(entry.label).x;
    }
    const bool narrow = full_width > ImGui::GetContentRegionAvail().x - reserve;  // then the short labels
    ImGui::TextUnformatted("Timeline");
    for (const item& entry : items) {
        if (!shown[index(entry.kind)]) continue;
        const float swatch = swatch_of(entry.kind);
        const char* label = narrow ? entry.short_label : entry.label;
        ImGui::SameLine(0, gap);
        if (ImGui::GetCursorScreenPos().x + swatch + 5 + ImGui::CalcTextSize(label).x > right) ImGui::NewLine();
        ImGui::BeginGroup();
        const ImVec2 at = ImGui::GetCursorScreenPos();
        ImGui::Dummy({swatch, height});
        draw_swatch(ImGui::GetWindowDrawList(), at, swatch, height, entry.kind);
        ImGui::SameLine(0, 5);
        ImGui::TextDisabled("%s", label);
        ImGui::EndGroup();
        item_tooltip(entry.explanation);
    }
}

// ---- the ruler: seconds along the top, the cursor's time on it, the zoom buttons at its left ----

// Labels stop at the cursor's time: before the run gets there, the axis must not tell when it ends
// (chapter 1 asks exactly that). The ticks beyond stay, unlabelled.
void ruler_ticks(ImDrawList* draw, const plot& area, float top, float baseline, float right_edge, double now) {
    const float text_width = ImGui::CalcTextSize(("0000 " + std::string(area.unit)).c_str()).x;
    const double step = nice_step(area.span, area.width / (text_width * 1.5f));
    const double minor = step / 5;
    const bool show_minor = area.x_of(minor) - area.x_of(0) >= 6;
    const double every = show_minor ? minor : step;
    const double last = std::min(area.duration, area.start + area.span) * (1 + 1e-9);
    for (auto k = static_cast<long long>(std::ceil(area.start / every - 1e-9));; ++k) {
        const double t = static_cast<double>(k) * every;
        if (t > last) break;
        const float x = area.x_of(t);
        const bool labelled = !show_minor || k % 5 == 0;
        draw->AddLine({x, baseline - (labelled ? 6.0f : 3.0f)}, {x, baseline}, colour::axis);
        if (!labelled || t > now * (1 + 1e-9)) continue;
        const std::string label = format_time(t, area.unit);
        const float width = ImGui::CalcTextSize(label.c_str()).x;
        const float left = std::clamp(x - width * 0.5f, area.left - 2, right_edge - width);
        draw->AddText({left, top}, ImGui::GetColorU32(ImGuiCol_TextDisabled), label.c_str());
    }
}

void zoom_buttons(const plot& area, double now) {
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, {ImGui::GetFontSize() * 0.35f, 0});
    ImGui::BeginDisabled(panel().zoom == 0);
    if (ImGui::SmallButton("\xE2\x88\x92")) zoom_by(area, -1, now, 0.5);  // U+2212 minus
    item_tooltip("Zoom out (double-click the ruler: the whole run)", ImGuiHoveredFlags_AllowWhenDisabled);
    ImGui::EndDisabled();
    ImGui::SameLine(0, 3);
    ImGui::BeginDisabled(panel().zoom >= deepest_zoom);
    if (ImGui::SmallButton("+")) zoom_by(area, 1, now, 0.5);  // the cursor in the middle
    item_tooltip("Zoom in around the cursor (or the wheel on the ruler)", ImGuiHoveredFlags_AllowWhenDisabled);
    ImGui::EndDisabled();
    ImGui::PopStyleVar();
}

}  // namespace

void picture_format_items(const char* what, const std::string& item_prefix) {
    if (ImGui::Selectable("SVG picture (sharp at any size, for print)")) web_api_save(what, "svg");
    note_item(item_prefix + "-svg");
    if (ImGui::Selectable("PNG picture (for slides and chats)")) web_api_save(what, "png");
    note_item(item_prefix + "-png");
}

namespace {

// Pictures to hand out, at the legend line's right end (the legend leaves it this much room): a
// menu saving the timeline up to the cursor as SVG or PNG, or the whole run as a page to print
// (the page makes and saves them).
constexpr const char* save_label = "Save\xE2\x80\xA6";
float picture_button_width() {
    if (!web_api_in_page()) return 0;
    return ImGui::CalcTextSize(save_label).x + 2 * ImGui::GetStyle().FramePadding.x + ImGui::GetStyle().ItemSpacing.x;
}

void picture_button() {
    if (!web_api_in_page()) return;
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - picture_button_width() + ImGui::GetStyle().ItemSpacing.x);
    if (ImGui::SmallButton(save_label)) ImGui::OpenPopup("save-picture");
    note_item("save-picture");
    item_tooltip("Save the timeline at the cursor as a picture, or the whole run as a page to print or hand out");
    if (ImGui::BeginPopup("save-picture")) {
        picture_format_items("timeline", "save");
        ImGui::Separator();
        if (ImGui::Selectable("The whole run, to print (a web page: timeline, output, every step)")) web_api_save("run", "html");
        note_item("save-run");
        ImGui::EndPopup();
    }
}

void ruler_input(app_state& app, const timeline& line, const plot& area) {
    ImGui::SetItemUsingMouseWheel();
    const ImGuiIO& io = ImGui::GetIO();
    if (ImGui::IsItemHovered() && io.MouseWheel != 0) zoom_by(area, io.MouseWheel > 0 ? 1 : -1, area.t_of(io.MousePos.x));
    if (ImGui::IsItemHovered() && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) zoom_by(area, -deepest_zoom, 0);
    if (ImGui::IsItemActive()) {
        panel().dragged = true;
        seek_to_mouse(app, line, area);
        pan_while_dragging(area);
    }
    if (item_tooltip_wanted()) show_tooltip(landing_text(line, area, io.MousePos.x) + "; the wheel zooms");
}

void ruler(app_state& app, const timeline& line, const plot& area, float height, float full_width, double now) {
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    zoom_buttons(area, now);
    ImGui::SetCursorScreenPos({area.left, origin.y});
    ImGui::InvisibleButton("##timeline-ruler", {origin.x + full_width - area.left, height});
    ruler_input(app, line, area);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float baseline = origin.y + height - 2;
    const float cursor_x = std::clamp(area.x_of(now), area.left, area.right());
    const float run_end = std::min(area.x_of(area.duration), area.right());
    draw->AddLine({area.left, baseline}, {run_end, baseline}, colour::axis_future, 1);
    if (area.x_of(now) >= area.left) draw->AddLine({std::max(area.left, area.x_of(0)), baseline}, {cursor_x, baseline}, colour::axis, 2);
    ruler_ticks(draw, area, origin.y, baseline, origin.x + full_width, now);
    if (area.shows(now, now)) {
        const float r = std::round(height * 0.3f);
        draw->AddTriangleFilled({cursor_x - r, baseline - r}, {cursor_x + r, baseline - r}, {cursor_x, baseline + 1}, colour::cursor);
    }
}

// ---- the rows -------------------------------------------------------------------------------

struct row_context {
    const timeline& line;
    const recording& run;
    const snapshot& view;
    int block;  // 0: the main run's rows, 1: the companion's
    plot area;
    float name_width;
    float height;
    std::size_t cursor;
    double now;
    task_id subject;  // the task of the last event, highlighted
};

// What the mouse is over in the rows, shown as a tooltip once the rows' style is popped.
struct hover_target {
    int row = -1;
    bool on_name = false;
    float x = 0;
};

void draw_segment(ImDrawList* draw, const segment& part, double end, const row_context& rows, float top, float& last_tick_x) {
    const plot& area = rows.area;
    if (!area.shows(part.start, end)) return;
    const float from = area.x_of(part.start);
    const ImVec2 band_top{from, top}, band_bottom{area.x_of(end), top + rows.height};
    switch (part.kind) {
        case segment_kind::running:
            if (std::fabs(from - last_tick_x) < 1) return;  // many steps at one instant: one tick
            last_tick_x = from;
            return draw_mark(draw, band_top, {from, band_bottom.y}, mark::running);
        case segment_kind::blocking:  // at least 2 px: a short block must still show
            return draw_mark(draw, band_top, {std::max(band_bottom.x, from + 2), band_bottom.y}, mark::blocking);
        case segment_kind::waiting:
        case segment_kind::ready:
            if (band_bottom.x - from < 1) return;
            draw_mark(draw, band_top, band_bottom, part.kind == segment_kind::waiting ? mark::waiting : mark::ready);
            if (part.due >= 0 && end > part.due) draw_mark(draw, {area.x_of(part.due), top}, band_bottom, mark::late);
            return;
    }
}

void draw_row_content(ImDrawList* draw, const task_row& row, const row_context& rows, float top) {
    float last_tick_x = -1e9f;
    // Bars first, ticks on top: a tick at the edge of a block must stay visible.
    for (const bool ticks : {false, true}) {
        for (const segment& part : row.segments) {
            if (part.begin >= rows.cursor) break;  // in event order: the rest has not happened yet
            if ((part.kind == segment_kind::running) != ticks) continue;
            if (const auto end = end_at(part, rows.cursor, rows.now)) draw_segment(draw, part, *end, rows, top, last_tick_x);
        }
    }
    if (row.ended && row.end.event < rows.cursor && rows.area.shows(row.end.time, row.end.time)) {
        draw_end_mark(draw, {rows.area.x_of(row.end.time), std::floor(top + rows.height * 0.5f)}, rows.height * 0.42f, row.end.state);
    }
}

void draw_name(ImDrawList* draw, const task_row& row, ImVec2 top, const row_context& rows) {
    const ImVec2 at{top.x + 2, top.y + std::floor((rows.height - ImGui::GetTextLineHeight()) * 0.5f)};
    const bool created = row.created_event < rows.cursor;
    draw->PushClipRect(top, {top.x + rows.name_width - 6, top.y + rows.height}, true);
    draw->AddText(at, ImGui::GetColorU32(created ? ImGuiCol_Text : ImGuiCol_TextDisabled), row.name.c_str());
    draw->PopClipRect();
}

// Seeks on a click (onto a tick: that step) or a drag (by time); records what is hovered.
void row_input(app_state& app, const row_context& rows, const task_row& row, int index, hover_target& hover) {
    const ImGuiIO& io = ImGui::GetIO();
    if (ImGui::IsItemActivated()) {
        if (const segment* tick = tick_near(row, rows.area, io.MousePos.x, rows.cursor)) {
            // just after the step began: "The loop resumes ..."
            if (rows.block == 0) seek(app, tick->begin + 1);
            else seek_companion(app, tick->begin + 1);
        } else {
            seek_to_mouse(app, rows.line, rows.area);
        }
    } else if (ImGui::IsItemActive() && (io.MouseDelta.x != 0 || io.MousePos.x < rows.area.left || io.MousePos.x > rows.area.right())) {
        seek_to_mouse(app, rows.line, rows.area);
        pan_while_dragging(rows.area);
    }
    if (ImGui::IsItemActive()) panel().dragged = true;
    if (ImGui::IsItemHovered() && io.KeyCtrl && io.MouseWheel != 0) {
        zoom_by(rows.area, io.MouseWheel > 0 ? 1 : -1, rows.area.t_of(io.MousePos.x));
    }
    if (ImGui::IsItemHovered() && io.MouseWheelH != 0 && panel().zoom > 0) {  // trackpads: sideways pans
        panel().view_start = clamp_start(panel().view_start - io.MouseWheelH * rows.area.span * 0.1, rows.area.span,
                                         rows.area.duration);
    }
    if (item_tooltip_wanted()) hover = {index, false, io.MousePos.x};
}

void task_row_ui(app_state& app, const row_context& rows, int index, hover_target& hover) {
    const task_row& row = rows.line.rows[static_cast<std::size_t>(index)];
    ImGui::PushID(index);
    const ImVec2 top = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float full_width = ImGui::GetContentRegionAvail().x;
    if (row.id == rows.subject) draw->AddRectFilled(top, {top.x + full_width, top.y + rows.height}, colour::subject);
    // A click on the lane (its name or its plot) also picks the task for the frames panel.
    const auto pick = [&] { rows.block == 0 ? select_task(app, row.id) : select_companion_task(app, row.id); };
    if (ImGui::InvisibleButton("##name", {rows.name_width, rows.height})) pick();
    if (item_tooltip_wanted()) hover = {index, true, 0};
    ImGui::SameLine(0, 0);
    ImGui::InvisibleButton("##plot", {std::max(1.0f, full_width - rows.name_width), rows.height});
    if (ImGui::IsItemActivated()) pick();
    row_input(app, rows, row, index, hover);
    if (row.id == app.selected_task && (rows.block == 1) == app.selected_beside) {
        draw->AddRect({top.x + 1, top.y + 1}, {top.x + full_width - 1, top.y + rows.height - 1}, ImGui::GetColorU32(ImGuiCol_Text), 3);
    }
    draw_name(draw, row, top, rows);
    draw->PushClipRect({rows.area.left - 3, top.y}, {rows.area.right() + 3, top.y + rows.height}, true);
    draw_row_content(draw, row, rows, top.y);
    draw->PopClipRect();
    ImGui::PopID();
}

// Keeps the row of the task the last event was about in view when the cursor moves (not while dragging here).
void follow_row(const row_context& rows, int visible) {
    std::size_t& followed = panel().followed_row[static_cast<std::size_t>(rows.block)];
    if (rows.cursor == followed) return;
    followed = rows.cursor;
    if (panel().dragged || panel().dragged_before) return;
    const auto& all = rows.line.rows;
    const auto found = std::find_if(all.begin(), all.end(), [&](const task_row& row) { return row.id == rows.subject; });
    if (found == all.end()) return;
    const int index = static_cast<int>(found - all.begin());
    const int first = static_cast<int>(std::floor(ImGui::GetScrollY() / rows.height + 0.5f));
    if (index >= first && index < first + visible) return;
    ImGui::SetScrollY(std::max(0.0f, static_cast<float>(index - visible / 2) * rows.height));
}

void rows_region(app_state& app, const row_context& rows, int visible, bool scrolls, hover_target& hover) {
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {0, 0});
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, {0, 0});
    const ImGuiWindowFlags flags = scrolls ? ImGuiWindowFlags_AlwaysVerticalScrollbar : ImGuiWindowFlags_NoScrollbar;
    ImGui::BeginChild(rows.block == 0 ? "##timeline-rows" : "##timeline-rows-compared", {0, static_cast<float>(visible) * rows.height}, false, flags);
    follow_row(rows, visible);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 window = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
    const plot& area = rows.area;
    const float past_from = std::max(area.left, area.x_of(0)), past_to = std::clamp(area.x_of(rows.now), area.left, area.right());
    const ImU32 past = app.display.high_contrast ? colour::past_high_contrast : colour::past;
    draw->AddRectFilled({past_from, window.y}, {past_to, window.y + size.y}, past);
    ImGuiListClipper clipper;  // hundreds of tasks: only the rows in view are laid out and drawn
    clipper.Begin(static_cast<int>(rows.line.rows.size()), rows.height);
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) task_row_ui(app, rows, i, hover);
    }
    clipper.End();
    if (area.shows(rows.now, rows.now)) draw->AddLine({past_to, window.y}, {past_to, window.y + size.y}, colour::cursor, 2);
    ImGui::EndChild();
    ImGui::PopStyleVar(2);
}

// ---- the tooltip ----------------------------------------------------------------------------

// The text version's words (model/timeline_text.hpp), the late note on a line of its own; a step can be clicked.
std::string tooltip_text(const app_state& app, const recording& run, const segment& part, double end, bool going_on) {
    std::string text = segment_text(run, part, end, going_on, time_unit(app), "\n");
    return part.kind == segment_kind::running ? text + ": click to go there" : text;
}

// What is under the mouse in a row: a tick, the end mark, else the bar at that time (blocks over waits over queues).
std::string under_mouse(const app_state& app, const row_context& rows, const task_row& row, float x) {
    if (const segment* tick = tick_near(row, rows.area, x, rows.cursor)) return tooltip_text(app, rows.run, *tick, tick->end, false);
    if (row.ended && row.end.event < rows.cursor && std::fabs(rows.area.x_of(row.end.time) - x) <= tick_reach + 2) {
        return end_text(rows.run, row, time_unit(app));
    }
    const double t = rows.area.t_of(x);
    const segment* best = nullptr;
    double best_end = 0;
    for (const segment& part : row.segments) {
        if (part.begin >= rows.cursor) break;
        const auto end = end_at(part, rows.cursor, rows.now);
        if (!end || part.kind == segment_kind::running || t < part.start || t > *end) continue;
        if (!best || part.kind == segment_kind::blocking || best->kind == segment_kind::ready) best = &part, best_end = *end;
    }
    if (!best) return row.created_event < rows.cursor ? "" : "not created yet";
    return tooltip_text(app, rows.run, *best, best_end, best->finish >= rows.cursor);
}

void row_tooltip(const app_state& app, const row_context& rows, const hover_target& hover, const ui_fonts& fonts) {
    const task_row& row = rows.line.rows[static_cast<std::size_t>(hover.row)];
    ImGui::BeginTooltip();
    ImGui::PushFont(fonts.bold);
    ImGui::TextUnformatted(row.name.c_str());
    ImGui::PopFont();
    std::string what, hint;
    if (hover.on_name) {
        const task_view* task = rows.view.find_task(row.id);
        what = task ? to_string(task->state) : "not created yet";
        hint = "Click to see its frames and locals";
    } else {
        what = under_mouse(app, rows, row, hover.x);
        hint = landing_text(rows.line, rows.area, hover.x);
    }
    if (!what.empty()) ImGui::TextUnformatted(what.c_str());
    ImGui::TextDisabled("%s", hint.c_str());
    ImGui::EndTooltip();
    screen().tooltip = row.name + "\n" + (what.empty() ? "" : what + "\n") + hint;
}

// ---- the panel ------------------------------------------------------------------------------

float name_column_width(const timeline& line, float full_width) {
    float widest = 0;
    for (const task_row& row : line.rows) widest = std::max(widest, ImGui::CalcTextSize(row.name.c_str()).x);
    const float font = ImGui::GetFontSize();
    return std::round(std::clamp(widest + 12, font * 4, std::max(font * 4, full_width * 0.28f)));
}

plot plot_area(double duration, float name_width, float full_width, bool scrolls) {
    const float margin = std::round(ImGui::GetFontSize() * 0.8f) + (scrolls ? ImGui::GetStyle().ScrollbarSize : 0);
    const double span = span_at(duration, panel().zoom);
    panel().view_start = clamp_start(panel().view_start, span, duration);
    return {.left = ImGui::GetCursorScreenPos().x + name_width,
            .width = std::max(1.0f, full_width - name_width - margin),
            .start = panel().view_start,
            .span = span,
            .duration = duration};
}

// One run's rows, as far as its own cursor: the main run's, or side by side either run's.
struct block_of_rows {
    const timeline& line;
    const recording& run;
    const snapshot& view;
    std::size_t cursor;
    int visible;
};

// Side by side, a block's heading: the program's label, and its end once the cursor is there.
void block_heading(const app_state& app, const std::string& label, const block_of_rows& rows, const ui_fonts& fonts) {
    ImGui::PushFont(fonts.bold);
    ImGui::TextUnformatted(label.c_str());
    ImGui::PopFont();
    if (rows.cursor < rows.run.events().size()) return;
    ImGui::SameLine();
    ImGui::TextDisabled("done after %s", format_time(rows.line.duration, time_unit(app)).c_str());
}

// How many rows each block shows: all when they fit, else the main run's share is the rest
// after the companion's (at least two rows each).
std::array<int, 2> visible_rows(int main_rows, int companion_rows, int room) {
    if (companion_rows == 0) return {std::min(main_rows, std::max(room, 2)), 0};
    if (main_rows + companion_rows <= room) return {main_rows, companion_rows};
    const int companion = std::clamp(room / 3, std::min(2, companion_rows), companion_rows);
    return {std::min(main_rows, std::max(room - companion, 2)), companion};
}

}  // namespace

void ui_timeline(app_state& app, const ui_fonts& fonts) {
    const timeline& line = timeline_of(app);
    const companion_run* other = app.companion ? &*app.companion : nullptr;
    legend(panel().legend, picture_button_width());
    picture_button();
    if (line.rows.empty() && (other == nullptr || other->run_timeline.rows.empty())) {
        ImGui::TextDisabled("No tasks in this run: nothing to draw.");
        return;
    }
    panel().dragged_before = panel().dragged;
    panel().dragged = false;
    const float font = ImGui::GetFontSize(), spacing = ImGui::GetStyle().ItemSpacing.y;
    const float row_height = std::round(font * 1.35f), ruler_height = std::round(font * 1.5f);
    const float headings = other ? 2 * ImGui::GetTextLineHeightWithSpacing() : 0;
    const float space = ImGui::GetContentRegionAvail().y - ruler_height - 2 * spacing - headings;
    const int main_rows = static_cast<int>(line.rows.size());
    const int companion_rows = other ? static_cast<int>(other->run_timeline.rows.size()) : 0;
    const std::array<int, 2> visible = visible_rows(main_rows, companion_rows, static_cast<int>(space / row_height));  // every row the panel has room for
    const bool scrolls = main_rows > visible[0] || companion_rows > visible[1];

    const float full_width = ImGui::GetContentRegionAvail().x;
    float name_width = name_column_width(line, full_width);
    if (other) name_width = std::max(name_width, name_column_width(other->run_timeline, full_width));
    const double now = shared_time(app);  // seeking below moves the cursor: this frame is drawn as it began
    const double duration = std::max({line.duration, other ? other->run_timeline.duration : 0.0, 0.0});
    follow_time(step_number(app), now, duration > 0 ? duration : 1);
    plot area = plot_area(duration > 0 ? duration : 1, name_width, full_width, scrolls);  // a run where no time passes: 0..1 s
    area.unit = time_unit(app);

    ruler(app, line, area, ruler_height, full_width, now);
    // The task of the step's event is lit: side by side, in the run that the step moved.
    const bool companion_step = other && companion_moved(app.pairs, app.pair_index);
    const auto subject_of = [](const recording& run, std::size_t cursor) { return cursor > 0 ? run.events()[cursor - 1].task : 0; };
    const block_of_rows blocks[2] = {{line, app.run, app.view, app.cursor, visible[0]},
                                     {other ? other->run_timeline : line, other ? other->run : app.run, other ? other->view : app.view,
                                      other ? other->cursor : 0, visible[1]}};
    for (int block = 0; block < (other ? 2 : 1); ++block) {
        const block_of_rows& rows = blocks[block];
        if (other) block_heading(app, block == 0 ? other->main_label : other->label, rows, fonts);
        if (rows.visible == 0) continue;  // a run without tasks (a syntax error): its heading says enough
        const task_id subject = (block == 1) == companion_step ? subject_of(rows.run, rows.cursor) : 0;
        const row_context context{rows.line, rows.run, rows.view, block, area, name_width, row_height, rows.cursor, now, subject};
        hover_target hover;
        rows_region(app, context, rows.visible, scrolls, hover);
        if (hover.row >= 0) row_tooltip(app, context, hover, fonts);
    }
}

}  // namespace loopstep::web

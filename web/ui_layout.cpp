// The frame's layout: a window filling the canvas with the controls on top, the code on the
// left, the clock, tasks and output on the right; arrow keys step. Part of the UI in ui.hpp.
#include <algorithm>
#include <cmath>
#include <string>

#include "imgui.h"
#include "loopstep/trace.hpp"
#include "ui.hpp"

namespace loopstep::web {
namespace {

// One line: a printed "\n" inside an event's text would otherwise break the layout.
std::string one_line(std::string text) {
    for (std::size_t at = text.find('\n'); at != std::string::npos; at = text.find('\n', at + 2)) {
        text.replace(at, 1, "\\n");
    }
    return text;
}

void controls(app_state& app) {
    const std::size_t total = event_count(app);
    ImGui::BeginDisabled(app.cursor == 0);
    if (ImGui::Button("\xE2\x97\x80 Back")) step_back(app);  // U+25C0
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(app.cursor >= total);
    if (ImGui::Button("Step \xE2\x96\xB6")) step_forward(app);  // U+25B6
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(app.playing ? "Pause" : "Play", ImVec2(ImGui::GetFontSize() * 4.5f, 0))) toggle_play(app);
    ImGui::SameLine();
    int cursor = static_cast<int>(app.cursor);
    ImGui::SetNextItemWidth(-1);
    if (ImGui::SliderInt("##cursor", &cursor, 0, static_cast<int>(total), "scrub: event %d")) {
        seek(app, static_cast<std::size_t>(std::max(cursor, 0)));
    }
}

void clock_and_event(const app_state& app, const ui_fonts& fonts) {
    ImGui::PushFont(fonts.heading);
    ImGui::Text("Virtual clock: %.1f s", app.view.time);
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::TextDisabled("  event %zu of %zu", app.cursor, event_count(app));
    if (app.cursor > 0) {
        const std::string last = one_line(to_string(app.run.events()[app.cursor - 1]));
        ImGui::TextDisabled("Last event:");
        ImGui::SameLine();
        ImGui::PushFont(fonts.code);
        ImGui::PushTextWrapPos(0.0f);  // wraps at the window's edge on a narrow screen
        ImGui::TextUnformatted(last.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopFont();
    } else {
        ImGui::TextDisabled("Before the first event: press Step or the right arrow key.");
    }
}

}  // namespace

void ui_frame(app_state& app, const ui_fonts& fonts) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    constexpr ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                       ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("loopstep", nullptr, flags);

    ImGui::PushFont(fonts.heading);
    ImGui::TextUnformatted("12 requests: one by one, then concurrently");
    ImGui::PopFont();
    ImGui::TextWrapped(
        "Each request blocks the loop for 5 s while it sends (time.sleep), then waits 55 s for the reply "
        "(await asyncio.sleep). Step through the run and watch the virtual clock.");
    ImGui::Spacing();
    controls(app);
    clock_and_event(app, fonts);
    ui_timeline(app, fonts);
    ImGui::Separator();

    // Side by side when there is room, stacked on a narrow screen.
    const ImVec2 space = ImGui::GetContentRegionAvail();
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const bool side_by_side = space.x >= 44.0f * ImGui::GetFontSize();
    const ImVec2 code_size = side_by_side ? ImVec2(std::floor(space.x * 0.5f), space.y)
                                          : ImVec2(space.x, std::floor(space.y * 0.45f));
    ImGui::BeginChild("code", code_size, true, ImGuiWindowFlags_HorizontalScrollbar);
    ui_code(app, fonts);
    ImGui::EndChild();
    if (side_by_side) ImGui::SameLine(0, gap);

    ImGui::BeginGroup();
    const ImVec2 rest = ImGui::GetContentRegionAvail();
    const float label = ImGui::GetTextLineHeightWithSpacing();
    const float output_height = std::floor(rest.y * 0.3f);
    ImGui::TextUnformatted("Tasks");
    ImGui::BeginChild("tasks", ImVec2(rest.x, rest.y - output_height - 2 * label - gap), true);
    ui_tasks(app);
    ImGui::EndChild();
    ImGui::TextUnformatted("Output");
    ImGui::BeginChild("output", ImVec2(rest.x, 0), true, ImGuiWindowFlags_HorizontalScrollbar);
    ui_output(app, fonts);
    ImGui::EndChild();
    ImGui::EndGroup();

    ImGui::End();
}

}  // namespace loopstep::web

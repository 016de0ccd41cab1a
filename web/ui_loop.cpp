// The event loop's own state at the cursor: the ready queue in order, the timers by when they
// fire, and the futures tasks wait on, in model/loop_text.hpp's words (the text version says the
// same). Part of the UI declared in ui.hpp.
#include <string>

#include "imgui.h"
#include "model/loop_text.hpp"
#include "model/sync_objects.hpp"
#include "ui.hpp"

namespace loopstep::web {
namespace {

void ready_queue(const loop_lines& lines) {
    ImGui::Text("Ready queue (%zu)", lines.ready.size());
    if (lines.ready.empty()) {
        ImGui::TextDisabled("  %s", empty_ready_text);
        return;
    }
    int position = 1;
    for (const ready_line& entry : lines.ready) {
        ImGui::Bullet();
        ImGui::TextWrapped("%d. %s", position++, entry.text.c_str());
    }
}

void timers(const loop_lines& lines) {
    ImGui::Text("Timers (%zu)", lines.timers.size());
    for (const timer_line& timer : lines.timers) {
        ImGui::Bullet();
        ImGui::TextWrapped("%s", timer.text.c_str());
    }
}

void futures(const loop_lines& lines) {
    ImGui::Text("Pending futures (%zu)", lines.futures.size());
    for (const future_line& future : lines.futures) {
        ImGui::Bullet();
        ImGui::TextWrapped("%s", future.text.c_str());
    }
}

// The program's Queues, Events, Locks, Semaphores and Conditions (model/sync_objects.hpp):
// each under its name, with its state and the tasks waiting in it. Only when there are any.
void sync_objects(const snapshot& view) {
    if (view.sync_objects.empty()) return;
    ImGui::Spacing();
    ImGui::Text("Queues, events and locks (%zu)", view.sync_objects.size());
    for (const shown_sync_object& object : sync_objects_shown(view)) {
        ImGui::Bullet();
        ImGui::TextWrapped("%s", object.heading.c_str());
        ImGui::Indent();
        ImGui::TextWrapped("%s", object.state.c_str());
        for (const std::string& wait : object.waits) ImGui::TextWrapped("%s", wait.c_str());
        ImGui::Unindent();
    }
}

}  // namespace

void ui_loop(const app_state& app, const ui_fonts&) {
    const loop_lines lines = describe_loop(app.view, time_unit(app));
    ImGui::PushTextWrapPos(0);
    ready_queue(lines);
    ImGui::Spacing();
    timers(lines);
    ImGui::Spacing();
    futures(lines);
    sync_objects(app.view);
    ImGui::PopTextWrapPos();
}

}  // namespace loopstep::web

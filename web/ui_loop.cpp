// The event loop's own state at the cursor: the ready queue in order, the timers by when they
// fire, and the futures tasks wait on. Part of the UI declared in ui.hpp.
#include <string>

#include "imgui.h"
#include "model/sync_objects.hpp"
#include "ui.hpp"

namespace loopstep::web {
namespace {

std::string who(const snapshot& view, task_id id) {
    const task_view* task = view.find_task(id);
    return task != nullptr ? task->name : std::string();
}

void ready_queue(const snapshot& view) {
    ImGui::Text("Ready queue (%zu)", view.ready.size());
    if (view.ready.empty()) {
        ImGui::TextDisabled("  empty: the loop waits for the next timer");
        return;
    }
    int position = 1;
    for (const pending_callback& entry : view.ready) {
        const std::string task = who(view, entry.task);
        const std::string what = task.empty() ? entry.label : entry.label.empty() ? task + " runs its next step" : task + ": " + entry.label;
        ImGui::Bullet();
        ImGui::TextWrapped("%d. %s", position++, what.c_str());
    }
}

void timers(const snapshot& view, const std::string& unit) {
    ImGui::Text("Timers (%zu)", view.timers.size());
    for (const pending_callback& timer : view.timers) {
        const std::string task = who(view, timer.task);
        const std::string what = task.empty() ? timer.label : task + " wakes";
        const double from_now = timer.when - view.time;
        ImGui::Bullet();
        // A timer kept waiting by a blocked loop is overdue: say by how much, not "in -2.5 s".
        const char* u = unit.c_str();
        if (from_now < 0) ImGui::TextWrapped("at %.1f %s (%.1f %s late): %s", timer.when, u, -from_now, u, what.c_str());
        else ImGui::TextWrapped("at %.1f %s (in %.1f %s): %s", timer.when, u, from_now, u, what.c_str());
    }
}

void futures(const snapshot& view) {
    ImGui::Text("Pending futures (%zu)", view.futures.size());
    for (const future_view& future : view.futures) {
        std::string waiters;
        for (task_id id : future.waiters) waiters += (waiters.empty() ? "" : ", ") + who(view, id);
        ImGui::Bullet();
        ImGui::TextWrapped("%s%s%s", future.label.c_str(), waiters.empty() ? "" : ", awaited by ", waiters.c_str());
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
    ImGui::PushTextWrapPos(0);
    ready_queue(app.view);
    ImGui::Spacing();
    timers(app.view, time_unit(app));
    ImGui::Spacing();
    futures(app.view);
    sync_objects(app.view);
    ImGui::PopTextWrapPos();
}

}  // namespace loopstep::web

// The loop's queues in words, as the loop panel and the text version both show them. Pairs with loop_text.hpp.
#include "model/loop_text.hpp"

#include <cstdio>

namespace loopstep::web {
namespace {

std::string who(const snapshot& view, task_id id) {
    const task_view* task = view.find_task(id);
    return task != nullptr ? task->name : std::string();
}

// A time as the panel has always shown it: one decimal and the unit ("60.0 s").
std::string tenths(double value, std::string_view unit) {
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%.1f ", value);
    return buffer + std::string(unit);
}

ready_line ready_entry(const snapshot& view, const pending_callback& entry) {
    std::string task = who(view, entry.task);
    std::string text = task.empty() ? entry.label : entry.label.empty() ? task + " runs its next step" : task + ": " + entry.label;
    return {.task = std::move(task), .text = std::move(text)};
}

timer_line timer_entry(const snapshot& view, const pending_callback& timer, std::string_view unit) {
    std::string task = who(view, timer.task);
    const std::string what = task.empty() ? timer.label : task + " wakes";
    const double from_now = timer.when - view.time;
    // A timer kept waiting by a blocked loop is overdue: say by how much, not "in -2.5 s".
    const bool late = from_now < 0;
    const std::string when = late ? tenths(-from_now, unit) + " late" : "in " + tenths(from_now, unit);
    std::string text = "at " + tenths(timer.when, unit) + " (" + when + "): " + what;
    return {.task = std::move(task), .at = timer.when, .late = late, .text = std::move(text)};
}

future_line future_entry(const snapshot& view, const future_view& future) {
    future_line line{.label = future.label, .waiters = {}, .text = future.label};
    for (const task_id id : future.waiters) {
        if (std::string name = who(view, id); !name.empty()) line.waiters.push_back(std::move(name));
    }
    for (std::size_t i = 0; i < line.waiters.size(); ++i) line.text += (i == 0 ? ", awaited by " : ", ") + line.waiters[i];
    return line;
}

}  // namespace

loop_lines describe_loop(const snapshot& view, std::string_view unit) {
    loop_lines lines;
    for (const pending_callback& entry : view.ready) lines.ready.push_back(ready_entry(view, entry));
    for (const pending_callback& timer : view.timers) lines.timers.push_back(timer_entry(view, timer, unit));
    for (const future_view& future : view.futures) lines.futures.push_back(future_entry(view, future));
    return lines;
}

}  // namespace loopstep::web

// Names and one-line text of trace events (pairs with trace.hpp).
#include "loopstep/trace.hpp"

#include "loopstep/sleep.hpp"

namespace loopstep {

const char* to_string(trace_kind kind) {
    switch (kind) {
        case trace_kind::task_created: return "task_created";
        case trace_kind::task_scheduled: return "task_scheduled";
        case trace_kind::task_resumed: return "task_resumed";
        case trace_kind::task_suspended: return "task_suspended";
        case trace_kind::task_yielded: return "task_yielded";
        case trace_kind::task_completed: return "task_completed";
        case trace_kind::task_failed: return "task_failed";
        case trace_kind::task_cancelled: return "task_cancelled";
        case trace_kind::callback_scheduled: return "callback_scheduled";
        case trace_kind::callback_ran: return "callback_ran";
        case trace_kind::timer_set: return "timer_set";
        case trace_kind::timer_fired: return "timer_fired";
        case trace_kind::handle_cancelled: return "handle_cancelled";
        case trace_kind::future_resolved: return "future_resolved";
        case trace_kind::clock_advanced: return "clock_advanced";
        case trace_kind::blocked: return "blocked";
        case trace_kind::output: return "output";
        case trace_kind::coroutine_created: return "coroutine_created";
        case trace_kind::line_reached: return "line_reached";
    }
    return "?";
}

std::string to_string(const trace_event& event) {
    std::string line = std::to_string(event.seq) + " t=" + seconds_text(event.time) + " " + to_string(event.kind);
    if (event.task) line += " task=" + std::to_string(event.task);
    if (event.future) line += " future=" + std::to_string(event.future);
    if (event.handle) line += " handle=" + std::to_string(event.handle);
    if (event.time_value != 0) line += " value=" + seconds_text(event.time_value);
    if (!event.detail.empty()) line += " \"" + event.detail + "\"";
    if (event.line) line += " @L" + std::to_string(event.line);  // absent in scheduler-only traces
    if (!event.frames.empty()) line += " frames=" + to_string(event.frames);
    for (const sync_view& view : event.sync) line += " sync=" + to_string(view);
    return line;
}

namespace {
std::string task_list(const std::vector<task_id>& tasks, std::size_t count) {
    std::string text;
    for (task_id task : tasks) text += (text.empty() ? "" : ",") + std::to_string(task);
    if (count > tasks.size()) text += ",+" + std::to_string(count - tasks.size());
    return "[" + text + "]";
}
}  // namespace

std::string to_string(const sync_view& view) {
    if (view.kind.empty()) return "#" + std::to_string(view.id) + " freed";
    std::string text = "#" + std::to_string(view.id) + " " + view.kind + " " + view.name + "@L" + std::to_string(view.line) +
                       (view.flag ? " on" : " off");
    if (view.owner) text += " owner=" + std::to_string(view.owner);
    if (view.value) text += " value=" + std::to_string(view.value);
    if (view.size || !view.items.empty()) {
        text += " items=[";
        for (std::size_t i = 0; i < view.items.size(); ++i) text += (i ? ", " : "") + view.items[i];
        if (view.size > view.items.size()) text += ", +" + std::to_string(view.size - view.items.size());
        text += "]";
    }
    if (view.unfinished) text += " unfinished=" + std::to_string(view.unfinished);
    if (view.waiting) text += " waiters=" + task_list(view.waiters, view.waiting);
    if (view.blocked_count) text += " blocked=" + task_list(view.blocked, view.blocked_count);
    return text;
}

std::string to_string(const std::vector<frame_view>& frames) {
    std::string text;
    for (const auto& frame : frames) {
        if (!text.empty()) text += " < ";
        text += frame.function + "@L" + std::to_string(frame.line) + "(";
        for (std::size_t i = 0; i < frame.locals.size(); ++i) {
            text += (i ? ", " : "") + frame.locals[i].first + "=" + frame.locals[i].second;
        }
        text += ")";
    }
    return text;
}

bool carries_frames(trace_kind kind) {
    switch (kind) {
        case trace_kind::task_created:
        case trace_kind::task_suspended:
        case trace_kind::task_yielded:
        case trace_kind::blocked:
        case trace_kind::output:
        case trace_kind::coroutine_created:
        case trace_kind::line_reached: return true;
        default: return false;
    }
}

}  // namespace loopstep

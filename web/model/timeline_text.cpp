// The timeline in words, in the timeline panel's tooltip wording. Pairs with timeline_text.hpp.
#include "model/timeline_text.hpp"

#include "model/narration.hpp"

namespace loopstep::web {
namespace {

std::string span_text(double start, double end, bool going_on, std::string_view unit) {
    const std::string to = format_time(end, unit);
    return format_time(start, unit) + " \xE2\x80\x93 " + (going_on ? "now (" + to + ")" : to);  // en dash
}

const char* end_word(task_state state) {
    switch (state) {
        case task_state::failed: return "failed";
        case task_state::cancelled: return "cancelled";
        default: return "done";
    }
}

timeline_part segment_part(const recording& run, const segment& part, std::size_t cursor, double now, std::string_view unit) {
    const double end = *end_at(part, cursor, now);
    const bool going_on = part.finish >= cursor;
    return {.kind = to_string(part.kind), .from = part.start, .to = end, .going_on = going_on,
            .text = segment_text(run, part, end, going_on, unit)};
}

// How many of the row's segments have begun at the cursor (they are in event order).
std::size_t begun(const task_row& row, std::size_t cursor) {
    std::size_t count = 0;
    while (count < row.segments.size() && row.segments[count].begin < cursor) ++count;
    return count;
}

// Only the kept parts are put in words: a long run's state stays cheap to build at every step.
timeline_task describe_row(const task_row& row, const recording& run, std::size_t cursor, double now,
                           std::string_view unit, std::size_t max_parts) {
    const bool ended = row.ended && row.end.event < cursor;
    const std::size_t segments = begun(row, cursor);
    const std::size_t total = 1 + segments + (ended ? 1 : 0);  // created, the segments, the end
    timeline_task task{.task = row.name, .omitted = total > max_parts ? total - max_parts : 0, .parts = {}};
    if (task.omitted == 0) {
        task.parts.push_back({.kind = "created", .from = row.created, .to = row.created, .going_on = false,
                              .text = "created at " + format_time(row.created, unit)});
    }
    for (std::size_t i = task.omitted == 0 ? 0 : task.omitted - 1; i < segments; ++i) {
        task.parts.push_back(segment_part(run, row.segments[i], cursor, now, unit));
    }
    if (ended) {
        task.parts.push_back({.kind = end_word(row.end.state), .from = row.end.time, .to = row.end.time,
                              .going_on = false, .text = end_text(run, row, unit)});
    }
    return task;
}

}  // namespace

std::string segment_text(const recording& run, const segment& part, double end, bool going_on, std::string_view unit,
                         std::string_view late_separator) {
    switch (part.kind) {
        case segment_kind::running: return "ran a step at " + format_time(part.start, unit) + " (no time passes)";
        case segment_kind::blocking: return "blocking the loop (time.sleep): " + span_text(part.start, end, going_on, unit);
        case segment_kind::ready: return "ready, in the queue for its turn: " + span_text(part.start, end, going_on, unit);
        case segment_kind::waiting: {
            std::string text = "waiting on " + awaited_text(run.events()[part.begin].detail) + ": " +
                               span_text(part.start, end, going_on, unit);
            if (part.due >= 0 && end > part.due) {
                text += std::string(late_separator) + "due at " + format_time(part.due, unit) + ", " + format_time(end - part.due, unit) +
                        " late: the loop was busy";
            }
            return text;
        }
    }
    return {};
}

std::string end_text(const recording& run, const task_row& row, std::string_view unit) {
    const std::string& detail = run.events()[row.end.event].detail;
    const std::string at = " at " + format_time(row.end.time, unit);
    switch (row.end.state) {
        case task_state::failed: return "failed" + at + ": " + detail;
        case task_state::cancelled: return "cancelled" + at;
        default: return "done" + at + ", returned " + detail;
    }
}

std::vector<timeline_task> describe_timeline(const timeline& line, const recording& run, std::size_t cursor,
                                             std::string_view unit, std::size_t max_parts, std::optional<double> shared_now) {
    const double now = shared_now.value_or(time_at(line, cursor));
    std::vector<timeline_task> tasks;
    for (const task_row& row : line.rows) {
        if (row.created_event >= cursor) continue;  // not created yet at the cursor
        tasks.push_back(describe_row(row, run, cursor, now, unit, max_parts));
    }
    return tasks;
}

}  // namespace loopstep::web

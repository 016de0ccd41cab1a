// Building a run's timeline from its trace, and the time <-> cursor mapping. Pairs with timeline.hpp.
#include "timeline.hpp"

#include <algorithm>
#include <unordered_map>

namespace loopstep::web {
namespace {

// Walks the trace once, keeping each task's open segment (the last of its row) until an event ends it.
class timeline_builder {
public:
    explicit timeline_builder(const std::vector<trace_event>& events) : events_(events) {}

    timeline build() {
        line_.event_starts.reserve(events_.size());
        line_.event_times.reserve(events_.size());
        for (std::size_t i = 0; i < events_.size(); ++i) {
            const double start = event_start(i);
            line_.event_starts.push_back(start);
            line_.event_times.push_back(events_[i].time);
            apply(i, start);
        }
        line_.duration = events_.empty() ? 0 : events_.back().time;
        for (std::size_t row = 0; row < line_.rows.size(); ++row) close(row, events_.size(), line_.duration);
        return std::move(line_);
    }

private:
    // A block starts when the clock was where the previous event left it (time - seconds, up to rounding).
    double event_start(std::size_t i) const {
        const trace_event& event = events_[i];
        if (event.kind != trace_kind::blocked) return event.time;
        const double before = i > 0 ? events_[i - 1].time : 0;
        return std::clamp(event.time - event.time_value, before, event.time);
    }

    void apply(std::size_t i, double start) {
        const trace_event& event = events_[i];
        if (event.kind == trace_kind::task_created) return add_row(event, i);
        const auto found = row_of_.find(event.task);
        if (found == row_of_.end()) return;
        const std::size_t row = found->second;
        switch (event.kind) {
            case trace_kind::task_scheduled: return open(row, segment_kind::ready, event.time, i);
            case trace_kind::task_resumed: return open(row, segment_kind::running, event.time, i);
            case trace_kind::timer_set: return note_sleep(row, event);
            case trace_kind::task_suspended: return wait(row, event.time, i);
            case trace_kind::blocked: return block(row, start, event.time, i);
            case trace_kind::task_yielded: return close(row, i, event.time);
            case trace_kind::task_completed: return end(row, task_state::finished, event.time, i);
            case trace_kind::task_failed: return end(row, task_state::failed, event.time, i);
            case trace_kind::task_cancelled: return end(row, task_state::cancelled, event.time, i);
            default: return;
        }
    }

    void add_row(const trace_event& event, std::size_t i) {
        row_of_[event.task] = line_.rows.size();
        line_.rows.push_back({.id = event.task, .name = event.detail, .created = event.time, .created_event = i,
                              .segments = {}, .ended = false, .end = {}});
        open_.push_back(false);
        sleep_due_.push_back(-1);
    }

    // asyncio.sleep sets its timer, then suspends the task: the wait is due when the timer is.
    void note_sleep(std::size_t row, const trace_event& event) {
        if (open_[row] && line_.rows[row].segments.back().kind == segment_kind::running &&
            event.detail.starts_with("sleep(")) {
            sleep_due_[row] = event.time_value;
        }
    }

    void wait(std::size_t row, double time, std::size_t i) {
        const double due = sleep_due_[row];
        open(row, segment_kind::waiting, time, i);
        line_.rows[row].segments.back().due = due;
    }

    void open(std::size_t row, segment_kind kind, double time, std::size_t i) {
        sleep_due_[row] = -1;  // a sleep's timer counts only for the suspension that follows it
        close(row, i, time);
        line_.rows[row].segments.push_back({.kind = kind, .start = time, .end = time, .begin = i, .finish = i});
        open_[row] = true;
    }

    void close(std::size_t row, std::size_t i, double time) {
        if (!open_[row]) return;
        segment& last = line_.rows[row].segments.back();
        last.end = last.kind == segment_kind::running ? last.start : time;  // a step takes no time
        last.finish = i;
        open_[row] = false;
    }

    // time.sleep inside a step: the step is cut in two around the block, which is its own event.
    void block(std::size_t row, double start, double time, std::size_t i) {
        close(row, i, start);
        line_.rows[row].segments.push_back(
            {.kind = segment_kind::blocking, .start = start, .end = time, .begin = i, .finish = i});
        open(row, segment_kind::running, time, i);
    }

    void end(std::size_t row, task_state state, double time, std::size_t i) {
        close(row, i, time);
        task_row& ended = line_.rows[row];
        ended.ended = true;
        ended.end = {.state = state, .time = time, .event = i};
    }

    const std::vector<trace_event>& events_;
    timeline line_;
    std::unordered_map<task_id, std::size_t> row_of_;
    std::vector<bool> open_;         // per row: its last segment is still going on
    std::vector<double> sleep_due_;  // per row: the deadline of the sleep timer just set, or -1
};

// Whether event i has happened by time t: a block counts as soon as it is under way.
bool happened_by(const timeline& line, std::size_t i, double t) {
    const bool is_block = line.event_starts[i] < line.event_times[i];
    return is_block ? line.event_starts[i] < t : line.event_times[i] <= t;
}

}  // namespace

const char* to_string(segment_kind kind) {
    switch (kind) {
        case segment_kind::ready: return "ready";
        case segment_kind::waiting: return "waiting";
        case segment_kind::blocking: return "blocking";
        case segment_kind::running: return "running";
    }
    return "?";
}

timeline build_timeline(const recording& run) { return timeline_builder(run.events()).build(); }

std::size_t cursor_at(const timeline& line, double t) {
    // Events are in time order and a block starts where its predecessor ended, so the events
    // that happened by t are a prefix: binary search for its length.
    std::size_t low = 0, high = line.event_times.size();
    while (low < high) {
        const std::size_t middle = low + (high - low) / 2;
        if (happened_by(line, middle, t)) low = middle + 1;
        else high = middle;
    }
    return low;
}

double time_at(const timeline& line, std::size_t cursor) {
    cursor = std::min(cursor, line.event_times.size());
    return cursor == 0 ? 0 : line.event_times[cursor - 1];
}

std::optional<double> end_at(const segment& part, std::size_t cursor, double cursor_time) {
    if (part.begin >= cursor) return std::nullopt;
    if (part.finish < cursor) return part.end;
    return std::max(part.start, std::min(part.end, cursor_time));
}

const task_row* find_row(const timeline& line, task_id id) {
    for (const task_row& row : line.rows) {
        if (row.id == id) return &row;
    }
    return nullptr;
}

}  // namespace loopstep::web

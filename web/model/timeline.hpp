// The timeline of a run: per task, what it did over virtual time (waiting, ready, blocking, running),
// and the mapping between a time and a cursor for seeking. Built once per recording; pairs with timeline.cpp.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "loopstep/recording.hpp"

namespace loopstep::web {

enum class segment_kind : std::uint8_t {
    ready,     // in the ready queue, waiting for its turn (also while another task blocks the loop)
    waiting,   // suspended on a future or a timer
    blocking,  // running a blocking call (time.sleep): the clock advances while it holds the loop
    running,   // a step of the task: no virtual time passes, so start == end (an instant)
};
const char* to_string(segment_kind kind);

// One stretch of a task's life. `begin` and `finish` are event indexes: the segment has begun at
// cursor c when begin < c, and is over when finish < c (finish == event count: never over).
struct segment {
    segment_kind kind{};
    double start = 0;
    double end = 0;
    std::size_t begin = 0;   // the event that starts it (for waiting: the task_suspended, whose detail says on what)
    std::size_t finish = 0;  // the event that ends it
    // A wait on asyncio.sleep: when its timer was due (-1 otherwise). A wait that ends later was
    // kept waiting by a busy loop (another task blocked it), which is what chapter 2 shows.
    double due = -1;
    bool late() const { return due >= 0 && end > due; }
};

// How a task ended, if it did: finished, failed or cancelled at `time` by event `event`.
struct task_end {
    task_state state = task_state::finished;
    double time = 0;
    std::size_t event = 0;
};

struct task_row {
    task_id id = 0;
    std::string name;
    double created = 0;
    std::size_t created_event = 0;  // the task_created event
    std::vector<segment> segments;  // in event order, so by start time
    bool ended = false;
    task_end end;
};

struct timeline {
    std::vector<task_row> rows;        // creation order
    std::vector<double> event_starts;  // per event: when it began (a block begins before its event's time)
    std::vector<double> event_times;   // per event: the clock after it
    double duration = 0;               // the clock after the last event
};

timeline build_timeline(const recording& run);

// The cursor that shows virtual time t: every event up to t (those at t included), plus a
// block that is under way at t (shown whole: it is one event). t < 0 gives 0; t past the end, every event.
std::size_t cursor_at(const timeline& line, double t);
// The clock at a cursor: the time after event cursor - 1 (0 before the first event).
double time_at(const timeline& line, std::size_t cursor);

// Where a segment ends as seen at `cursor` (whose clock is cursor_time): its end once it is over,
// cursor_time while it goes on, nothing before it has begun. The UI draws only what has happened.
std::optional<double> end_at(const segment& part, std::size_t cursor, double cursor_time);

// The row of a task, or nullptr.
const task_row* find_row(const timeline& line, task_id id);

}  // namespace loopstep::web

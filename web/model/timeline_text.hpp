// The timeline in words, up to the cursor: per task, when it was created, each stretch it spent
// ready, waiting (on what, and how late a sleep came back), blocking the loop, each step it ran,
// and how it ended. What the timeline panel draws, for the text version (state().timeline).
// Pairs with timeline_text.cpp.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "loopstep/recording.hpp"
#include "model/timeline.hpp"

namespace loopstep::web {

struct timeline_part {
    std::string kind;       // created, ready, waiting, blocking, running, done, failed, cancelled
    double from = 0;        // virtual seconds
    double to = 0;          // == from for an instant (created, running, an end)
    bool going_on = false;  // still under way at the cursor: `to` is the cursor's clock
    std::string text;       // "waiting on asyncio.sleep(55): 5 s – 60 s"
};

struct timeline_task {
    std::string task;
    std::size_t omitted = 0;           // earlier parts left out (see describe_timeline's max_parts)
    std::vector<timeline_part> parts;  // in order
};

// The tasks created by `cursor`, in creation order, with what they did up to it. A task keeps
// its last `max_parts` parts: a long run's every step would make the page's state enormous.
// What goes on lasts until `now`: the cursor's clock, or beside another run the shared one.
std::vector<timeline_task> describe_timeline(const timeline& line, const recording& run, std::size_t cursor,
                                             std::string_view unit, std::size_t max_parts = 200,
                                             std::optional<double> now = std::nullopt);

// One segment as seen at a cursor whose segment ends at `end` (end_at), `going_on` if not over yet;
// a late sleep's "due at ..." follows `late_separator` (the tooltip puts it on a line of its own).
std::string segment_text(const recording& run, const segment& part, double end, bool going_on, std::string_view unit,
                         std::string_view late_separator = "; ");
// How a task ended: "done at 60 s, returned 3", "failed at 2 s: ValueError: x", "cancelled at 1 s".
std::string end_text(const recording& run, const task_row& row, std::string_view unit);

}  // namespace loopstep::web

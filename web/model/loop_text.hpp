// The event loop's queues at the cursor in words: the ready queue in order, the timers by when
// they fire, the pending futures and who awaits them. The loop panel (ui_loop.cpp) draws these
// sentences and state().loop (state_json.cpp) gives them to the text version: one source, so the
// canvas and the text version cannot say different things. Pairs with loop_text.cpp.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "loopstep/recording.hpp"

namespace loopstep::web {

struct ready_line {
    std::string task;  // the task whose callback it is ("" for a plain callback)
    std::string text;  // "fetch-2 runs its next step", "fetch-2: <label>", or the callback's label
};

struct timer_line {
    std::string task;  // the task the timer wakes ("" for a plain callback)
    double at = 0;     // when it fires, in virtual seconds
    bool late = false; // overdue: its time has passed while something blocked the loop
    std::string text;  // "at 60.0 s (in 55.0 s): fetch-2 wakes" or "... (2.5 s late): ..."
};

struct future_line {
    std::string label;                 // what it stands for ("sleep(55)", "Event.wait()")
    std::vector<std::string> waiters;  // the tasks awaiting it, by name
    std::string text;                  // "sleep(55), awaited by fetch-2"
};

struct loop_lines {
    std::vector<ready_line> ready;     // queue order
    std::vector<timer_line> timers;    // firing order
    std::vector<future_line> futures;  // oldest first
};

// `unit` is the chapter's time unit (lesson.hpp: chapter::time_unit).
loop_lines describe_loop(const snapshot& view, std::string_view unit);

// What the loop panel says under an empty ready queue.
inline constexpr const char* empty_ready_text = "empty: the loop waits for the next timer";

}  // namespace loopstep::web

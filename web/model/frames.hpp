// What the frames panel shows for one task at the cursor: its await chain as frames, innermost
// first, each local with its value and whether the last step changed it, what the innermost
// frame is suspended on, or how the task ended. Built from the recording's task_view (the
// interpreter's frame_view), no UI here. Pairs with frames.cpp.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "loopstep/recording.hpp"

namespace loopstep::web {

struct shown_local {
    std::string name;
    std::string value;      // the repr as the interpreter shortened it
    bool argument = false;  // one of the function's parameters
    bool changed = false;   // new or different since the previous step
    bool operator==(const shown_local&) const = default;
};

struct shown_frame {
    std::string function;
    std::string call;     // "fetch(i=3)": the function with its arguments' current values
    int line = 0;
    std::vector<shown_local> locals;  // parameters first, then the other bound locals
    std::string paused;   // what the frame is paused on: "sleep(55)", "fetch()", "" when it runs
    bool operator==(const shown_frame&) const = default;
};

struct task_frames {
    task_id task = 0;     // 0: no task selected, or the selected one does not exist at the cursor
    std::string name;
    task_state state = task_state::scheduled;
    std::vector<shown_frame> frames;  // innermost first; empty once the task is done
    std::string outcome;  // a done task's result, error or cancel message
    bool operator==(const task_frames&) const = default;
};

// The frames of `now` (a task at the cursor), compared with `before` (the same task one step
// earlier, null if it did not exist yet). Frames are matched from the outermost one (the
// task's coroutine), so a frame pushed or popped by the step counts as all new.
task_frames frames_of(const task_view& now, const task_view* before);

// How a done task ended ("Done. It returned 3", "Failed with ..."); empty while it is not done.
std::string ending_sentence(const task_frames& shown);
// What the innermost frame does when no await holds it ("running now", "ready: in the loop's
// ready queue"); empty when it waits. `running`: the task running at the cursor.
std::string innermost_status(const task_frames& shown, task_id running);

// Where a frame is and what it does: "line 4 · waits on sleep(55)" (the innermost frame),
// "line 9 · awaits fetch()" (an outer one), "line 4 · running now" (`status` when none awaits).
std::string frame_place(const shown_frame& frame, bool innermost, const std::string& status);

// "fetch(i=3)": the frame's function with its arguments' current values.
std::string call_text(const frame_view& frame);
// The repr of the frame's local `name`, or null when it is not bound there.
const std::string* value_in(const frame_view& frame, const std::string& name);

// A value to show in `width` characters: itself if it fits; a container ("[1, 2, 3, ...]")
// keeps the whole items that fit and says how many there are when it can tell; other text,
// and a container whose first item does not fit, is cut ("[<Task pending nam...").
std::string fold_value(std::string_view value, std::size_t width);
// The number of top-level items of a container's repr ("[1, (2, 3)]" has 2), or -1 when it
// is no container or was cut short by the interpreter.
int item_count(std::string_view value);

}  // namespace loopstep::web

// Scheduler events as plain data (the trace); recording.hpp folds them into snapshots for a viewer.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace loopstep {

using task_id = std::uint32_t;      // 0 means "no task"
using future_id = std::uint32_t;    // 0 means "no future"
using callback_id = std::uint64_t;  // a scheduled handle (ready-queue entry or timer)

enum class trace_kind : std::uint8_t {
    task_created,      // task, future = the task's own future, detail = name
    task_scheduled,    // task's next step entered the ready queue (handle = ready entry)
    task_resumed,      // task starts a step (line = where it continues)
    task_suspended,    // task waits on future (future, detail = what it waits on, line = the await)
    task_yielded,      // bare yield (sleep(0)): task is rescheduled at the back of the queue
    task_completed,    // detail = result text (line = the return, if known)
    task_failed,       // detail = exception text (line = where it was raised, if known)
    task_cancelled,    // detail = cancel message (line = where it stopped, if known)
    callback_scheduled,// a plain callback (not a task step) entered the ready queue
    callback_ran,      // the loop ran a queued callback (handle; task if it is a task step)
    timer_set,         // handle = timer, time_value = deadline, detail = label
    timer_fired,       // handle = timer moved to the ready queue
    handle_cancelled,  // a queued callback or timer was cancelled (handle)
    future_resolved,   // future, detail = outcome
    clock_advanced,    // time_value = new time (the loop jumped to the next timer)
    blocked,           // task blocked the loop (time.sleep); time_value = seconds, line = the call
    output,            // the program printed; detail = text, line = the print call
    coroutine_created, // a coroutine function was called and its coroutine object kept or dropped,
                       // not awaited: nothing in it ran (task = the caller, detail = "boil('water', 3)")
};

const char* to_string(trace_kind kind);

// One frame of a task's await chain as the viewer shows it: the function, the line it is
// at, and each bound local with its repr (shortened). Made by the interpreter.
struct frame_view {
    std::string function;
    int line = 0;
    std::vector<std::pair<std::string, std::string>> locals;  // name, repr
    std::size_t arguments = 0;  // how many of the first locals are its parameters (the call's arguments)
    bool operator==(const frame_view&) const = default;
};

// Which events carry the task's frames: the moments its frames may have changed and it is
// not running on (created, paused, yielded, blocking, printing).
bool carries_frames(trace_kind kind);

struct trace_event {
    std::uint64_t seq = 0;
    double time = 0;
    trace_kind kind{};
    task_id task = 0;
    future_id future = 0;
    callback_id handle = 0;
    double time_value = 0;
    std::string detail;
    // The 1-based line of the Python program where the event's task is (see trace_kind);
    // 0 when unknown, and always for programs written against the scheduler in C++.
    int line = 0;
    // The task's frames, innermost first (see carries_frames); empty for C++ programs.
    std::vector<frame_view> frames;
};

// One line per event, stable across runs and targets: what determinism tests compare.
std::string to_string(const trace_event& event);
// "fetch@L9(i=3, sent=740.0) < main@L14()": a task's frames, innermost first.
std::string to_string(const std::vector<frame_view>& frames);

// Where an event_loop sends its events. Empty means tracing is off (no cost beyond a test).
using trace_sink = std::function<void(const trace_event&)>;

// What fills trace_event::frames: the frames of a task, asked while tracing only.
using frame_source = std::function<std::vector<frame_view>(task_id)>;

// The line the running task's code is at (0 if unknown), asked while tracing only: the events
// its code causes (a future's set_result, a task it creates) say where it is.
using line_source = std::function<int()>;

}  // namespace loopstep

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
    line_reached,      // the running task starts a line (line, frames); only when the interpreter
                       // is asked for line events (program_options::line_events)
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

// A synchronisation object of the program (asyncio's Queue, Event, Lock, Semaphore, Condition)
// as the viewer shows it: its whole state, made by the interpreter when that state changed.
struct sync_view {
    std::uint32_t id = 0;     // the object's number in the run, from 1 in creation order
    std::string kind;         // asyncio's class ("Queue", "LifoQueue", "Event", "BoundedSemaphore"...);
                              // empty: the program no longer holds the object (it was freed)
    std::string name;         // the variable the program bound it to ("q", "self.lock"), else "Queue #1"
    int line = 0;             // where the program made it; 0 if unknown
    bool flag = false;        // Event: set; Lock, Condition: locked; Semaphore: no slot free; Queue: full
    task_id owner = 0;        // Lock, Condition: the task holding the lock (0: free, or held outside a task)
    std::int64_t value = 0;   // Semaphore: its value; Queue: maxsize (0: unbounded)
    std::int64_t unfinished = 0;  // Queue: items put and not marked task_done() yet
    std::size_t size = 0;     // Queue: how many items it holds
    std::vector<std::string> items;  // Queue: the first items' reprs in stored order (a LifoQueue's
                                     // next is the last; a PriorityQueue keeps heapq's order)
    std::vector<task_id> waiters;    // the first tasks waiting in get() / wait() / acquire(), in line
    std::size_t waiting = 0;         // how many wait there
    std::vector<task_id> blocked;    // Queue: the first tasks waiting in put(); Condition: to retake its lock
    std::size_t blocked_count = 0;   // how many wait there
    bool operator==(const sync_view&) const = default;
};

// Which events carry the task's frames: the moments its frames may have changed and it is
// not running on (created, paused, yielded, blocking, printing, a line reached).
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
    // The synchronisation objects whose state changed since the event before (or that were
    // made or freed), as they are now; empty for C++ programs.
    std::vector<sync_view> sync;
};

// One line per event, stable across runs and targets: what determinism tests compare.
std::string to_string(const trace_event& event);
// "fetch@L9(i=3, sent=740.0) < main@L14()": a task's frames, innermost first.
std::string to_string(const std::vector<frame_view>& frames);
// "#1 Queue q@L12 on value=2 items=['a', 'b'] unfinished=2 blocked=[3]": a sync object's state.
std::string to_string(const sync_view& view);

// Where an event_loop sends its events. Empty means tracing is off (no cost beyond a test).
using trace_sink = std::function<void(const trace_event&)>;

// What fills trace_event::frames: the frames of a task, asked while tracing only.
using frame_source = std::function<std::vector<frame_view>(task_id)>;

// The line the running task's code is at (0 if unknown), asked while tracing only: the events
// its code causes (a future's set_result, a task it creates) say where it is.
using line_source = std::function<int()>;

// What fills trace_event::sync: the objects changed since it was last asked, asked while tracing only.
using sync_source = std::function<std::vector<sync_view>()>;

}  // namespace loopstep

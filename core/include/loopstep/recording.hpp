// A recording: the trace of a run, folded into a snapshot of every task, the ready queue
// and the timers at any event. The viewer renders snapshots; it never asks the loop.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "loopstep/task.hpp"
#include "loopstep/trace.hpp"

namespace loopstep {

struct task_view {
    task_id id = 0;
    std::string name;
    task_state state = task_state::scheduled;
    std::string waiting_on;  // what a waiting task waits on ("sleep(55)")
    std::string outcome;     // result or error text once done
    int line = 0;            // the source line the task is at (the await it waits in); 0 if unknown
    future_id future = 0;    // the task's own future: what a task awaiting this one waits on
    std::vector<frame_view> frames;  // its await chain, innermost first; empty once done
    bool thread = false;     // a worker thread of asyncio.to_thread (worker_thread.hpp), not a task
    bool operator==(const task_view&) const = default;
};

// A future that tasks are waiting on and that is not resolved yet (the loop's "pending" list).
struct future_view {
    future_id id = 0;
    std::string label;             // what it stands for ("sleep(55)", "Event.wait()")
    std::vector<task_id> waiters;  // the tasks waiting on it, in the order they will be woken
    task_id task = 0;              // when the future is a task's (a task awaiting a task), that task
    bool operator==(const future_view&) const = default;
};

struct pending_callback {
    callback_id handle = 0;
    task_id task = 0;  // the task this callback steps or wakes, 0 if none
    double when = 0;   // timers only
    std::string label;
    bool operator==(const pending_callback&) const = default;
};

struct snapshot {
    std::size_t event_count = 0;  // events folded into this snapshot
    double time = 0;
    task_id running = 0;
    std::vector<task_view> tasks;           // creation order, done tasks included
    std::vector<pending_callback> ready;    // queue order
    std::vector<pending_callback> timers;   // firing order
    std::vector<future_view> futures;       // awaited and unresolved, oldest future first
    std::vector<sync_view> sync_objects;    // the program's Queues, Events, Locks... in creation order
    std::string output;

    const task_view* find_task(task_id id) const;
    const future_view* find_future(future_id id) const;
    const sync_view* find_sync_object(std::uint32_t id) const;
};

// Applies one event to a snapshot: the single definition of what each event means.
void apply(snapshot& state, const trace_event& event);

class recording {
public:
    // A sink to pass in loop_options::trace; the recording must outlive the loop's use of it.
    trace_sink sink();
    void add(const trace_event& event);

    const std::vector<trace_event>& events() const { return events_; }
    // The state after the first `event_count` events (clamped to the recording's length).
    snapshot at(std::size_t event_count) const;
    const snapshot& latest() const { return latest_; }

private:
    static constexpr std::size_t keyframe_interval = 256;
    std::vector<trace_event> events_;
    std::vector<snapshot> keyframes_{snapshot{}};  // keyframes_[i] = state after i * interval events, output left out
    std::vector<std::size_t> keyframe_output_sizes_{0};  // ... and the length of its output (a prefix of latest_'s)
    snapshot latest_;
};

// The same view taken from a live loop (live tasks only): tests check the fold against it.
snapshot live_snapshot(const event_loop& loop);

}  // namespace loopstep

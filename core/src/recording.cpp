// Folding trace events into snapshots, with keyframes for fast scrubbing (pairs with recording.hpp).
#include "loopstep/recording.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

namespace loopstep {

namespace {
task_view* find_mutable(snapshot& state, task_id id) {
    for (auto& task : state.tasks) {
        if (task.id == id) return &task;
    }
    return nullptr;
}

bool remove_handle(std::vector<pending_callback>& list, callback_id handle, pending_callback* removed = nullptr) {
    auto found = std::find_if(list.begin(), list.end(), [&](const pending_callback& p) { return p.handle == handle; });
    if (found == list.end()) return false;
    if (removed) *removed = std::move(*found);
    list.erase(found);
    return true;
}

void set_state(snapshot& state, task_id id, task_state new_state, std::string waiting_on = {},
               std::string outcome = {}) {
    task_view* task = find_mutable(state, id);
    if (!task) return;
    task->state = new_state;
    task->waiting_on = std::move(waiting_on);
    if (!outcome.empty() || new_state == task_state::finished) task->outcome = std::move(outcome);
}

// Whose own future `id` is, if a task's (awaiting a task waits on the task's future).
task_id task_of_future(const snapshot& state, future_id id) {
    for (const auto& task : state.tasks) {
        if (task.future == id) return task.id;
    }
    return 0;
}

void add_waiter(snapshot& state, future_id id, task_id waiter, const std::string& label) {
    auto found = std::find_if(state.futures.begin(), state.futures.end(), [&](const future_view& f) { return f.id >= id; });
    if (found == state.futures.end() || found->id != id) {
        found = state.futures.insert(found, {.id = id, .label = label, .waiters = {}, .task = task_of_future(state, id)});
    }
    found->waiters.push_back(waiter);
}

// A resumed or finished task waits on nothing: usually its future was resolved already
// (and dropped), but a future no task waits on any more is not pending for the viewer.
void drop_waiter(snapshot& state, task_id waiter) {
    for (auto& future : state.futures) std::erase(future.waiters, waiter);
    std::erase_if(state.futures, [](const future_view& f) { return f.waiters.empty(); });
}

// An event's sync views replace the ones of the same objects; an empty kind drops one.
void update_sync_objects(snapshot& state, const std::vector<sync_view>& changed) {
    for (const sync_view& view : changed) {
        auto found = std::lower_bound(state.sync_objects.begin(), state.sync_objects.end(), view.id,
                                      [](const sync_view& s, std::uint32_t id) { return s.id < id; });
        const bool present = found != state.sync_objects.end() && found->id == view.id;
        if (view.kind.empty()) {
            if (present) state.sync_objects.erase(found);
        } else if (present) {
            *found = view;
        } else {
            state.sync_objects.insert(found, view);
        }
    }
}

// The live side of snapshot::futures: each future a live task waits on, once, oldest first,
// labelled as its first waiter saw it (as the fold labels it).
void add_awaited_futures(snapshot& state, std::vector<const future_base*> awaited) {
    std::sort(awaited.begin(), awaited.end(), [](const future_base* a, const future_base* b) { return a->id() < b->id(); });
    awaited.erase(std::unique(awaited.begin(), awaited.end()), awaited.end());
    for (const future_base* future : awaited) {
        std::vector<task_id> waiters = future->waiting_tasks();
        const task_view* first = waiters.empty() ? nullptr : state.find_task(waiters.front());
        state.futures.push_back({.id = future->id(),
                                 .label = first ? first->waiting_on : std::string(),
                                 .waiters = std::move(waiters),
                                 .task = task_of_future(state, future->id())});
    }
}
}  // namespace

const task_view* snapshot::find_task(task_id id) const {
    for (const auto& task : tasks) {
        if (task.id == id) return &task;
    }
    return nullptr;
}

const sync_view* snapshot::find_sync_object(std::uint32_t id) const {
    for (const auto& object : sync_objects) {
        if (object.id == id) return &object;
    }
    return nullptr;
}

const future_view* snapshot::find_future(future_id id) const {
    for (const auto& future : futures) {
        if (future.id == id) return &future;
    }
    return nullptr;
}

void apply(snapshot& state, const trace_event& event) {
    ++state.event_count;
    state.time = event.time;
    // An event's source line is where the running task is (a future it settles, a task it
    // creates); with no task running, where the task the event names resumes.
    const task_id at_line = state.running ? state.running : event.task;
    if (event.line && at_line) {
        if (task_view* task = find_mutable(state, at_line)) task->line = event.line;
    }
    if (carries_frames(event.kind) && event.kind != trace_kind::task_created && event.task) {
        if (task_view* task = find_mutable(state, event.task)) task->frames = event.frames;
    }
    if (!event.sync.empty()) update_sync_objects(state, event.sync);
    switch (event.kind) {
        case trace_kind::task_created:
            state.tasks.push_back({.id = event.task,
                                   .name = event.detail,
                                   .state = task_state::scheduled,
                                   .waiting_on = {},
                                   .outcome = {},
                                   .line = 0,  // not started (event.line is its creator's)
                                   .future = event.future,
                                   .frames = event.frames,
                                   .thread = event.future == 0});
            break;
        case trace_kind::task_scheduled:
            state.ready.push_back({event.handle, event.task, 0, event.detail});
            set_state(state, event.task, task_state::scheduled);
            break;
        case trace_kind::callback_scheduled:
            state.ready.push_back({event.handle, 0, 0, event.detail});
            break;
        case trace_kind::callback_ran:
            remove_handle(state.ready, event.handle);
            break;
        case trace_kind::handle_cancelled:
            if (!remove_handle(state.ready, event.handle)) remove_handle(state.timers, event.handle);
            break;
        case trace_kind::task_resumed:
            state.running = event.task;
            set_state(state, event.task, task_state::running);
            drop_waiter(state, event.task);
            break;
        case trace_kind::task_suspended:
            state.running = 0;
            set_state(state, event.task, task_state::waiting, event.detail);
            if (event.future) add_waiter(state, event.future, event.task, event.detail);  // a sleeping thread waits on none
            break;
        case trace_kind::task_yielded:
            state.running = 0;
            set_state(state, event.task, task_state::scheduled);
            break;
        case trace_kind::task_completed:
            state.running = 0;
            if (task_view* task = find_mutable(state, event.task)) task->frames.clear();
            set_state(state, event.task, task_state::finished, {}, event.detail);
            drop_waiter(state, event.task);
            break;
        case trace_kind::task_failed:
            state.running = 0;
            if (task_view* task = find_mutable(state, event.task)) task->frames.clear();
            set_state(state, event.task, task_state::failed, {}, event.detail);
            drop_waiter(state, event.task);
            break;
        case trace_kind::task_cancelled:
            state.running = 0;
            if (task_view* task = find_mutable(state, event.task)) task->frames.clear();
            set_state(state, event.task, task_state::cancelled, {}, event.detail);
            drop_waiter(state, event.task);
            break;
        case trace_kind::timer_set: {
            pending_callback timer{event.handle, event.task, event.time_value, event.detail};
            // Firing order as event_loop::timers_view shows it: a NaN deadline (due at once) first.
            const auto key = [](const pending_callback& t) { return std::pair(std::isnan(t.when) ? -INFINITY : t.when, t.handle); };
            auto position = std::find_if(state.timers.begin(), state.timers.end(),
                                         [&](const pending_callback& t) { return key(t) > key(timer); });
            state.timers.insert(position, std::move(timer));
            break;
        }
        case trace_kind::timer_fired: {
            pending_callback fired;
            if (remove_handle(state.timers, event.handle, &fired)) {
                fired.when = 0;  // a ready callback has no deadline any more
                state.ready.push_back(std::move(fired));
            }
            break;
        }
        case trace_kind::output:
            state.output += event.detail;
            break;
        case trace_kind::future_resolved:
            std::erase_if(state.futures, [&](const future_view& f) { return f.id == event.future; });
            break;
        case trace_kind::clock_advanced:
        case trace_kind::blocked:
        case trace_kind::coroutine_created:
        case trace_kind::line_reached:  // its line and frames are all it says (above)
            break;
    }
}

trace_sink recording::sink() {
    return [this](const trace_event& event) { add(event); };
}

void recording::add(const trace_event& event) {
    events_.push_back(event);
    apply(latest_, event);
    if (events_.size() % keyframe_interval == 0) {
        // A keyframe holds the output's length, not a copy: copies would grow as output x events.
        std::string output = std::move(latest_.output);
        keyframes_.push_back(latest_);
        latest_.output = std::move(output);
        keyframe_output_sizes_.push_back(latest_.output.size());
    }
}

snapshot recording::at(std::size_t event_count) const {
    event_count = std::min(event_count, events_.size());
    const std::size_t keyframe = std::min(event_count / keyframe_interval, keyframes_.size() - 1);
    snapshot state = keyframes_[keyframe];
    state.output.assign(latest_.output, 0, keyframe_output_sizes_[keyframe]);
    for (std::size_t i = keyframe * keyframe_interval; i < event_count; ++i) apply(state, events_[i]);
    return state;
}

snapshot live_snapshot(const event_loop& loop) {
    snapshot state;
    state.time = loop.time();
    if (loop.current_task()) state.running = loop.current_task()->id();
    std::vector<const future_base*> awaited;
    for (const task_base* task : loop.live_tasks()) {
        const bool waiting = task->state() == task_state::waiting;
        state.tasks.push_back({.id = task->id(),
                               .name = task->name(),
                               .state = task->state(),
                               .waiting_on = waiting ? task->paused_on_text() : "",
                               .outcome = task->outcome_text(),
                               .line = task->source_line(),
                               .future = task->as_future().id()});
        if (waiting) awaited.push_back(task->waiting_on());
    }
    for (auto& entry : loop.ready_view()) state.ready.push_back({entry.handle, entry.task, 0, entry.label});
    for (auto& entry : loop.timers_view()) state.timers.push_back({entry.handle, entry.task, entry.when, entry.label});
    add_awaited_futures(state, std::move(awaited));
    return state;
}

}  // namespace loopstep

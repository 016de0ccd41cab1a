// Folding trace events into snapshots, with keyframes for fast scrubbing (pairs with recording.hpp).
#include "loopstep/recording.hpp"

#include <algorithm>

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
}  // namespace

const task_view* snapshot::find_task(task_id id) const {
    for (const auto& task : tasks) {
        if (task.id == id) return &task;
    }
    return nullptr;
}

void apply(snapshot& state, const trace_event& event) {
    ++state.event_count;
    state.time = event.time;
    switch (event.kind) {
        case trace_kind::task_created:
            state.tasks.push_back({.id = event.task, .name = event.detail, .state = task_state::scheduled, .waiting_on = {}, .outcome = {}});
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
            break;
        case trace_kind::task_suspended:
            state.running = 0;
            set_state(state, event.task, task_state::waiting, event.detail);
            break;
        case trace_kind::task_yielded:
            state.running = 0;
            set_state(state, event.task, task_state::scheduled);
            break;
        case trace_kind::task_completed:
            state.running = 0;
            set_state(state, event.task, task_state::finished, {}, event.detail);
            break;
        case trace_kind::task_failed:
            state.running = 0;
            set_state(state, event.task, task_state::failed, {}, event.detail);
            break;
        case trace_kind::task_cancelled:
            state.running = 0;
            set_state(state, event.task, task_state::cancelled, {}, event.detail);
            break;
        case trace_kind::timer_set: {
            pending_callback timer{event.handle, event.task, event.time_value, event.detail};
            auto position = std::find_if(state.timers.begin(), state.timers.end(), [&](const pending_callback& t) {
                return t.when > timer.when || (t.when == timer.when && t.handle > timer.handle);
            });
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
        case trace_kind::clock_advanced:
        case trace_kind::blocked:
            break;
    }
}

trace_sink recording::sink() {
    return [this](const trace_event& event) { add(event); };
}

void recording::add(const trace_event& event) {
    events_.push_back(event);
    apply(latest_, event);
    if (events_.size() % keyframe_interval == 0) keyframes_.push_back(latest_);
}

snapshot recording::at(std::size_t event_count) const {
    event_count = std::min(event_count, events_.size());
    const std::size_t keyframe = std::min(event_count / keyframe_interval, keyframes_.size() - 1);
    snapshot state = keyframes_[keyframe];
    for (std::size_t i = keyframe * keyframe_interval; i < event_count; ++i) apply(state, events_[i]);
    return state;
}

snapshot live_snapshot(const event_loop& loop) {
    snapshot state;
    state.time = loop.time();
    if (loop.current_task()) state.running = loop.current_task()->id();
    for (const task_base* task : loop.live_tasks()) {
        state.tasks.push_back({.id = task->id(),
                               .name = task->name(),
                               .state = task->state(),
                               .waiting_on = task->state() == task_state::waiting ? task->waiting_on_text() : "",
                               .outcome = task->outcome_text()});
    }
    for (auto& entry : loop.ready_view()) state.ready.push_back({entry.handle, entry.task, 0, entry.label});
    for (auto& entry : loop.timers_view()) state.timers.push_back({entry.handle, entry.task, entry.when, entry.label});
    return state;
}

}  // namespace loopstep

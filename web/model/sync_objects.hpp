// What the loop panel and the page's state() show of the program's Queues, Events, Locks,
// Semaphores and Conditions at the cursor: built from the recording's sync views (trace.hpp's
// sync_view, kept in snapshot::sync_objects), no UI here. Pairs with sync_objects.cpp.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "loopstep/recording.hpp"

namespace loopstep::web {

struct shown_sync_object {
    std::string heading;             // "q: Queue(maxsize=2), line 12"
    std::string state;               // "2 items, full: 'job 1', 'job 2'", "set", "locked by worker-2"
    std::vector<std::string> waits;  // "waiting in get(): consumer-1, consumer-2", one line per kind of wait
    bool operator==(const shown_sync_object&) const = default;
};

// Each object of `view` in creation order; item reprs cut to `item_width` characters each.
std::vector<shown_sync_object> sync_objects_shown(const snapshot& view, std::size_t item_width = 40);

// The name of task `id` in `view` ("" if it is not there).
std::string task_name(const snapshot& view, task_id id);

}  // namespace loopstep::web

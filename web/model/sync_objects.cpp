// The loop panel's synchronisation objects: each sync view put into words. Pairs with sync_objects.hpp.
#include "model/sync_objects.hpp"

namespace loopstep::web {
namespace {

std::string plural(std::size_t n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); }

// "consumer-1, consumer-2 and 3 more": the tasks shown, and how many the view left out.
std::string task_list(const snapshot& view, const std::vector<task_id>& tasks, std::size_t count) {
    std::string text;
    for (task_id id : tasks) {
        const std::string name = task_name(view, id);
        text += (text.empty() ? "" : ", ") + (name.empty() ? "task " + std::to_string(id) : name);
    }
    if (count > tasks.size()) text += " and " + std::to_string(count - tasks.size()) + " more";
    return text;
}

void add_wait(std::vector<std::string>& waits, const snapshot& view, const char* where, const std::vector<task_id>& tasks,
              std::size_t count) {
    if (count > 0) waits.push_back(std::string("waiting ") + where + ": " + task_list(view, tasks, count));
}

std::string heading(const sync_view& object) {
    std::string text = object.name + ": " + object.kind + "(";
    if (object.kind.find("Queue") != std::string::npos && object.value > 0) text += "maxsize=" + std::to_string(object.value);
    text += ")";
    if (object.line > 0) text += ", line " + std::to_string(object.line);
    return text;
}

// An item cut to `width` characters: fold_value's "(N items)" would read as the queue's count.
std::string cut(const std::string& item, std::size_t width) {
    if (item.size() <= width) return item;
    return item.substr(0, width > 3 ? width - 3 : 0) + "...";
}

std::string queue_state(const sync_view& object, std::size_t item_width) {
    if (object.size == 0) return "empty";
    std::string text = plural(object.size, "item", "items") + (object.flag ? ", full: " : ": ");
    for (std::size_t i = 0; i < object.items.size(); ++i) text += (i ? ", " : "") + cut(object.items[i], item_width);
    if (object.size > object.items.size()) text += " and " + std::to_string(object.size - object.items.size()) + " more";
    return text;
}

std::string holder(const snapshot& view, const sync_view& object) {
    if (!object.flag) return "unlocked";
    const std::string name = task_name(view, object.owner);
    return name.empty() ? "locked" : "locked by " + name;
}

}  // namespace

std::string task_name(const snapshot& view, task_id id) {
    const task_view* task = view.find_task(id);
    return task != nullptr ? task->name : std::string();
}

std::vector<shown_sync_object> sync_objects_shown(const snapshot& view, std::size_t item_width) {
    std::vector<shown_sync_object> shown;
    for (const sync_view& object : view.sync_objects) {
        shown_sync_object line{.heading = heading(object), .state = {}, .waits = {}};
        if (object.kind.find("Queue") != std::string::npos) {
            line.state = queue_state(object, item_width);
            const std::int64_t got = object.unfinished - std::int64_t(object.size);
            if (got > 0) line.state += "; " + plural(std::size_t(got), "item got, not task_done() yet", "items got, not task_done() yet");
            add_wait(line.waits, view, "in get()", object.waiters, object.waiting);
            add_wait(line.waits, view, "in put()", object.blocked, object.blocked_count);
        } else if (object.kind == "Event") {
            line.state = object.flag ? "set" : "not set";
            add_wait(line.waits, view, "in wait()", object.waiters, object.waiting);
        } else if (object.kind.find("Semaphore") != std::string::npos) {
            line.state = "value " + std::to_string(object.value) + (object.flag ? ": acquire() waits" : "");
            add_wait(line.waits, view, "in acquire()", object.waiters, object.waiting);
        } else if (object.kind == "Condition") {
            line.state = holder(view, object);
            add_wait(line.waits, view, "in wait()", object.waiters, object.waiting);
            add_wait(line.waits, view, "for the lock", object.blocked, object.blocked_count);
        } else {
            line.state = holder(view, object);
            add_wait(line.waits, view, "in acquire()", object.waiters, object.waiting);
        }
        shown.push_back(std::move(line));
    }
    return shown;
}

}  // namespace loopstep::web

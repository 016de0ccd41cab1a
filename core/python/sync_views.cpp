// The program's asyncio Queues, Events, Locks, Semaphores and Conditions as the trace shows
// them (trace.hpp's sync_view): registered when made, named by the variable the program binds
// them to, re-read only when their change count moved. Pairs with interpreter.hpp.
#include "interpreter.hpp"

#include "frame.hpp"

namespace loopstep::python {

namespace {

// How much of one object a view holds: a queue of thousands of items or an Event with
// thousands of waiters costs the same as a small one (the counts say how many there are).
constexpr std::size_t max_items = 20;
constexpr std::size_t max_waiters = 20;

const char* class_name(const object& o) {
    switch (o.kind) {
        case object_kind::queue: {
            const queue_order order = static_cast<const queue_object&>(o).primitive.order();
            return order == queue_order::priority ? "PriorityQueue" : order == queue_order::lifo ? "LifoQueue" : "Queue";
        }
        case object_kind::event: return "Event";
        case object_kind::lock: return "Lock";
        case object_kind::semaphore: return static_cast<const semaphore_object&>(o).primitive.bounded() ? "BoundedSemaphore" : "Semaphore";
        case object_kind::condition: return "Condition";
        default: return "";
    }
}

std::uint64_t changes_of(const object& o) {
    switch (o.kind) {
        case object_kind::queue: return static_cast<const queue_object&>(o).primitive.changes();
        case object_kind::event: return static_cast<const event_object&>(o).primitive.changes();
        case object_kind::lock: return static_cast<const lock_object&>(o).primitive.changes();
        case object_kind::semaphore: return static_cast<const semaphore_object&>(o).primitive.changes();
        case object_kind::condition: return static_cast<const condition_object&>(o).primitive.changes();
        default: return 0;
    }
}

// The tasks still waiting in `waiters` (a woken one is ready, not waiting): how many, and
// the first few.
void add_waiting(const detail::waiter_queue& waiters, std::vector<task_id>& shown, std::size_t& count) {
    for (std::size_t i = 0; i < waiters.size(); ++i) {
        if (waiters[i]->done()) continue;
        ++count;
        if (shown.size() < max_waiters) shown.push_back(waiters.tasks[i]);
    }
}

// The name a store instruction at `at` gives the value on top of the stack, if it is one;
// `self.lock = Lock()` loads `self` first, then stores the attribute.
std::string stored_name(const frame& caller, std::size_t at) {
    const code_object& code = *caller.code;
    if (at >= code.instructions.size()) return {};
    const instruction& ins = code.instructions[at];
    const auto index = std::size_t(ins.arg);
    const function_def* definition = code.definition;
    switch (ins.op) {
        case opcode::store_fast:
        case opcode::store_cell:
            return definition && index < definition->locals.size() ? definition->locals[index] : std::string();
        case opcode::store_free:
            return definition && index < definition->free_names.size() ? definition->free_names[index] : std::string();
        case opcode::store_global:
        case opcode::store_name: return index < code.names.size() ? code.names[index] : std::string();
        case opcode::load_fast: {
            if (at + 1 >= code.instructions.size() || code.instructions[at + 1].op != opcode::store_attr) return {};
            const auto attribute = std::size_t(code.instructions[at + 1].arg);
            if (!definition || index >= definition->locals.size() || attribute >= code.names.size()) return {};
            return definition->locals[index] + "." + code.names[attribute];
        }
        default: return {};
    }
}

}  // namespace

void interpreter::note_sync_object_made(const object_ptr& made) {
    if (!loop_.tracing() || !is_sync_object(value::of(made))) return;
    const std::string kind = class_name(*made);
    const std::size_t of_kind = ++sync_objects_per_class_[kind];
    sync_objects_.push_back({.held = made,
                             .raw = made.get(),
                             .id = ++sync_objects_made_,
                             .name = kind + " #" + std::to_string(of_kind),
                             .line = call_line_,
                             .named = false,
                             .shown = false,
                             .seen_changes = 0});
}

void interpreter::name_sync_object(const frame& caller, const value& made) {
    for (auto it = sync_objects_.rbegin(); it != sync_objects_.rend(); ++it) {
        if (it->raw != made.as_object().get()) continue;
        if (it->named) return;
        // No store right after (`return Lock()`, a list's item): a later builtin call giving it back may name it.
        if (std::string name = stored_name(caller, caller.ip); !name.empty()) {
            it->name = std::move(name);
            it->named = true;
            it->shown = false;  // shown again, under its name
        }
        return;
    }
}

// Asked at every traced event: a look at each object's change count, and a view of the
// few that changed.
std::vector<sync_view> interpreter::changed_sync_views() {
    std::vector<sync_view> changed;
    bool freed = false;
    for (auto& entry : sync_objects_) {
        if (entry.held.expired()) {  // freed: the viewer drops it
            if (entry.shown) changed.push_back({.id = entry.id});
            freed = true;
            continue;
        }
        const std::uint64_t changes = changes_of(*entry.raw);
        if (entry.shown && changes == entry.seen_changes) continue;
        entry.seen_changes = changes;
        sync_view view = sync_view_of(entry, *entry.raw);
        if (entry.shown && view == entry.last) continue;  // waiters woken and gone: the same view
        entry.shown = true;
        entry.last = view;
        changed.push_back(std::move(view));
    }
    if (freed) std::erase_if(sync_objects_, [](const sync_entry& entry) { return entry.held.expired(); });
    return changed;
}

sync_view interpreter::sync_view_of(const sync_entry& entry, const object& o) {
    sync_view view{.id = entry.id, .kind = class_name(o), .name = entry.name, .line = entry.line};
    switch (o.kind) {
        case object_kind::queue: {
            const auto& q = static_cast<const queue_object&>(o).primitive;
            view.value = std::int64_t(q.maxsize());
            view.unfinished = std::int64_t(q.unfinished_tasks());
            view.size = q.qsize();
            for (const value& item : q.items()) {
                if (view.items.size() >= max_items) break;
                view.items.push_back(short_repr(item));
            }
            view.flag = q.full();
            add_waiting(q.getters(), view.waiters, view.waiting);
            add_waiting(q.putters(), view.blocked, view.blocked_count);
            break;
        }
        case object_kind::event: {
            const auto& e = static_cast<const event_object&>(o).primitive;
            view.flag = e.is_set();
            add_waiting(e.waiters(), view.waiters, view.waiting);
            break;
        }
        case object_kind::lock: {
            const auto& l = static_cast<const lock_object&>(o).primitive;
            view.flag = l.locked();
            view.owner = l.owner();
            add_waiting(l.waiters(), view.waiters, view.waiting);
            break;
        }
        case object_kind::semaphore: {
            const auto& s = static_cast<const semaphore_object&>(o).primitive;
            view.flag = s.locked();
            view.value = s.value();
            add_waiting(s.waiters(), view.waiters, view.waiting);
            break;
        }
        case object_kind::condition: {
            const auto& c = static_cast<const condition_object&>(o);
            view.flag = c.primitive.locked();
            view.owner = c.lock->primitive.owner();
            add_waiting(c.primitive.waiters(), view.waiters, view.waiting);
            // Tasks waiting to take the lock back after a notify, or to enter `async with`.
            add_waiting(c.lock->primitive.waiters(), view.blocked, view.blocked_count);
            break;
        }
        default: break;
    }
    return view;
}

}  // namespace loopstep::python

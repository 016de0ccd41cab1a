// The reprs of asyncio's synchronisation primitives and queues as CPython 3.11 prints them,
// with a made-up address as an instance's default repr has (default_instance_repr):
// "<asyncio.locks.Lock object at 0x7f0000000010 [unlocked]>", "<Queue at 0x... maxsize=0 tasks=1>".
#include <cstdio>

#include "interpreter.hpp"

namespace loopstep::python {

namespace {

std::string made_up_address(std::uint64_t number) {
    char address[32];
    std::snprintf(address, sizeof address, "0x%llx", static_cast<unsigned long long>(0x7f0000000000ull + number * 0x10));
    return address;
}

// The core's "<asyncio.locks.X object [...]>" with the address after "object".
std::string with_address(std::string text, std::uint64_t number) {
    const std::string marker = " object";
    const std::size_t at = text.find(marker);
    if (at != std::string::npos) text.insert(at + marker.size(), " at " + made_up_address(number));
    return text;
}

}  // namespace

std::string interpreter::queue_text(const object& o, bool with_address_part) {
    auto& q = static_cast<const queue_object&>(o);
    const auto& primitive = q.primitive;
    const char* kind = primitive.order() == queue_order::priority ? "PriorityQueue" : primitive.order() == queue_order::lifo ? "LifoQueue" : "Queue";
    std::string text = std::string("<") + kind + (with_address_part ? " at " + made_up_address(q.number) : "");
    text += " maxsize=" + std::to_string(primitive.maxsize());
    if (!primitive.empty()) {
        std::string items;
        for (const value& item : primitive.items()) {
            if (!items.empty()) items += ", ";
            if (!repr_within_budget(items.size())) {
                items += "...";  // too large to show (as join_reprs stops)
                break;
            }
            items += repr(item);
        }
        text += " _queue=[" + items + "]";
    }
    if (primitive.waiting_getters()) text += " _getters[" + std::to_string(primitive.waiting_getters()) + "]";
    if (primitive.waiting_putters()) text += " _putters[" + std::to_string(primitive.waiting_putters()) + "]";
    if (primitive.unfinished_tasks()) text += " tasks=" + std::to_string(primitive.unfinished_tasks());
    return text + ">";
}

std::string interpreter::sync_primitive_repr(const object& o) {
    switch (o.kind) {
        case object_kind::lock: return with_address(static_cast<const lock_object&>(o).primitive.to_string(), static_cast<const lock_object&>(o).number);
        case object_kind::event: return with_address(static_cast<const event_object&>(o).primitive.to_string(), static_cast<const event_object&>(o).number);
        case object_kind::semaphore:
            return with_address(static_cast<const semaphore_object&>(o).primitive.to_string(), static_cast<const semaphore_object&>(o).number);
        case object_kind::condition:
            return with_address(static_cast<const condition_object&>(o).primitive.to_string(), static_cast<const condition_object&>(o).number);
        case object_kind::barrier:
            return with_address(static_cast<const barrier_object&>(o).primitive.to_string(), static_cast<const barrier_object&>(o).number);
        case object_kind::queue: return queue_text(o, true);
        default: return "<object>";
    }
}

}  // namespace loopstep::python

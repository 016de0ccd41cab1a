// asyncio's Condition, Barrier, BoundedSemaphore, PriorityQueue and LifoQueue (the ones
// module_asyncio.cpp does not define), built on loopstep_core's primitives.
#include "asyncio_parts.hpp"

namespace loopstep::python {

namespace {

using arguments_t = call_arguments;

coro<value> condition_acquire(std::shared_ptr<condition_object> c) {
    co_await c->primitive.acquire();
    co_return value::boolean(true);
}

coro<value> condition_wait(interpreter& in, std::shared_ptr<condition_object> c) {
    try {
        co_return value::boolean(co_await c->primitive.wait());
    } catch (...) {
        co_return in.from_cpp_exception(std::current_exception());
    }
}

// Condition.wait_for(predicate): the predicate is Python code, so it is called here (it may
// raise) rather than in the core's wait_for, with the same checks in the same order.
coro<value> condition_wait_for(interpreter& in, std::shared_ptr<condition_object> c, value predicate) {
    call_arguments none;
    value result = in.call(predicate, none);
    while (!result.is_raised() && !in.truthy(result)) {
        value woken = co_await condition_wait(in, c);
        if (woken.is_raised()) co_return woken;
        call_arguments again;
        result = in.call(predicate, again);
    }
    co_return result;
}

coro<value> barrier_wait(interpreter& in, std::shared_ptr<barrier_object> b) {
    try {
        co_return value::integer(co_await b->primitive.wait());
    } catch (...) {
        co_return in.from_cpp_exception(std::current_exception());
    }
}

coro<value> barrier_reset(std::shared_ptr<barrier_object> b, bool abort) {
    if (abort) co_await b->primitive.abort();
    else co_await b->primitive.reset();
    co_return value();
}

value make_condition(interpreter& in, arguments_t& args) {
    value lock = args.take("lock", value());
    CHECK(count_check(in, args, "Condition", 0, 1));
    if (!args.positional.empty()) lock = args.positional[0];
    std::shared_ptr<lock_object> shared;
    if (lock.is_none()) {
        shared = make_object<lock_object>(in.loop());
        shared->number = in.next_object_number();
    } else if (lock.as<lock_object>()) shared = std::static_pointer_cast<lock_object>(lock.as_object());
    else return in.raise_type_error("Condition(lock): a lock from asyncio.Lock() is expected, got " + in.repr(lock));
    return new_primitive<condition_object>(in, in.loop(), std::move(shared));
}

value make_barrier(interpreter& in, arguments_t& args) {
    value parties = args.take("parties", value::unbound());
    if (!parties.is_unbound()) args.positional.insert(args.positional.begin(), parties);
    CHECK(count_check(in, args, "Barrier", 1, 1));
    const value& n = args.positional[0];
    if (!n.is_int_like()) return in.raise_type_error("'<' not supported between instances of '" + in.type_name(n) + "' and 'int'");
    if (n.as_int() < 1) return in.raise_value_error("parties must be > 0");
    return new_primitive<barrier_object>(in, in.loop(), long(n.as_int()));
}

value make_bounded_semaphore(interpreter& in, arguments_t& args) {
    value initial = args.take("value", value::integer(1));
    CHECK(count_check(in, args, "BoundedSemaphore", 0, 1));
    if (!args.positional.empty()) initial = args.positional[0];
    if (!initial.is_int_like()) return in.raise_type_error("'<' not supported between instances of '" + in.type_name(initial) + "' and 'int'");
    if (initial.as_int() < 0) return in.raise_value_error("Semaphore initial value must be >= 0");
    return new_primitive<semaphore_object>(in, in.loop(), int(initial.as_int()), true);
}

value make_queue(interpreter& in, arguments_t& args, queue_order order, const char* name) {
    value maxsize = args.take("maxsize", value::integer(0));
    CHECK(count_check(in, args, name, 0, 1));
    if (!args.positional.empty()) maxsize = args.positional[0];
    if (!maxsize.is_int_like()) return in.raise_type_error("'" + in.type_name(maxsize) + "' object cannot be interpreted as an integer");
    queue<value>::less_than less;
    if (order == queue_order::priority) {
        interpreter* owner = &in;
        // Python's `<` on the items; a failed comparison (TypeError) ends the put or get with it.
        less = [owner](const value& a, const value& b) {
            value smaller = owner->compare(compare_op::less, a, b);
            if (smaller.is_raised()) owner->throw_as_cpp(smaller);
            return owner->truthy(smaller);
        };
    }
    return new_primitive<queue_object>(in, in.loop(), std::size_t(std::max<std::int64_t>(0, maxsize.as_int())), order, std::move(less));
}

value condition_attribute(const value& object, const std::string& name, bool& found) {
    auto c = std::static_pointer_cast<condition_object>(object.as_object());
    if (name == "acquire") return method(name, [c](interpreter&, arguments_t&) { return native("Condition.acquire", [c] { return condition_acquire(c); }); }, object);
    if (name == "release") return method(name, [c](interpreter& in, arguments_t&) { return guarded(in, [&] { c->primitive.release(); return value(); }); }, object);
    if (name == "locked") return method(name, [c](interpreter&, arguments_t&) { return value::boolean(c->primitive.locked()); }, object);
    if (name == "wait") {
        return method(name, [c](interpreter& in, arguments_t&) {
            interpreter* owner = &in;
            return native("Condition.wait", [owner, c] { return condition_wait(*owner, c); });
        }, object);
    }
    if (name == "wait_for") {
        return method(name, [c](interpreter& in, arguments_t& args) -> value {
            CHECK(count_check(in, args, "wait_for", 2, 2));
            interpreter* owner = &in;
            value predicate = args.positional[1];
            return native("Condition.wait_for", [owner, c, predicate] { return condition_wait_for(*owner, c, predicate); });
        }, object);
    }
    if (name == "notify") {
        return method(name, [c](interpreter& in, arguments_t& args) -> value {
            value n = args.take("n", value::integer(1));
            CHECK(count_check(in, args, "notify", 1, 2));
            if (args.positional.size() == 2) n = args.positional[1];
            if (!n.is_int_like()) return in.raise_type_error("'>=' not supported between instances of 'int' and '" + in.type_name(n) + "'");
            return guarded(in, [&] { c->primitive.notify(std::size_t(std::max<std::int64_t>(0, n.as_int()))); return value(); });
        }, object);
    }
    if (name == "notify_all") return method(name, [c](interpreter& in, arguments_t&) { return guarded(in, [&] { c->primitive.notify_all(); return value(); }); }, object);
    found = false;
    return value();
}

value barrier_attribute(const value& object, const std::string& name, bool& found) {
    auto b = std::static_pointer_cast<barrier_object>(object.as_object());
    if (name == "wait") {
        return method(name, [b](interpreter& in, arguments_t&) {
            interpreter* owner = &in;
            return native("Barrier.wait", [owner, b] { return barrier_wait(*owner, b); });
        }, object);
    }
    if (name == "reset") return method(name, [b](interpreter&, arguments_t&) { return native("Barrier.reset", [b] { return barrier_reset(b, false); }); }, object);
    if (name == "abort") return method(name, [b](interpreter&, arguments_t&) { return native("Barrier.abort", [b] { return barrier_reset(b, true); }); }, object);
    if (name == "parties") return value::integer(b->primitive.parties());
    if (name == "n_waiting") return value::integer(b->primitive.n_waiting());
    if (name == "broken") return value::boolean(b->primitive.broken());
    found = false;
    return value();
}

}  // namespace

void add_asyncio_sync(interpreter& in, module_object& module) {
    auto& a = module.attributes;
    const auto& t = in.types();
    auto constructor = [](const type_ptr& type, native_function construct) {
        type->construct = std::move(construct);
        return value::of(type);
    };
    a["Condition"] = constructor(t.condition, make_condition);
    a["Barrier"] = constructor(t.barrier, make_barrier);
    a["BrokenBarrierError"] = value::of(t.broken_barrier_error);
    a["BoundedSemaphore"] = constructor(t.bounded_semaphore, make_bounded_semaphore);
    a["PriorityQueue"] = constructor(t.priority_queue, [](interpreter& in, arguments_t& args) { return make_queue(in, args, queue_order::priority, "PriorityQueue"); });
    a["LifoQueue"] = constructor(t.lifo_queue, [](interpreter& in, arguments_t& args) { return make_queue(in, args, queue_order::lifo, "LifoQueue"); });
}

value asyncio_sync_attribute(const value& object, const std::string& name, bool& found) {
    found = true;
    if (object.as<condition_object>()) return condition_attribute(object, name, found);
    if (object.as<barrier_object>()) return barrier_attribute(object, name, found);
    found = false;
    return value();
}

std::vector<std::string> asyncio_sync_attribute_names(const value& object) {
    if (object.as<condition_object>()) return {"acquire", "locked", "notify", "notify_all", "release", "wait", "wait_for"};
    if (object.as<barrier_object>()) return {"abort", "broken", "n_waiting", "parties", "reset", "wait"};
    return {};
}

}  // namespace loopstep::python

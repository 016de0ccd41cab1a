// repr(), str() and truth values of Python values (pairs with interpreter.hpp).
#include "format.hpp"
#include "bytes_object.hpp"
#include "classes.hpp"
#include "generators.hpp"
#include "interpreter.hpp"
#include "frame.hpp"

#include <algorithm>

namespace loopstep::python {

namespace {
std::string join_reprs(interpreter& in, const std::vector<value>& items) {
    std::string text;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) text += ", ";
        if (!in.repr_within_budget(text.size())) {
            text += "...";  // a structure too large to show: stop instead of freezing the tab
            break;
        }
        text += in.repr(items[i]);
    }
    return text;
}

std::string exception_str(interpreter& in, const exception_object& e) {
    if (!e.group.empty()) {
        std::string message = e.args.empty() ? std::string() : in.str(e.args[0]);
        const auto count = e.group.size();
        return message + " (" + std::to_string(count) + " sub-exception" + (count == 1 ? "" : "s") + ")";
    }
    if (e.args.empty()) return "";
    if (e.args.size() == 1) {
        // KeyError shows its key as a repr: KeyError('missing')
        return e.type->name == "KeyError" ? in.repr(e.args[0]) : in.str(e.args[0]);
    }
    return "(" + join_reprs(in, e.args) + ")";
}

std::string task_state_text(const task_base& task) {
    const future_base& f = task.as_future();
    if (f.cancelled()) return "cancelled";
    if (f.done()) return "finished";
    return "pending";
}
}  // namespace

std::string interpreter::repr(const value& v) {
    if (repr_depth_ == 0) repr_spent_ = 0;
    struct depth_scope {
        int& depth;
        explicit depth_scope(int& d) : depth(d) { ++depth; }
        ~depth_scope() { --depth; }
    } scope(repr_depth_);
    if (is_nestable(v)) return nested_repr(v);
    return object_repr(v);
}

namespace {
// A list, tuple or dict being printed by nested_repr: its items are printed one by one.
struct open_container {
    const object* self;
    const std::vector<value>* items = nullptr;  // a list's or tuple's
    const dict_object* dict = nullptr;
    std::size_t next = 0;  // the next item, or for a dict the next entry's key (2k) or value (2k+1)
    bool started = false;  // something is printed inside: the next item needs a separator
    const char* close;
};

// The next value of a container being printed (a dict gives key, value, key, ...), or null.
const value* next_item(open_container& c) {
    if (c.items) return c.next < c.items->size() ? &(*c.items)[c.next++] : nullptr;
    const auto& entries = c.dict->entries;
    std::size_t entry = c.next / 2;
    if (c.next % 2 == 0) {
        while (entry < entries.size() && !entries[entry].alive) ++entry;
        if (entry >= entries.size()) return nullptr;
        c.next = entry * 2 + 1;
        return &entries[entry].key;
    }
    ++c.next;
    return &entries[entry].item;
}
}  // namespace

// Lists, tuples and dicts nest without bound in learners' data: they are printed with an
// explicit stack, so depth costs heap, not the (browser's small) native stack. Depth past the
// recursion limit is CPython's RecursionError; a container inside itself prints as [...].
std::string interpreter::nested_repr(const value& root) {
    std::vector<open_container> open;
    std::string text;
    auto enter = [&](const value& v) {
        if (!is_nestable(v)) {
            repr_depth_ += int(open.size());  // a set or an exception nests its own reprs below here
            text += object_repr(v);
            repr_depth_ -= int(open.size());
            return;
        }
        const object* self = v.as_object().get();
        if (repr_depth_ + int(open.size()) + running_stack_depth() > options_.recursion_limit) {
            repr_too_deep_ = true;  // reported as RecursionError by the call that asked (take_repr_error)
            text += "...";
            return;
        }
        const bool active = std::find(repr_active_.begin(), repr_active_.end(), self) != repr_active_.end();
        if (auto* list = v.as<list_object>()) {
            text += active ? "[...]" : "[";
            if (!active) open.push_back({.self = self, .items = &list->items, .close = "]"});
        } else if (auto* tuple = v.as<tuple_object>()) {
            text += active ? "(...)" : "(";
            if (!active) open.push_back({.self = self, .items = &tuple->items, .close = tuple->items.size() == 1 ? ",)" : ")"});
        } else {
            text += active ? "{...}" : "{";
            if (!active) open.push_back({.self = self, .dict = v.as<dict_object>(), .close = "}"});
        }
        if (!active) repr_active_.push_back(self);
    };
    enter(root);
    while (!open.empty()) {
        open_container& top = open.back();
        const value* item = next_item(top);
        if (item) {
            const bool dict_value = top.dict && top.next % 2 == 0;
            if (top.started) text += dict_value ? ": " : ", ";
            top.started = true;
            if (repr_spent_ + text.size() <= repr_budget_) {
                enter(*item);
                continue;
            }
            text += "...";  // a structure too large to show: stop instead of freezing the tab
        }
        text += top.close;
        repr_active_.pop_back();
        open.pop_back();
    }
    repr_spent_ += text.size();
    return text;
}


std::string interpreter::object_repr(const value& v) {
    switch (v.type()) {
        case value::kind::none: return "None";
        case value::kind::boolean: return v.as_bool() ? "True" : "False";
        case value::kind::integer: return int_repr(v.as_int());
        case value::kind::floating: return float_repr(v.as_float());
        case value::kind::unbound: return "<unbound>";
        case value::kind::raised:
        case value::kind::object: break;
    }
    const object& o = *v.as_object();
    if (auto* t = v.as<tuple_object>(); t && t->named_type) return named_tuple_repr(*this, *t);
    if (auto* d = v.as<dict_object>(); d && d->subtype) return dict_subtype_repr(*this, v);
    switch (o.kind) {
        case object_kind::str: return str_repr(static_cast<const str_object&>(o).value);
        case object_kind::bytes: return bytes_repr(static_cast<const bytes_object&>(o).value);
        case object_kind::list:
        case object_kind::tuple:
        case object_kind::dict: return nested_repr(v);
        case object_kind::dict_view: {
            auto& view = static_cast<const dict_view_object&>(o);
            static const char* names[] = {"dict_keys", "dict_values", "dict_items"};
            std::vector<value> items;
            to_list(v, items);
            return std::string(names[int(view.which)]) + "(" + "[" + join_reprs(*this, items) + "])";
        }
        case object_kind::set: {
            auto members = static_cast<const set_object&>(o).members();
            if (members.empty()) return "set()";
            return "{" + join_reprs(*this, members) + "}";
        }
        case object_kind::range: {
            auto& r = static_cast<const range_object&>(o);
            return "range(" + std::to_string(r.start) + ", " + std::to_string(r.stop) +
                   (r.step == 1 ? "" : ", " + std::to_string(r.step)) + ")";
        }
        case object_kind::slice: {
            auto& s = static_cast<const slice_object&>(o);
            return "slice(" + repr(s.lower) + ", " + repr(s.upper) + ", " + repr(s.step) + ")";
        }
        case object_kind::exception: {
            auto& e = static_cast<const exception_object&>(o);
            if (value text = special_repr(*this, v, false); !text.is_unbound()) return text.as<str_object>()->value;
            return e.type->name + "(" + join_reprs(*this, e.args) + ")";
        }
        case object_kind::function:
            return "<function " + static_cast<const function_object&>(o).qualified_name + ">";
        case object_kind::builtin_function: return "<built-in function " + static_cast<const builtin_function_object&>(o).name + ">";
        case object_kind::type: {
            auto& t = static_cast<const type_object&>(o);
            return "<class '" + (t.module == "__main__" ? "__main__." + t.name : t.qualified_name()) + "'>";
        }
        case object_kind::module: return "<module '" + static_cast<const module_object&>(o).name + "'>";
        case object_kind::coroutine:
            return "<coroutine object " + static_cast<const coroutine_object&>(o).function->qualified_name + ">";
        case object_kind::native_coroutine: return "<coroutine object " + static_cast<const native_coroutine_object&>(o).name + ">";
        case object_kind::generator:
        case object_kind::generator_step:
        case object_kind::generator_context_manager: return generator_repr(o);
        case object_kind::task: {
            auto& t = *static_cast<const task_object&>(o).task;
            std::string text = "<Task " + task_state_text(t) + " name='" + t.name() + "'" +
                               coroutine_text(static_cast<const task_object&>(o)) + waiting_text(t);
            if (t.status() == future_status::finished) {
                text += t.failed() ? " exception=" + exception_repr(t.stored_error()) : " result=" + repr(const_cast<task<value>&>(t).result());
            }
            return text + ">";
        }
        case object_kind::future: {
            auto& f = *static_cast<const future_object&>(o).future;
            std::string text = std::string("<Future ") + (f.cancelled() ? "cancelled" : f.done() ? "finished" : "pending");
            if (f.status() == future_status::finished) {
                text += f.failed() ? " exception=" + exception_repr(f.stored_error()) : " result=" + repr(const_cast<future<value>&>(f).result());
            }
            return text + ">";
        }
        case object_kind::condition:
        case object_kind::barrier:
        case object_kind::queue:
        case object_kind::event:
        case object_kind::lock:
        case object_kind::semaphore: return sync_primitive_repr(o);
        case object_kind::runner: return "<asyncio.runners.Runner object>";
        case object_kind::timeout: {
            auto& t = static_cast<const timeout_object&>(o);
            return t.scope ? t.scope->to_string() : "<Timeout [created]>";
        }
        case object_kind::task_group: return static_cast<const task_group_object&>(o).group.to_string();
        case object_kind::loop: {
            auto& l = static_cast<const loop_object&>(o);
            return std::string("<_UnixSelectorEventLoop running=") + (l.loop.is_running() && !l.closed ? "True" : "False") +
                   " closed=" + (l.closed ? "True" : "False") + " debug=False>";
        }
        case object_kind::iterator: return "<" + static_cast<const iterator_object&>(o).type_name + " object>";
        case object_kind::cell: return "<cell>";
        case object_kind::instance:
        case object_kind::method:
        case object_kind::super_proxy:
        case object_kind::class_member: return class_object_repr(*this, v);
        case object_kind::big_int: return static_cast<const big_int_object&>(o).number.to_decimal();
        case object_kind::native: return const_cast<native_object&>(static_cast<const native_object&>(o)).repr(*this);
    }
    return "<object>";
}

std::string value_text(const value& v) {
    switch (v.type()) {
        case value::kind::none: return "None";
        case value::kind::boolean: return v.as_bool() ? "True" : "False";
        case value::kind::integer: return int_repr(v.as_int());
        case value::kind::floating: return float_repr(v.as_float());
        default: break;
    }
    if (auto* s = v.as<str_object>()) return str_repr(s->value);
    if (auto* b = v.as<bytes_object>()) return bytes_repr(b->value);
    auto items_text = [](const std::vector<value>& items) {
        std::string text;
        for (std::size_t i = 0; i < items.size() && text.size() < 200; ++i) text += (i ? ", " : "") + value_text(items[i]);
        return text;
    };
    if (auto* l = v.as<list_object>()) return "[" + items_text(l->items) + "]";
    if (auto* t = v.as<tuple_object>()) return "(" + items_text(t->items) + (t->items.size() == 1 ? ",)" : ")");
    if (v.is_object()) return "<object>";
    return {};
}

std::string interpreter::str(const value& v) {
    if (auto* s = v.as<str_object>()) return s->value;
    if (value text = special_repr(*this, v, true); !text.is_unbound()) return text.as<str_object>()->value;
    if (auto* e = v.as<exception_object>()) return exception_str(*this, *e);
    if (auto* n = v.as<native_object>()) return n->str(*this);
    if (v.as<queue_object>()) return queue_text(*v.as_object(), false);  // Queue.__str__: no address
    return repr(v);
}

bool interpreter::truthy(const value& v) {
    switch (v.type()) {
        case value::kind::none: return false;
        case value::kind::boolean:
        case value::kind::integer: return v.as_int() != 0;
        case value::kind::floating: return v.as_float() != 0.0;
        default: break;
    }
    const object& o = *v.as_object();
    switch (o.kind) {
        case object_kind::str: return !static_cast<const str_object&>(o).value.empty();
        case object_kind::bytes: return !static_cast<const bytes_object&>(o).value.empty();
        case object_kind::list: return !static_cast<const list_object&>(o).items.empty();
        case object_kind::tuple: return !static_cast<const tuple_object&>(o).items.empty();
        case object_kind::dict: return static_cast<const dict_object&>(o).size() > 0;
        case object_kind::dict_view: return static_cast<const dict_view_object&>(o).dict->size() > 0;
        case object_kind::set: return static_cast<const set_object&>(o).used > 0;
        case object_kind::range: return static_cast<const range_object&>(o).length() > 0;
        case object_kind::instance: {
            // An error in __bool__ or __len__ cannot be raised from here: the value counts as true.
            value truth = special_truth(*this, v);
            return truth.is_bool() ? truth.as_bool() : true;
        }
        case object_kind::native: return static_cast<const native_object&>(o).length().value_or(1) > 0;
        default: return true;
    }
}

}  // namespace loopstep::python

namespace loopstep::python {

std::string interpreter::coroutine_text(const task_object& object) {
    if (object.coroutine_name.empty()) return {};
    const std::string where = options_.filename + ":";
    const task<value>& t = *object.task;
    if (t.done()) return " coro=<" + object.coroutine_name + "() done, defined at " + where + std::to_string(object.defined_at) + ">";
    int line = object.defined_at;  // not started yet: the frame is at its def line
    auto found = task_stacks_.find(t.id());
    if (found != task_stacks_.end() && !found->second->frames.empty() && found->second->frames.front()->ip != 0) {
        line = found->second->frames.front()->line();
    }
    return " coro=<" + object.coroutine_name + "() running at " + where + std::to_string(line) + ">";
}

std::string interpreter::exception_repr(const std::exception_ptr& error) {
    return repr(value::of(from_cpp_exception(error).as_object()));
}

std::string interpreter::waiting_text(const task_base& t) {
    future_base* awaited = t.waiting_on();
    if (!awaited || awaited->done()) return {};
    std::string text = "<Future pending";
    if (auto owner = task_behind<value>(*awaited)) {
        text = repr(task_value(owner));
        text.pop_back();  // its closing '>'
    }
    return " wait_for=" + text + " cb=[Task.task_wakeup()]>";
}

}  // namespace loopstep::python

// The interpreter's runtime: types, exceptions across the core boundary, calls, coroutines
// and tasks (pairs with interpreter.hpp; the VM that runs Python code is in vm.cpp).
#include "interpreter.hpp"
#include "library_modules.hpp"
#include "unsupported_names.hpp"

#include <new>
#include <unordered_set>

#include "frame.hpp"
#include "generators.hpp"

#include "classes.hpp"
#include "vm.hpp"

namespace loopstep::python {

interpreter::interpreter(event_loop& loop, interpreter_options options)
    : loop_(loop), options_(std::move(options)), repr_budget_(options_.max_str_bytes) {
    install_types();
    if (loop_.tracing()) {
        loop_.set_frame_source([this](task_id id) { return frame_views(id); });
        loop_.set_line_source([this] { return running_task_line(); });
        loop_.set_sync_source([this] { return changed_sync_views(); });
        line_events_left_ = options_.line_events;
    }
    builtins_ = std::make_shared<globals_table>();
    install_builtin_functions(*this, *builtins_);
    install_class_builtins(*this, *builtins_);
}

// Empties every container, function and frame reachable from the program's names, so that
// reference cycles (a list holding itself, a function in the globals it sees) are freed.
interpreter::~interpreter() {
    loop_.set_frame_source(nullptr);
    loop_.set_line_source(nullptr);
    loop_.set_sync_source(nullptr);
    task_stacks_.clear();
    std::vector<object_ptr> pending;
    auto take = [&pending](value& v) {
        if (v.is_object() || v.is_raised()) pending.push_back(v.take_object());
    };
    for (auto& globals : module_globals_) {
        for (auto& [_, v] : globals->names) take(v);
        globals->names.clear();
    }
    for (auto& weak : functions_) {
        if (auto function = weak.lock()) pending.push_back(function);
    }
    for (auto& weak : cyclic_) {
        if (auto o = weak.lock()) pending.push_back(o);
    }
    for (auto& [_, module] : modules_) take(module);
    modules_.clear();
    builtins_->names.clear();
    std::unordered_set<const object*> seen;
    while (!pending.empty()) {
        object_ptr next = std::move(pending.back());
        pending.pop_back();
        if (!seen.insert(next.get()).second) continue;
        if (auto* function = object_as<function_object>(next.get())) {
            for (auto& cell : function->closure) pending.push_back(cell);
            for (auto& v : function->defaults) take(v);
            function->closure.clear();
            function->defaults.clear();
            function->globals.reset();
        } else if (auto* module = object_as<module_object>(next.get())) {
            for (auto& [_, v] : module->attributes) take(v);
            module->attributes.clear();
        } else if (auto* generator = object_as<generator_object>(next.get()); generator && generator->frame) {
            for (auto& v : generator->frame->locals) take(v);
            for (auto& v : generator->frame->stack) take(v);
            generator->frame.reset();
        } else if (auto* coroutine = object_as<coroutine_object>(next.get()); coroutine && coroutine->frame) {
            for (auto& v : coroutine->frame->locals) take(v);
            for (auto& v : coroutine->frame->stack) take(v);
            coroutine->frame.reset();
        } else {
            take_children(*next, pending);
        }
    }
}

int interpreter::running_stack_depth() const { return running_stack_ ? running_stack_->depth() : 0; }

namespace {
// 30000000 -> "30,000,000": limits in messages are read, not parsed.
std::string with_thousands(std::uint64_t number) {
    const std::string digits = std::to_string(number);
    std::string grouped;
    for (std::size_t at = 0; at < digits.size(); ++at) {
        if (at > 0 && (digits.size() - at) % 3 == 0) grouped += ',';
        grouped += digits[at];
    }
    return grouped;
}
}  // namespace

void interpreter::write(const std::string& text) {
    if (repr_too_deep_ || repr_failed_.is_raised() || run_stopped()) return;  // cut short: the call raises instead
    output_bytes_ += text.size();
    if (output_bytes_ > options_.limits.output_bytes) {
        stop_run("the program printed more than " + with_thousands(options_.limits.output_bytes) + " bytes, the most one run may print");
        return;
    }
    if (options_.write_output) options_.write_output(text);
    if (call_line_) at_line(call_line_);
    if (loop_.tracing()) {
        task_base* task = loop_.current_task();
        loop_.emit_at_line(call_line_, trace_kind::output, task ? task->id() : 0, 0, 0, text);
    }
}

bool interpreter::fits(std::size_t items, value& error, bool is_str) {
    if (items > (is_str ? options_.max_str_bytes : options_.max_sequence_length)) {
        error = value::raised(make_exception(types_.memory_error, {}).as_object());
        return false;
    }
    // Small growth is left to the periodic check in tick(): asking for memory use costs.
    constexpr std::size_t large = 1 << 20;
    const std::size_t bytes = is_str ? items : items * sizeof(value);
    return bytes < large || memory_allows(bytes, error);
}

namespace {
// Memory use is asked for every this many steps and events, not at each.
constexpr std::uint64_t memory_check_interval = 4096;
}  // namespace

bool interpreter::check_limits(value& error) {
    if (run_stopped()) {
        error = run_limit_error();
        return false;
    }
    if (ticks_ > options_.step_budget) {
        error = raise(types_.step_budget_error,
                      "the program ran " + std::to_string(options_.step_budget) +
                          " steps without reaching an await: is there an endless loop? The loop was stopped.");
        return false;
    }
    if (run_ticks_ > options_.limits.steps) {
        stop_run("the program ran " + with_thousands(options_.limits.steps) +
                 " steps (loop turns and calls), the most one run may take: does a task loop for ever?");
        error = run_limit_error();
        return false;
    }
    if (!memory_allows(0, error)) return false;
    next_limit_check_ = std::min(options_.limits.steps + 1, run_ticks_ + memory_check_interval);
    return true;
}

bool interpreter::memory_allows(std::size_t more, value& error) {
    const run_limits& limits = options_.limits;
    if (!limits.memory_in_use || !limits.memory_bytes) return true;
    const std::size_t in_use = limits.memory_in_use();
    if (in_use + more <= limits.memory_bytes) return true;
    stop_run("the program needs more than " + with_thousands(limits.memory_bytes / 1'000'000) +
             " MB of memory (its objects and the recording of its run), the most one run may use");
    error = run_limit_error();
    return false;
}

void interpreter::stop_run(const std::string& message) {
    if (run_stopped()) return;
    stop_message_ = message;
    stop_line_ = call_line_;
    if (task_base* task = loop_.current_task()) stop_line_ = task->source_line() ? task->source_line() : stop_line_;
    next_limit_check_ = 0;  // every tick from now on goes to check_limits, which raises
}

bool interpreter::count_event() {
    ++events_;
    if (events_ > options_.limits.events) {
        stop_run("the program's run reached " + with_thousands(options_.limits.events) +
                 " scheduler events, the most one run may record: does a task loop for ever?");
        return false;
    }
    if (events_ % memory_check_interval == 0) {
        value ignored;  // a stop here is seen by the next tick or await
        memory_allows(0, ignored);
    }
    return true;
}

namespace {

// Whether an instruction is one a line step may stop at. Not a loop's jump back (compiled at
// its body's last line, which may not have run: an if's body), nor the bookkeeping of an
// exception handler (at the `try` line, which runs once, before the body), nor a return that
// follows a `with` or `finally` on the way out (its line ran before them).
bool starts_lines(opcode op) {
    switch (op) {
        case opcode::jump_backward:
        case opcode::return_value:
        case opcode::push_exc_info:
        case opcode::prepare_except_star:
        case opcode::except_star_finish:
        case opcode::reraise:
        case opcode::pop_except_reraise: return false;
        default: return true;
    }
}

}  // namespace

bool interpreter::note_line(const frame_stack& stack, frame& f) {
    const int line = f.line();
    if (line == f.traced_line || line == 0 || !starts_lines(f.code->instructions[f.current()].op)) return true;
    const task_base* task = loop_.current_task();
    const auto found = task ? task_stacks_.find(task->id()) : task_stacks_.end();
    if (found == task_stacks_.end() || found->second.get() != &stack) return true;  // not a task's own code
    f.traced_line = line;
    loop_.emit_at_line(line, trace_kind::line_reached, task->id());
    return --line_events_left_ > 0;
}

// ---- types ------------------------------------------------------------------------------------

void interpreter::install_types() {
    auto make = [](const char* name, type_ptr base, const char* module = "builtins") {
        return std::make_shared<type_object>(name, std::move(base), module);
    };
    auto& t = types_;
    t.object = make("object", nullptr);
    t.type = make("type", t.object);
    t.none = make("NoneType", t.object);
    t.integer = make("int", t.object);
    t.boolean = make("bool", t.integer);
    t.floating = make("float", t.object);
    t.str = make("str", t.object);
    t.bytes = make("bytes", t.object);
    t.list = make("list", t.object);
    t.tuple = make("tuple", t.object);
    t.dict = make("dict", t.object);
    t.set = make("set", t.object);
    t.range = make("range", t.object);
    t.function = make("function", t.object);
    t.builtin_function = make("builtin_function_or_method", t.object);
    t.coroutine = make("coroutine", t.object);
    t.module = make("module", t.object);
    t.iterator = make("iterator", t.object);
    t.base_exception = make("BaseException", t.object);
    t.exception = make("Exception", t.base_exception);
    t.arithmetic_error = make("ArithmeticError", t.exception);
    t.zero_division_error = make("ZeroDivisionError", t.arithmetic_error);
    t.overflow_error = make("OverflowError", t.arithmetic_error);
    t.lookup_error = make("LookupError", t.exception);
    t.key_error = make("KeyError", t.lookup_error);
    t.index_error = make("IndexError", t.lookup_error);
    t.value_error = make("ValueError", t.exception);
    t.unicode_error = make("UnicodeError", t.value_error);
    t.unicode_encode_error = make("UnicodeEncodeError", t.unicode_error);
    t.unicode_decode_error = make("UnicodeDecodeError", t.unicode_error);
    t.type_error = make("TypeError", t.exception);
    t.runtime_error = make("RuntimeError", t.exception);
    t.recursion_error = make("RecursionError", t.runtime_error);
    t.not_implemented_error = make("NotImplementedError", t.runtime_error);
    t.name_error = make("NameError", t.exception);
    t.unbound_local_error = make("UnboundLocalError", t.name_error);
    t.attribute_error = make("AttributeError", t.exception);
    t.assertion_error = make("AssertionError", t.exception);
    t.stop_iteration = make("StopIteration", t.exception);
    t.os_error = make("OSError", t.exception);
    t.timeout_error = make("TimeoutError", t.os_error);
    t.memory_error = make("MemoryError", t.exception);
    t.base_exception_group = make("BaseExceptionGroup", t.base_exception);
    t.exception_group = make("ExceptionGroup", t.base_exception_group);
    t.cancelled_error = make("CancelledError", t.base_exception, "asyncio.exceptions");
    t.invalid_state_error = make("InvalidStateError", t.exception, "asyncio.exceptions");
    t.queue_empty = make("QueueEmpty", t.exception, "asyncio.queues");
    t.queue_full = make("QueueFull", t.exception, "asyncio.queues");
    // Not CPython: what stops a loop that never awaits. A BaseException, so that
    // `except Exception` cannot swallow it.
    t.step_budget_error = make("LoopBlockedError", t.base_exception, "loopstep");
    t.run_limit_error = make("RunLimitError", t.base_exception, "loopstep");
    t.system_exit = make("SystemExit", t.base_exception);
    // Not CPython: a library name CPython has and the lesson lacks (unsupported_names.cpp).
    t.not_supported_error = make("NotSupportedError", t.exception);
    t.task = make("Task", t.object, "_asyncio");
    t.future = make("Future", t.object, "_asyncio");
    t.queue = make("Queue", t.object, "asyncio.queues");
    t.event = make("Event", t.object, "asyncio.locks");
    t.lock = make("Lock", t.object, "asyncio.locks");
    t.semaphore = make("Semaphore", t.object, "asyncio.locks");
    t.timeout = make("Timeout", t.object, "asyncio.timeouts");
    t.task_group = make("TaskGroup", t.object, "asyncio.taskgroups");
    t.loop = make("_UnixSelectorEventLoop", t.object, "asyncio.unix_events");
    t.method = make("method", t.object);
    t.super_type = make("super", t.object);
    t.static_method = make("staticmethod", t.object);
    t.class_method = make("classmethod", t.object);
    t.property = make("property", t.object);
    t.field = make("Field", t.object, "dataclasses");
    t.traceback = make("traceback", t.object);
    t.generator = make("generator", t.object);
    t.async_generator = make("async_generator", t.object);
    t.async_generator_asend = make("async_generator_asend", t.object);
    t.async_generator_athrow = make("async_generator_athrow", t.object);
    t.generator_context_manager = make("_GeneratorContextManager", t.object, "contextlib");
    t.async_generator_context_manager = make("_AsyncGeneratorContextManager", t.object, "contextlib");
    t.generator_exit = make("GeneratorExit", t.base_exception);
    t.stop_async_iteration = make("StopAsyncIteration", t.exception);
    t.condition = make("Condition", t.object, "asyncio.locks");
    t.barrier = make("Barrier", t.object, "asyncio.locks");
    t.broken_barrier_error = make("BrokenBarrierError", t.runtime_error, "asyncio.exceptions");
    t.bounded_semaphore = make("BoundedSemaphore", t.semaphore, "asyncio.locks");
    t.priority_queue = make("PriorityQueue", t.queue, "asyncio.queues");
    t.lifo_queue = make("LifoQueue", t.queue, "asyncio.queues");
    t.runner = make("Runner", t.object, "asyncio.runners");

    for (const type_ptr& exception_type :
         {t.base_exception, t.exception, t.arithmetic_error, t.zero_division_error, t.overflow_error, t.lookup_error,
          t.key_error, t.index_error, t.value_error, t.type_error, t.runtime_error, t.recursion_error,
          t.not_implemented_error, t.name_error, t.unbound_local_error, t.attribute_error, t.assertion_error,
          t.stop_iteration, t.os_error, t.timeout_error, t.memory_error, t.cancelled_error, t.invalid_state_error,
          t.queue_empty, t.queue_full, t.step_budget_error, t.run_limit_error, t.generator_exit, t.stop_async_iteration,
          t.broken_barrier_error, t.system_exit, t.not_supported_error}) {
        std::weak_ptr<type_object> weak = exception_type;
        exception_type->construct = [weak](interpreter& in, call_arguments& arguments) -> value {
            if (!arguments.keywords.empty()) {
                return in.raise_type_error(weak.lock()->name + "() takes no keyword arguments");
            }
            return in.make_exception(weak.lock(), arguments.positional);
        };
    }
    for (const type_ptr& group_type : {t.base_exception_group, t.exception_group}) {
        std::weak_ptr<type_object> weak = group_type;
        group_type->construct = [weak](interpreter& in, call_arguments& arguments) -> value {
            auto& args = arguments.positional;
            if (args.size() != 2 || !args[0].as<str_object>()) {
                return in.raise_type_error("BaseExceptionGroup.__new__() takes exactly 2 arguments");
            }
            std::vector<value> members;
            value error = in.to_list(args[1], members);
            if (error.is_raised()) return error;
            if (members.empty()) return in.raise_value_error("second argument (exceptions) must be a non-empty sequence");
            for (const auto& member : members) {
                if (!member.as<exception_object>()) {
                    return in.raise_value_error("Item 0 of second argument (exceptions) is not an exception");
                }
            }
            value group = in.make_exception(weak.lock(), {args[0], in.make_tuple(members)});
            group.as<exception_object>()->group = std::move(members);
            return group;
        };
    }
}

type_ptr interpreter::type_of(const value& v) const {
    switch (v.type()) {
        case value::kind::none: return types_.none;
        case value::kind::boolean: return types_.boolean;
        case value::kind::integer: return types_.integer;
        case value::kind::floating: return types_.floating;
        default: break;
    }
    if (!v.is_object()) return types_.object;
    switch (v.as_object()->kind) {
        case object_kind::str: return types_.str;
        case object_kind::bytes: return types_.bytes;
        case object_kind::list: return types_.list;
        case object_kind::tuple: {
            auto* t = v.as<tuple_object>();
            return t->named_type ? t->named_type : types_.tuple;
        }
        case object_kind::dict: {
            auto* d = v.as<dict_object>();
            return d->subtype ? d->subtype : types_.dict;
        }
        case object_kind::big_int: return types_.integer;
        case object_kind::native: return v.as<native_object>()->type;
        case object_kind::dict_view: return types_.iterator;
        case object_kind::set: return types_.set;
        case object_kind::range: return types_.range;
        case object_kind::function: return types_.function;
        case object_kind::builtin_function: return types_.builtin_function;
        case object_kind::type: return types_.type;
        case object_kind::exception: return v.as<exception_object>()->type;
        case object_kind::module: return types_.module;
        case object_kind::coroutine:
        case object_kind::native_coroutine: return types_.coroutine;
        case object_kind::task: return types_.task;
        case object_kind::future: return types_.future;
        case object_kind::queue: {
            const queue_order order = v.as<queue_object>()->primitive.order();
            return order == queue_order::priority ? types_.priority_queue : order == queue_order::lifo ? types_.lifo_queue : types_.queue;
        }
        case object_kind::event: return types_.event;
        case object_kind::lock: return types_.lock;
        case object_kind::semaphore: return v.as<semaphore_object>()->primitive.bounded() ? types_.bounded_semaphore : types_.semaphore;
        case object_kind::condition: return types_.condition;
        case object_kind::barrier: return types_.barrier;
        case object_kind::runner: return types_.runner;
        case object_kind::timeout: return types_.timeout;
        case object_kind::task_group: return types_.task_group;
        case object_kind::loop: return types_.loop;
        case object_kind::instance: return v.as<instance_object>()->type;
        case object_kind::method: return types_.method;
        case object_kind::super_proxy: return types_.super_type;
        case object_kind::class_member: return class_member_type(*this, *v.as<class_member_object>());
        case object_kind::iterator: {
            static_cast<void>(0);
            return types_.iterator;
        }
        case object_kind::generator:
        case object_kind::generator_step:
        case object_kind::generator_context_manager: return generator_type(*this, *v.as_object());
        default: return types_.object;
    }
}

bool interpreter::is_instance(const value& v, const type_object& type) const { return type_of(v)->is_subclass_of(type); }

// ---- exceptions -------------------------------------------------------------------------------

value interpreter::make_exception(const type_ptr& type, std::vector<value> args) {
    return value::of(make_object<exception_object>(type, std::move(args)));
}

value interpreter::raise(const type_ptr& type, const std::string& message) {
    return value::raised(make_exception(type, {make_str(message)}).as_object());
}

value interpreter::from_cpp_exception(const std::exception_ptr& error) {
    try {
        std::rethrow_exception(error);
    } catch (const python_error& e) {
        return value::raised(e.exception().as_object());
    } catch (const cancelled_error& e) {
        std::vector<value> args;
        if (!e.message().empty()) args.push_back(make_str(e.message()));
        return value::raised(make_exception(types_.cancelled_error, std::move(args)).as_object());
    } catch (const timeout_error&) {
        return value::raised(make_exception(types_.timeout_error, {}).as_object());
    } catch (const exception_group& e) {
        std::vector<value> members;
        for (const auto& member : e.exceptions()) members.push_back(value::of(from_cpp_exception(member).as_object()));
        value group = make_exception(types_.exception_group, {make_str("unhandled errors in a TaskGroup"), make_list(members)});
        group.as<exception_object>()->group = std::move(members);
        return value::raised(group.as_object());
    } catch (const invalid_state_error& e) {
        return raise(types_.invalid_state_error, e.what());
    } catch (const queue_empty&) {
        return value::raised(make_exception(types_.queue_empty, {}).as_object());
    } catch (const queue_full&) {
        return value::raised(make_exception(types_.queue_full, {}).as_object());
    } catch (const broken_barrier_error& e) {
        return raise(types_.broken_barrier_error, e.what());
    } catch (const std::invalid_argument& e) {
        return raise(types_.value_error, e.what());
    } catch (const std::bad_alloc&) {
        return value::raised(make_exception(types_.memory_error, {}).as_object());
    } catch (const std::exception& e) {
        return raise(types_.runtime_error, e.what());
    } catch (...) {
        return raise(types_.runtime_error, "unknown error");
    }
}

std::exception_ptr interpreter::as_cpp_exception(const value& raised_value) {
    value exception = value::of(raised_value.as_object());
    auto* object = exception.as<exception_object>();
    if (object->type->is_subclass_of(*types_.cancelled_error)) {
        return std::make_exception_ptr(cancelled_error(object->args.empty() ? std::string() : str(object->args[0])));
    }
    return std::make_exception_ptr(python_error(exception, object->type->name + ": " + str(exception)));
}

void interpreter::throw_as_cpp(const value& raised_value) { std::rethrow_exception(as_cpp_exception(raised_value)); }

// ---- values -----------------------------------------------------------------------------------

value interpreter::make_str(std::string text) { return value::of(make_object<str_object>(std::move(text))); }
value interpreter::make_list(std::vector<value> items) { return value::of(make_object<list_object>(std::move(items))); }
value interpreter::make_tuple(std::vector<value> items) { return value::of(make_object<tuple_object>(std::move(items))); }

value interpreter::import_module(const std::string& name) {
    auto found = modules_.find(name);
    if (found != modules_.end()) return found->second;
    value module;
    if (name == "asyncio") module = make_asyncio_module(*this);
    else if (name == "contextlib") module = make_contextlib_module(*this);
    else if (name == "time") module = make_time_module(*this);
    else if (name == "dataclasses") module = make_dataclasses_module(*this);
    else if (const library_module_factory make = library_module(name)) module = make(*this);
    else return raise(types_.runtime_error, unsupported_import_message(name));
    modules_[name] = module;
    return module;
}

// ---- coroutines and tasks ---------------------------------------------------------------------

value reject_keywords(interpreter& in, const call_arguments& args, const std::string& function) {
    if (args.keywords.empty()) return value();
    return in.raise_type_error(function + "() got an unexpected keyword argument '" + args.keywords.front().first + "'");
}

value interpreter::guarded(const std::function<void()>& body) {
    try {
        body();
        return value();
    } catch (...) {
        return from_cpp_exception(std::current_exception());
    }
}

coro<value> interpreter::await_native(value awaitable) {
    if (awaitable.as<generator_step_object>()) {
        co_return co_await await_generator_step(*this, std::static_pointer_cast<generator_step_object>(awaitable.as_object()));
    }
    try {
        if (auto* native = awaitable.as<native_coroutine_object>()) {
            if (native->started) co_return raise(types_.runtime_error, "cannot reuse already awaited coroutine");
            native->started = true;
            co_return co_await native->start();
        }
        if (auto* task = awaitable.as<task_object>()) co_return co_await task->task;
        if (auto* future = awaitable.as<future_object>()) co_return co_await future->future;
    } catch (...) {
        co_return from_cpp_exception(std::current_exception());
    }
    co_return raise_type_error("object " + type_name(awaitable) + " can't be used in 'await' expression");
}

// Runs a frame stack to its end; each suspension is the only place a Python await crosses
// into the core's coroutine machinery.
coro<value> interpreter::drive(frame_stack& stack) {
    run_result result = run_frames(*this, stack);
    while (result.status == run_status::suspended) {
        value sent = co_await await_native(std::move(result.result));
        if (run_stopped()) sent = run_limit_error();
        reset_ticks();
        result = resume_frames(*this, stack, std::move(sent));
    }
    co_return std::move(result.result);
}

coro<value> interpreter::await_value(value awaitable) {
    auto* coroutine = awaitable.as<coroutine_object>();
    if (!coroutine) co_return co_await await_native(std::move(awaitable));
    if (coroutine->started) co_return raise(types_.runtime_error, "cannot reuse already awaited coroutine");
    coroutine->started = true;
    frame_stack stack;
    stack.frames.push_back(std::move(coroutine->frame));
    co_return co_await drive(stack);
}

coro<value> python_task_body(interpreter& in, value awaitable, std::shared_ptr<frame_stack> stack) {
    value result;
    if (stack) result = co_await in.drive(*stack);
    else result = co_await in.await_value(std::move(awaitable));
    if (task_base* task = in.loop().current_task()) {
        in.task_stacks_.erase(task->id());
        const bool failed = result.is_raised() && !in.is_instance(value::of(result.as_object()), *in.types().cancelled_error);
        if (!failed) in.task_origins_.erase(task->id());
    }
    if (result.is_raised()) in.throw_as_cpp(result);
    co_return result;
}

value interpreter::spawn_task(const value& awaitable, const std::function<task_ptr<value>(coro<value>)>& create) {
    std::shared_ptr<frame_stack> stack;
    std::string coroutine_name;
    int defined_at = 0;
    if (auto* coroutine = awaitable.as<coroutine_object>(); coroutine && !coroutine->started) {
        coroutine_name = coroutine->function->qualified_name;
        defined_at = coroutine->function->definition->where.line;
        coroutine->started = true;
        stack = std::make_shared<frame_stack>();
        stack->frames.push_back(std::move(coroutine->frame));
    }
    // The task owns a builtin's coroutine now: cancelled before it starts, it is not "never awaited".
    if (auto* native = awaitable.as<native_coroutine_object>()) native->on_unawaited = {};
    creating_stack_ = stack;
    value task;
    value error = guarded([&] { task = task_value(create(python_task_body(*this, awaitable, stack))); });
    if (error.is_raised()) task = error;
    creating_stack_ = nullptr;
    if (auto* created = task.as<task_object>(); created && stack) {
        task_stacks_[created->task->id()] = stack;
        created->coroutine_name = std::move(coroutine_name);
        created->defined_at = defined_at;
        task_origins_[created->task->id()] = {created->coroutine_name, defined_at};
    }
    return task;
}

std::string interpreter::short_repr(const value& v) {
    constexpr std::size_t limit = 120;
    const bool was_too_deep = repr_too_deep_;
    const std::size_t budget = repr_budget_, spent = repr_spent_;
    const int depth = repr_depth_;
    const bool plain = plain_reprs_;
    plain_reprs_ = true;
    repr_budget_ = limit;
    repr_depth_ = 0;
    std::string text = repr(v);
    repr_budget_ = budget;
    repr_spent_ = spent;
    repr_depth_ = depth;
    repr_too_deep_ = was_too_deep;
    plain_reprs_ = plain;
    if (text.size() > limit) text = text.substr(0, limit - 3) + "...";
    return text;
}

int interpreter::running_task_line() const {
    const task_base* task = loop_.current_task();
    const auto found = task ? task_stacks_.find(task->id()) : task_stacks_.end();
    if (found == task_stacks_.end() || !found->second || found->second->frames.empty()) return 0;
    return found->second->frames.back()->line();
}

void interpreter::note_coroutine_made(const frame& caller, const coroutine_object& coroutine) {
    if (!loop_.tracing() || caller.ip >= caller.code->instructions.size()) return;
    switch (caller.code->instructions[caller.ip].op) {
        case opcode::store_fast:
        case opcode::store_cell:
        case opcode::store_free:
        case opcode::store_global:
        case opcode::store_name:
        case opcode::pop_top: break;
        default: return;  // awaited, or handed to create_task/gather: that step shows it
    }
    const function_def& definition = *coroutine.function->definition;
    std::string call = coroutine.function->qualified_name + "(";
    for (std::size_t i = 0; i < definition.parameters.size() && i < coroutine.frame->locals.size(); ++i) {
        const value* argument = &coroutine.frame->locals[i];
        if (auto* cell = argument->as<cell_object>(); cell && definition.local_is_cell[i]) argument = &cell->content;
        call += (i ? ", " : "") + short_repr(*argument);
    }
    const task_base* task = loop_.current_task();
    loop_.emit_at_line(call_line_, trace_kind::coroutine_created, task ? task->id() : 0, 0, 0, call + ")");
}

std::vector<frame_view> interpreter::frame_views(task_id id) {
    auto found = task_stacks_.find(id);
    frame_stack* stack = found != task_stacks_.end() ? found->second.get() : creating_stack_.get();
    std::vector<frame_view> views;
    if (!stack) return views;
    for (auto it = stack->frames.rbegin(); it != stack->frames.rend(); ++it) {
        const frame& f = **it;
        const function_def* definition = f.code->definition;
        frame_view view{f.code->name, f.ip == 0 && definition ? definition->where.line : f.line(), {}};
        for (std::size_t i = 0; definition && i < definition->locals.size() && i < f.locals.size(); ++i) {
            const std::string& name = definition->locals[i];
            if (name.rfind("<comp", 0) == 0) continue;  // a comprehension's hidden variable
            const value* local = &f.locals[i];
            if (auto* cell = local->as<cell_object>(); cell && definition->local_is_cell[i]) local = &cell->content;
            if (local->is_unbound()) continue;
            view.locals.emplace_back(name, short_repr(*local));
            if (i < definition->parameters.size()) view.arguments = view.locals.size();
        }
        views.push_back(std::move(view));
    }
    return views;
}

value interpreter::create_task(const value& awaitable, std::string name) {
    if (!awaitable.as<coroutine_object>() && !awaitable.as<native_coroutine_object>()) {
        return raise_type_error("a coroutine was expected, got " + repr(awaitable));
    }
    return spawn_task(awaitable, [&](coro<value> body) { return loopstep::create_task(loop_, std::move(body), std::move(name)); });
}

value interpreter::task_value(const task_ptr<value>& task) {
    auto& slot = task_objects_[task->id()];
    if (auto existing = slot.lock()) return value::of(existing);
    auto object = make_object<task_object>(task);
    slot = object;
    return value::of(object);
}

value interpreter::current_task_value() {
    task_base* current = loop_.current_task();
    if (!current) return value();
    auto owner = task_behind<value>(current->as_future());
    return owner ? task_value(owner) : value();
}

// ---- the module -------------------------------------------------------------------------------

value interpreter::run_module(const module& program, const std::shared_ptr<const code_object>& code) {
    auto f = std::make_shared<frame>();
    f->code = code;
    f->locals.assign(program.frame->locals.size(), value::unbound());
    for (std::size_t i = 0; i < f->locals.size(); ++i) {
        if (program.frame->local_is_cell[i]) f->locals[i] = value::of(make_object<cell_object>());
    }
    f->globals = std::make_shared<globals_table>();
    f->globals->set("__name__", make_str("__main__"));
    f->globals->set("__file__", make_str(options_.filename));
    module_globals_.push_back(f->globals);
    frame_stack stack;
    stack.frames.push_back(std::move(f));
    run_result result = run_frames(*this, stack);
    return result.status == run_status::raised ? result.result : value();
}

value interpreter::exception_to_raise(value exception, value cause, bool has_cause) {
    if (auto* type = exception.as<type_object>()) {
        if (!type->is_subclass_of(*types_.base_exception)) return raise_type_error("exceptions must derive from BaseException");
        call_arguments none;
        exception = call(exception, none);
        if (exception.is_raised()) return exception;
    }
    auto* object = exception.as<exception_object>();
    if (!object) return raise_type_error("exceptions must derive from BaseException");
    if (has_cause) {
        if (cause.as<type_object>()) {
            call_arguments none;
            cause = call(cause, none);
            if (cause.is_raised()) return cause;
        }
        object->cause = cause;
        object->suppress_context = true;
    }
    object->traceback.clear();
    return value::raised(exception.as_object());
}

}  // namespace loopstep::python

// The interpreter: the runtime around the VM (vm.hpp) for one program run: types, values,
// calls from native code, the bridge from Python awaits to the core's coroutines, and the
// builtins and modules.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "ast.hpp"
#include "loopstep/python/run_program.hpp"
#include "objects.hpp"

namespace loopstep::python {

// A Python exception crossing a core task boundary (stored in the task, rethrown at the awaiter).
class python_error : public std::runtime_error {
public:
    python_error(value exception, const std::string& text) : std::runtime_error(text), exception_(std::move(exception)) {}
    const value& exception() const { return exception_; }

private:
    value exception_;
};

struct frame_stack;
struct code_object;

struct interpreter_options {
    std::function<void(const std::string&)> write_output;
    std::function<void(const std::string&)> write_error;  // diagnostics such as "Exception in callback"
    std::uint64_t loop_step_limit = 5'000'000;  // scheduler steps in one asyncio.run
    std::uint64_t step_budget = 20'000'000;  // statements and loop turns between two awaits
    int recursion_limit = 1000;
    // Bounds on what one program may build (items of a list/tuple, bytes of a str): past
    // them MemoryError, rather than exhausting the browser tab's memory.
    std::size_t max_sequence_length = 10'000'000;
    std::size_t max_str_bytes = 100'000'000;
    run_limits limits;
    // The program's file name and lines, for the places CPython names them outside a
    // traceback: "coroutine 'f' was never awaited" warnings, `coro=<f() running at FILE:LINE>`;
    // also __file__ and sys.argv[0].
    std::string filename = "<string>";
    const std::vector<std::string>* source_lines = nullptr;
    std::uint64_t random_seed = 0;  // seeds the random module until random.seed() is called
    bool* run_seed_drawn = nullptr;  // if set, made true when a generator seeded by random_seed draws
    std::size_t line_events = 0;  // line_reached events to trace at most (0: none), see note_line
};

class interpreter {
public:
    interpreter(event_loop& loop, interpreter_options options);
    // Breaks the reference cycles a program leaves (functions in globals, closures).
    ~interpreter();
    interpreter(const interpreter&) = delete;
    interpreter& operator=(const interpreter&) = delete;

    event_loop& loop() { return loop_; }

    // Runs a compiled program: its module body, where asyncio.run drives the loop. Returns
    // None, or the exception that ended it (raised).
    value run_module(const module& program, const std::shared_ptr<const code_object>& code);

    // ---- types and exceptions -----------------------------------------------------
    struct builtin_types {
        type_ptr object, type, none, boolean, integer, floating, str, list, tuple, dict, set, range,
            function, builtin_function, coroutine, module, iterator,
            base_exception, exception, arithmetic_error, zero_division_error, overflow_error, lookup_error,
            key_error, index_error, value_error, type_error, runtime_error, recursion_error,
            not_implemented_error, name_error, unbound_local_error, attribute_error, assertion_error,
            stop_iteration, os_error, timeout_error, memory_error, base_exception_group, exception_group,
            cancelled_error, invalid_state_error, queue_empty, queue_full, step_budget_error, run_limit_error,
            system_exit, not_supported_error,
            task, future, queue, event, lock, semaphore, timeout, task_group, loop,
            method, super_type, static_method, class_method, property, field, traceback,  // classes.cpp
            generator, async_generator, async_generator_asend, async_generator_athrow, generator_context_manager,
            async_generator_context_manager, generator_exit, stop_async_iteration,  // generators.cpp
            condition, barrier, broken_barrier_error, bounded_semaphore, priority_queue, lifo_queue, runner,
            bytes, unicode_error, unicode_encode_error, unicode_decode_error;  // bytes_object.cpp, codecs.cpp
    };
    const builtin_types& types() const { return types_; }
    type_ptr type_of(const value& v) const;
    bool is_instance(const value& v, const type_object& type) const;

    value make_exception(const type_ptr& type, std::vector<value> args);
    value raise(const type_ptr& type, const std::string& message);
    value raise_type_error(const std::string& message) { return raise(types_.type_error, message); }
    value raise_value_error(const std::string& message) { return raise(types_.value_error, message); }
    // A core exception (cancelled_error, timeout_error, python_error, ...) as a raised value.
    value from_cpp_exception(const std::exception_ptr& error);
    // The reverse, to end a core task with a Python exception.
    [[noreturn]] void throw_as_cpp(const value& raised);
    std::exception_ptr as_cpp_exception(const value& raised);

    // ---- values ---------------------------------------------------------------------
    value make_str(std::string text);
    value make_list(std::vector<value> items);
    value make_tuple(std::vector<value> items);
    std::string repr(const value& v);
    // repr of a nested structure charges what it produces to one budget (max_str_bytes),
    // so a shared, exponentially large structure is cut short instead of hanging.
    bool repr_within_budget(std::size_t produced) {
        repr_spent_ += produced;
        return repr_spent_ <= repr_budget_;
    }
    // A repr nested deeper than the recursion limit gives "..." and is reported here, as
    // CPython's RecursionError, by whoever asked for it (calls, print, f-strings).
    value take_repr_error() {
        if (repr_failed_.is_raised()) return std::exchange(repr_failed_, value());
        if (!repr_too_deep_) return value();
        repr_too_deep_ = false;
        return raise(types_.recursion_error, "maximum recursion depth exceeded while getting the repr of an object");
    }
    // A __repr__ or __str__ of the program raised: reported by take_repr_error (the first wins).
    void fail_repr(value raised) {
        if (!repr_failed_.is_raised()) repr_failed_ = std::move(raised);
    }
    // The trace shows instances with the default repr: it never runs the program's __repr__.
    bool plain_reprs() const { return plain_reprs_; }
    std::string str(const value& v);
    bool truthy(const value& v);
    // Iterates anything iterable, calling `each` per item; stops early when it returns false.
    // Returns a raised value on error, else none.
    value iterate(const value& iterable, const std::function<bool(const value&)>& each);
    value to_list(const value& iterable, std::vector<value>& out);
    value make_iterator(const value& iterable);
    value get_attribute(const value& object, const std::string& name);
    value set_attribute(const value& object, const std::string& name, const value& item);  // classes.cpp
    value call(const value& callee, call_arguments& arguments);
    // `in_place`: an augmented assignment (x op= y), for the operators that update in place and
    // for the error message's symbol.
    value binary(binary_op op, const value& left, const value& right, bool in_place = false);
    value compare(compare_op op, const value& left, const value& right);  // a bool, or raised
    value get_item(const value& container, const value& index);
    value set_item(const value& container, const value& index, const value& item);
    value hash_key(const value& key, std::int64_t& hash);  // raises TypeError for unhashable keys
    std::string type_name(const value& v) const { return type_of(v)->name; }
    // _PyObject_FunctionStr: "__main__.f()", "print()", "str.split()" (in call errors).
    std::string function_description(const value& callee);
    // A MemoryError if a sequence of `items` items (or a str of `bytes`) is beyond the bounds.
    bool fits(std::size_t items, value& error, bool is_str = false);

    // ---- coroutines and tasks -------------------------------------------------------
    // Awaits anything awaitable to its end: a Python coroutine runs on a frame stack of its
    // own, suspending it wherever it awaits a core awaitable.
    coro<value> await_value(value awaitable);
    // Runs core code that may throw, as a raised value instead.
    value guarded(const std::function<void()>& body);
    // `async with` on Lock, Semaphore, timeout and TaskGroup (context_managers.cpp): the
    // awaitables of entering (its result is the `as` value) and of exiting with `exception`
    // (None on the way out without one). Exiting gives None, True to suppress the
    // exception, False to let it go on, or raises a new one.
    value async_context_enter(const value& context);
    value async_context_exit(const value& context, const value& exception);
    // `raise exception from cause`: the exception to raise (an instance made from a class).
    value exception_to_raise(value exception, value cause, bool has_cause);
    value create_task(const value& awaitable, std::string name);
    // Creates a core task for `awaitable` with `create` (the loop's create_task, or a
    // TaskGroup's), giving it a frame stack the trace can show (frame_views).
    value spawn_task(const value& awaitable, const std::function<task_ptr<value>(coro<value>)>& create);
    // The frames of a task as the trace shows them, innermost first.
    std::vector<frame_view> frame_views(task_id id);
    // The line the running task's innermost frame is at (0 outside a Python task): trace lines.
    int running_task_line() const;
    // A call made a coroutine that `caller` keeps (coro = f()) or drops (f()) instead of
    // awaiting it: a step of its own in the trace, the lesson's "calling is not running".
    void note_coroutine_made(const frame& caller, const coroutine_object& coroutine);
    // ---- the program's Queues, Events, Locks, Semaphores, Conditions (sync_views.cpp) ----
    // One was made (while tracing): the trace shows its state from the next event on.
    void note_sync_object_made(const object_ptr& made);
    static bool is_sync_object(const value& v) {  // inline: the VM asks after every builtin call
        if (!v.is_object()) return false;
        switch (v.as_object()->kind) {
            case object_kind::queue:
            case object_kind::event:
            case object_kind::lock:
            case object_kind::semaphore:
            case object_kind::condition: return true;
            default: return false;
        }
    }
    // A builtin call gave one back: the store after it (`q = asyncio.Queue()`) names it, once.
    void name_sync_object(const frame& caller, const value& made);
    // The ones made, changed or freed since the last call: trace_event::sync.
    std::vector<sync_view> changed_sync_views();
    // The Python object of a core task (one per task, so `is` and identity work).
    value task_value(const task_ptr<value>& task);
    value current_task_value();
    void write_error(const std::string& text) {
        if (options_.write_error) options_.write_error(text);
    }
    void write(const std::string& text);

    // Counts a unit of work (a loop turn, a call); raises the step-budget error when a loop
    // never awaits, and RunLimitError once the run is over one of its limits.
    bool tick(value& error) {
        if (++ticks_ <= options_.step_budget && ++run_ticks_ < next_limit_check_) return true;
        return check_limits(error);
    }
    void reset_ticks() { ticks_ = 0; }

    // ---- limits of the whole run (run_limits) -----------------------------------------
    // Ends the run for good: from now on every tick and await raises RunLimitError(message).
    void stop_run(const std::string& message);
    bool run_stopped() const { return !stop_message_.empty(); }
    const std::string& stop_message() const { return stop_message_; }
    int stop_line() const { return stop_line_; }
    value run_limit_error() { return raise(types_.run_limit_error, stop_message_); }
    // Stops the run when the embedder's memory measure plus `more` bytes is over the limit.
    bool memory_allows(std::size_t more, value& error);
    // One traced event: stops the run past the event limit; false when it is not to be kept.
    bool count_event();

    // ---- line events (interpreter_options::line_events) ---------------------------------
    bool tracing_lines() const { return line_events_left_ > 0; }
    // The VM is running an instruction of `f`, the innermost frame of `stack`: a line_reached
    // event when it starts another line of f and `stack` is a task's, as CPython's sys.settrace
    // sees lines (a return into a caller mid-line is none), save that a line that runs again at
    // once (a one-line loop) counts once. False once the budget is spent.
    bool note_line(const frame_stack& stack, frame& f);

    // ---- source lines for the trace -----------------------------------------------------
    // The running task is now at `line` (an await, an `async with`, a return): the loop puts
    // the task's line into the events it emits for it. Kept on the core task, not here, as
    // every task is somewhere else.
    void at_line(int line) {
        if (task_base* task = loop_.current_task()) task->set_source_line(line);
    }
    // The line of the call being made: a builtin (print, time.sleep) reads it to say where
    // it was called from. Set by the VM before every call, 0 for calls the loop makes.
    void set_call_line(int line) { call_line_ = line; }
    int call_line() const { return call_line_; }

    // The frame stack the VM is running, for the depth of a native call's frames.
    struct running_stack_guard {
        interpreter& owner;
        frame_stack* previous;
        running_stack_guard(interpreter& o, frame_stack& stack) : owner(o), previous(o.running_stack_) { o.running_stack_ = &stack; }
        ~running_stack_guard() { owner.running_stack_ = previous; }
    };
    // Functions are tracked so that the destructor can break their reference cycles.
    void register_function(const std::shared_ptr<function_object>& function) { functions_.push_back(function); }
    // Classes and instances may form cycles too (obj.callback = obj.method); numbered in creation order.
    // The number of an object whose repr shows a made-up address (asyncio's Lock, Queue, ...).
    std::uint64_t next_object_number() { return ++instances_made_; }
    std::uint64_t register_instance(const object_ptr& o) {
        cyclic_.push_back(o);
        return ++instances_made_;
    }

    // CPython's report of a task's exception that no one retrieved, but its traceback:
    // "Task exception was never retrieved\nfuture: <Task finished name=... coro=<...> exception=...>\n"
    // (task_reports.cpp).
    std::string unretrieved_task_heading(const task_base& task, const value& exception);

private:
    void install_types();
    value set_iterator(std::shared_ptr<set_object> set);
    value dict_iterator(std::shared_ptr<dict_object> dict, dict_view_object::part part, const char* name);
    std::string object_repr(const value& v);
    // The parts of a task's repr CPython adds: " coro=<f() running at FILE:LINE>", " wait_for=<...>".
    std::string coroutine_text(const task_object& task);
    std::string waiting_text(const task_base& task);
    std::string exception_repr(const std::exception_ptr& error);  // ValueError('broken')
    // asyncio's Lock, Event, Condition, Semaphore, Barrier, Queue (asyncio_reprs.cpp).
    std::string sync_primitive_repr(const object& o);
    std::string queue_text(const object& queue, bool with_address);
    std::string nested_repr(const value& root);
    static bool is_nestable(const value& v) {
        if (auto* t = v.as<tuple_object>()) return !t->named_type;  // a namedtuple prints as Point(x=1)
        if (auto* d = v.as<dict_object>()) return !d->subtype;  // defaultdict(...), Counter(...)
        return v.as<list_object>();
    }
    coro<value> drive(frame_stack& stack);
    friend coro<value> python_task_body(interpreter&, value, std::shared_ptr<frame_stack>);
    std::string short_repr(const value& v);
    coro<value> enter_async_context(value context);
    coro<value> exit_async_context(value context, value exception);

    event_loop& loop_;
    interpreter_options options_;
    builtin_types types_;
    std::shared_ptr<globals_table> builtins_;
    std::map<std::string, value> modules_;
    std::uint64_t ticks_ = 0;
    std::uint64_t run_ticks_ = 0;
    std::uint64_t next_limit_check_ = 0;  // run_ticks_ at which check_limits looks again
    std::uint64_t events_ = 0;
    std::string stop_message_;
    int stop_line_ = 0;
    bool check_limits(value& error);
    int call_line_ = 0;
    std::size_t repr_spent_ = 0;
    int repr_depth_ = 0;
    bool repr_too_deep_ = false;
    std::vector<const object*> repr_active_;  // containers being repr'd (cycles print as [...])
    std::size_t output_bytes_ = 0;
    frame_stack* running_stack_ = nullptr;
    std::size_t line_events_left_ = 0;
    // Python code run from native code (a __repr__ from repr(), a key function) nests a VM loop
    // on the C++ stack; past this many the call raises RecursionError before the stack runs out
    // (an ASan build's or the browser's stack holds far fewer of them than 1000).
    static constexpr int max_native_reentry = 100;
    int native_reentry_ = 0;
    std::unordered_map<task_id, std::shared_ptr<frame_stack>> task_stacks_;
    std::shared_ptr<frame_stack> creating_stack_;  // the task being created (its task_created event)
    std::size_t repr_budget_;  // what one repr may produce (max_str_bytes, less for the trace)
    std::unordered_map<task_id, std::weak_ptr<task_object>> task_objects_;
    // The coroutine a task runs (qualified name, def line), kept until it ends, and after if
    // it failed: a report of its exception names it once every task object is gone.
    struct coroutine_origin {
        std::string name;
        int line = 0;
    };
    std::unordered_map<task_id, coroutine_origin> task_origins_;
    std::vector<std::weak_ptr<function_object>> functions_;
    std::vector<std::weak_ptr<object>> cyclic_;
    std::uint64_t instances_made_ = 0;
    struct sync_entry {
        std::weak_ptr<object> held;  // the viewer drops it once the program does
        const object* raw = nullptr;
        std::uint32_t id = 0;
        std::string name;
        int line = 0;
        bool named = false;   // a store after a call giving it back named it
        bool shown = false;   // its view is in the trace and still current...
        std::uint64_t seen_changes = 0;  // ...as long as its change count is this
        sync_view last;       // what the trace shows (a change may leave the view as it was)
    };
    sync_view sync_view_of(const sync_entry& entry, const object& o);
    std::vector<sync_entry> sync_objects_;
    std::unordered_map<std::string, std::size_t> sync_objects_per_class_;  // for "Queue #2"
    std::uint32_t sync_objects_made_ = 0;
    value repr_failed_;
    bool plain_reprs_ = false;
    std::vector<std::shared_ptr<globals_table>> module_globals_;
    std::shared_ptr<std::function<void(const std::string&)>> unawaited_reporter_;

public:
    // Used by the VM and the builtin modules.
    // Awaits what a suspended frame stack waits on (a Task, a Future, a native coroutine).
    coro<value> await_native(value awaitable);
    int running_stack_depth() const;
    std::shared_ptr<globals_table> builtins() const { return builtins_; }
    value import_module(const std::string& name);
    // A call from native code (a key function, a callback): a function's frames run on a
    // frame stack of their own; an `async def` gives its coroutine.
    value call_function(const std::shared_ptr<function_object>& function, call_arguments& arguments);
    value bind_arguments(const function_object& function, call_arguments& arguments, std::vector<value>& locals);
    // Runs a synchronous frame to its end on a frame stack of its own (a call from native code).
    value run_frame(std::shared_ptr<frame> f);
    const interpreter_options& options() const { return options_; }
    // What the asyncio module keeps between calls: the loop object, worker threads
    // (asyncio_parts.hpp). Made on first use.
    std::shared_ptr<struct asyncio_state> asyncio;
    // What a coroutine calls when it is freed unawaited (coroutine_warnings.cpp).
    std::weak_ptr<std::function<void(const std::string&)>> unawaited_coroutine_reporter();
    // The last coroutine freed unawaited while a line ran: "Queue.put() at line 5" (empty if
    // none), which the "can never finish" error names as the likely missing await.
    std::string last_unawaited_call;
    // Set by time.sleep in a worker thread: the VM pauses the thread's frames after the call.
    bool thread_sleep_requested = false;
    frame_stack* running_stack() const { return running_stack_; }
};

// TypeError "f() got an unexpected keyword argument 'x'" if keywords remain, else none.
value reject_keywords(interpreter& in, const call_arguments& args, const std::string& function);

// A task's body: runs `stack` (a coroutine's frames) or awaits `awaitable`, and ends the core
// task with its result, or with its exception thrown as a C++ one (CancelledError as
// cancelled_error).
coro<value> python_task_body(interpreter& in, value awaitable, std::shared_ptr<frame_stack> stack);

// Builds the asyncio and time modules (module_asyncio.cpp, module_time.cpp).
value make_asyncio_module(interpreter& in);
value make_time_module(interpreter& in);
value make_dataclasses_module(interpreter& in);  // module_dataclasses.cpp
// reprs of collections' namedtuples, defaultdicts and Counters (module_collections.cpp).
std::string named_tuple_repr(interpreter& in, const tuple_object& tuple);
std::string dict_subtype_repr(interpreter& in, const value& dict);
// d[key] missing from a defaultdict (calls its factory) or a Counter (0).
value dict_missing(interpreter& in, const value& dict, const value& key, std::int64_t hash);
// A namedtuple's fields and methods, a Counter's or defaultdict's own methods.
value collections_attribute(interpreter& in, const value& object, const std::string& name, bool& found);
// Attribute lookup on builtin types: str, list, dict, ... methods (methods.cpp).
value builtin_attribute(interpreter& in, const value& object, const std::string& name, bool& found);
// The attribute names dir() would list, for "Did you mean" suggestions (methods.cpp).
std::vector<std::string> attribute_names(interpreter& in, const value& object);
// format(value, spec) and list.sort's algorithm, shared with f-strings and methods (builtins.cpp).
value builtin_format(interpreter& in, const value& v, const std::string& spec);
value builtin_sort(interpreter& in, std::vector<value>& items, const value& key, bool reverse);
// list.sort's keyword-only key= and reverse= (after `bound` positional ones), as sorted() passes them on.
value sort_keywords(interpreter& in, const call_arguments& args, std::size_t bound, value& key, value& reverse);
// dict(source) / dict.update(source): a dict's items, or an iterable of pairs (builtins.cpp).
value dict_update_from(interpreter& in, dict_object& dict, const value& source);
// Installs print, len, range, ... into `globals` (builtins.cpp).
void install_builtin_functions(interpreter& in, globals_table& globals);

}  // namespace loopstep::python

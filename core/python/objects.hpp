// Python heap objects: str, containers, functions, exceptions, types, modules, and the
// wrappers around loopstep_core's tasks, futures and synchronisation primitives.
#pragma once

#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "ast.hpp"
#include "big_int.hpp"
#include "loopstep/loopstep.hpp"
#include "value.hpp"

namespace loopstep::python {

class interpreter;
struct code_object;
struct frame;

enum class object_kind : std::uint8_t {
    str, bytes, list, tuple, dict, dict_view, set, range, slice, iterator, cell,
    function, builtin_function, type, exception, module,
    coroutine, native_coroutine, task, future, queue, event, lock, semaphore, timeout, task_group, loop,
    instance, method, super_proxy, class_member,  // classes.hpp
    generator, generator_step, generator_context_manager,  // generators.hpp
    condition, barrier, runner,
    big_int, native,
};

struct object {
    explicit object(object_kind k) : kind(k) {}
    virtual ~object() = default;
    object(const object&) = delete;
    object& operator=(const object&) = delete;
    const object_kind kind;
};

template <class T>
T* value::as() const {
    if (kind_ != kind::object || object_->kind != T::static_kind) return nullptr;
    return static_cast<T*>(object_.get());
}

// The object as a T, or nullptr if it is another kind.
template <class T>
T* object_as(object* o) {
    return o->kind == T::static_kind ? static_cast<T*>(o) : nullptr;
}

template <class T, class... Args>
std::shared_ptr<T> make_object(Args&&... args) {
    return std::make_shared<T>(std::forward<Args>(args)...);
}

struct str_object : object {
    static constexpr object_kind static_kind = object_kind::str;
    explicit str_object(std::string text) : object(static_kind), value(std::move(text)) {}
    std::string value;  // UTF-8
};

// Frees the objects only `self` keeps alive with a loop instead of one C++ call per level,
// so that freeing a million-deep nested list cannot overflow the stack.
void release_children(object& self);
// Moves the values a container (list, tuple, dict, set, cell, exception) holds into `out`.
void take_children(object& o, std::vector<object_ptr>& out);

struct list_object : object {
    static constexpr object_kind static_kind = object_kind::list;
    list_object() : object(static_kind) {}
    ~list_object() override { release_children(*this); }
    explicit list_object(std::vector<value> v) : object(static_kind), items(std::move(v)) {}
    std::vector<value> items;
};

struct tuple_object : object {
    static constexpr object_kind static_kind = object_kind::tuple;
    explicit tuple_object(std::vector<value> v) : object(static_kind), items(std::move(v)) {}
    ~tuple_object() override { release_children(*this); }
    std::vector<value> items;
    std::shared_ptr<struct type_object> named_type;  // a collections.namedtuple's instances
};

// An int beyond 64 bits (an int that fits is always the immediate value).
struct big_int_object : object {
    static constexpr object_kind static_kind = object_kind::big_int;
    explicit big_int_object(big_int v) : object(static_kind), number(std::move(v)) {}
    big_int number;
};

// Hashing and equality as Python defines them for dict keys and set members
// (1 == 1.0 == True hash alike). Unhashable values report false from hash_of.
// Both look at most max_nesting levels deep (as CPython's recursion limit bounds them):
// hash_of reports a deeper tuple as unhashable; values_equal_checked says it is too deep.
constexpr int max_nesting = 1000;
bool hash_of(const value& v, std::int64_t& hash);
enum class equality : std::uint8_t { equal, different, too_deep };
equality values_equal_checked(const value& a, const value& b, int depth = 0);
inline bool values_equal(const value& a, const value& b) { return values_equal_checked(a, b) == equality::equal; }

// An insertion-ordered dict.
struct dict_object : object {
    static constexpr object_kind static_kind = object_kind::dict;
    dict_object() : object(static_kind) {}
    ~dict_object() override { release_children(*this); }
    struct entry {
        value key;
        value item;
        std::int64_t hash;
        bool alive;
    };
    std::vector<entry> entries;
    std::unordered_multimap<std::int64_t, std::size_t> index;
    std::size_t live = 0;
    // collections.defaultdict and Counter are dicts of another type (module_collections.cpp).
    std::shared_ptr<struct type_object> subtype;
    value default_factory;

    std::size_t size() const { return live; }
    value* find(const value& key, std::int64_t hash);
    void set(const value& key, std::int64_t hash, value item);
    bool erase(const value& key, std::int64_t hash);
};

// d.keys(), d.values(), d.items(): live views of a dict.
struct dict_view_object : object {
    static constexpr object_kind static_kind = object_kind::dict_view;
    enum class part : std::uint8_t { keys, values, items };
    dict_view_object(std::shared_ptr<dict_object> d, part p) : object(static_kind), dict(std::move(d)), which(p) {}
    std::shared_ptr<dict_object> dict;
    part which;
};

// A set with CPython 3.11's open-addressing table and its resize policy, so that iteration
// order (what print shows) is CPython's for ints, floats and tuples of them.
struct set_object : object {
    static constexpr object_kind static_kind = object_kind::set;
    set_object();
    ~set_object() override { release_children(*this); }
    struct slot {
        value key;
        std::int64_t hash = 0;
        enum class state : std::uint8_t { empty, active, dummy } status = state::empty;
    };
    std::vector<slot> table;  // a power of two in size
    std::size_t fill = 0;  // active + dummy
    std::size_t used = 0;  // active
    std::size_t finger = 0;  // where the next pop() starts looking

    bool contains(const value& key, std::int64_t hash) const;
    void add(const value& key, std::int64_t hash);
    bool discard(const value& key, std::int64_t hash);
    // set_merge: adds every member of `other`, copying its table's layout when this set is empty.
    void merge(const set_object& other);
    // The single resize CPython makes before adding `incoming` keys of a dict.
    void prepare_for(std::size_t incoming);
    // After removals: rebuilds the table once more than a quarter of it is dummies.
    void compact_if_many_dummies();
    void clear();
    void swap_contents(set_object& other);
    std::optional<value> pop();
    std::vector<value> members() const;  // iteration order

private:
    static bool is_member(const slot& s, const value& key, std::int64_t hash);
    std::size_t find_slot(const value& key, std::int64_t hash) const;
    void grow();
    void resize(std::size_t minimum_used);
};

struct range_object : object {
    static constexpr object_kind static_kind = object_kind::range;
    range_object(std::int64_t b, std::int64_t e, std::int64_t s) : object(static_kind), start(b), stop(e), step(s) {}
    std::int64_t start, stop, step;
    std::int64_t length() const;
};

struct slice_object : object {
    static constexpr object_kind static_kind = object_kind::slice;
    slice_object(value l, value u, value s) : object(static_kind), lower(std::move(l)), upper(std::move(u)), step(std::move(s)) {}
    value lower, upper, step;  // None where omitted
};

// Any iterator: produces the next value, or nothing when exhausted (or a raised value).
struct iterator_object : object {
    static constexpr object_kind static_kind = object_kind::iterator;
    explicit iterator_object(std::function<std::optional<value>()> producer, std::string type = "iterator")
        : object(static_kind), next(std::move(producer)), type_name(std::move(type)) {}
    std::function<std::optional<value>()> next;
    std::string type_name;
};

// A variable captured by an inner function.
struct cell_object : object {
    static constexpr object_kind static_kind = object_kind::cell;
    cell_object() : object(static_kind), content(value::unbound()) {}
    ~cell_object() override { release_children(*this); }
    value content;
};

// Names to values in first-assignment order: a module's globals, a class's namespace, an
// instance's attributes.
struct globals_table {
    std::unordered_map<std::string, value> names;
    std::vector<std::string> order;  // names by first assignment: a CPython module dict's order
    const value* find(const std::string& name) const {
        auto found = names.find(name);
        return found == names.end() ? nullptr : &found->second;
    }
    void erase(const std::string& name) {
        if (names.erase(name)) order.erase(std::find(order.begin(), order.end(), name));
    }

    void set(const std::string& name, value v) {
        if (names.insert_or_assign(name, std::move(v)).second) order.push_back(name);
    }
};

struct function_object : object {
    static constexpr object_kind static_kind = object_kind::function;
    function_object() : object(static_kind) {}
    std::shared_ptr<const function_def> definition;
    std::shared_ptr<const code_object> code;
    std::vector<value> defaults;  // one per parameter (unbound where there is none)
    std::vector<std::shared_ptr<cell_object>> closure;
    std::shared_ptr<globals_table> globals;
    std::string qualified_name;
};

struct call_arguments {
    std::vector<value> positional;
    std::vector<std::pair<std::string, value>> keywords;

    // Removes and returns keyword `name`, or `fallback` if it was not given.
    value take(const std::string& name, value fallback = value::unbound()) {
        for (auto it = keywords.begin(); it != keywords.end(); ++it) {
            if (it->first == name) {
                value v = std::move(it->second);
                keywords.erase(it);
                return v;
            }
        }
        return fallback;
    }
};
using native_function = std::function<value(interpreter&, call_arguments&)>;

// A builtin (print, len), a method bound to its object (list.append), a type's constructor.
struct builtin_function_object : object {
    static constexpr object_kind static_kind = object_kind::builtin_function;
    builtin_function_object(std::string n, native_function f, value bound = value::unbound())
        : object(static_kind), name(std::move(n)), function(std::move(f)), self(std::move(bound)) {}
    std::string name;
    native_function function;
    value self;  // the bound object for methods, unbound otherwise
};

struct type_object : object {
    static constexpr object_kind static_kind = object_kind::type;
    type_object(std::string n, std::shared_ptr<type_object> b, std::string m = "builtins")
        : object(static_kind), name(std::move(n)), module(std::move(m)), base(std::move(b)) {}
    std::string name;
    std::string module;  // "builtins", "asyncio.exceptions", ...
    std::shared_ptr<type_object> base;
    native_function construct;  // calling the type
    std::shared_ptr<globals_table> dict;  // a class statement's namespace (user classes only)
    // A class with __eq__: how containers compare its instances (a RecursionError is too_deep,
    // another error counts as unequal).
    std::function<equality(const value&, const value&)> user_equal;
    std::vector<std::string> field_names;  // a namedtuple's
    std::map<std::string, value> class_attributes;  // a library type's class methods (datetime.now)
    bool is_subclass_of(const type_object& other) const;
    // As tracebacks name it: builtins and classes of the program (__main__) go unqualified.
    std::string qualified_name() const { return module == "builtins" || module == "__main__" ? name : module + "." + name; }
};
using type_ptr = std::shared_ptr<type_object>;

struct traceback_entry {
    std::string function;
    int line = 0;
};

struct exception_object : object {
    static constexpr object_kind static_kind = object_kind::exception;
    exception_object(type_ptr t, std::vector<value> a) : object(static_kind), type(std::move(t)), args(std::move(a)) {}
    ~exception_object() override { release_children(*this); }
    type_ptr type;
    std::vector<value> args;
    value cause;     // raise ... from cause
    value context;   // the exception being handled when this one was raised
    bool suppress_context = false;
    std::vector<value> group;  // ExceptionGroup members
    std::vector<traceback_entry> traceback;
    std::string note;  // text the traceback printer adds (", Did you mean ...?")
    std::shared_ptr<globals_table> attributes;  // what the program set on it (self.attempts = n), or null
};

struct module_object : object {
    static constexpr object_kind static_kind = object_kind::module;
    explicit module_object(std::string n) : object(static_kind), name(std::move(n)) {}
    std::string name;
    std::map<std::string, value> attributes;
};

// Told when a coroutine is freed without ever running: CPython's "coroutine 'f' was never
// awaited" RuntimeWarning (coroutine_warnings.cpp). Unset: nobody to tell (an awaitable made
// inside the library, or one a task owns).
struct never_awaited_report {
    std::weak_ptr<std::function<void(const std::string& coroutine_name)>> reporter;
    void operator()(const std::string& coroutine_name) const {
        if (auto report = reporter.lock()) (*report)(coroutine_name);
    }
};

// A call of an `async def` function: nothing runs until it is awaited or made a task.
struct coroutine_object : object {
    static constexpr object_kind static_kind = object_kind::coroutine;
    coroutine_object() : object(static_kind) {}
    std::shared_ptr<function_object> function;
    std::shared_ptr<struct frame> frame;  // its arguments bound; moves to a frame stack when awaited
    bool started = false;
    // Driven by hand (coro.send / throw / close, coroutine_methods.cpp): its frames between two
    // sends, what its innermost await waits on, and whether it has ended.
    std::shared_ptr<struct frame_stack> driven;
    value awaiting;
    bool finished = false;
    never_awaited_report on_unawaited;
    ~coroutine_object() override {
        if (!started) on_unawaited(function->definition->name);
    }
};

// An awaitable made by a builtin (asyncio.sleep(1), queue.get()): a core coroutine on demand.
struct native_coroutine_object : object {
    static constexpr object_kind static_kind = object_kind::native_coroutine;
    native_coroutine_object(std::string n, std::function<coro<value>()> s)
        : object(static_kind), name(std::move(n)), start(std::move(s)) {}
    std::string name;
    std::function<coro<value>()> start;
    bool started = false;
    // asyncio.sleep(0): a bare `yield` to the loop, then this value (what a coroutine driven
    // by hand with send() sees: None, then the value sent back is ignored); unbound otherwise.
    value bare_yield = value::unbound();
    never_awaited_report on_unawaited;  // set when the program's own call made it (calls.cpp)
    ~native_coroutine_object() override {
        if (!started) on_unawaited(name);
    }
};

struct task_object : object {
    static constexpr object_kind static_kind = object_kind::task;
    explicit task_object(task_ptr<value> t) : object(static_kind), task(std::move(t)) {}
    task_ptr<value> task;
    // Its coroutine, for the repr: `coro=<work() running at FILE:LINE>` (empty: a builtin's).
    std::string coroutine_name;
    int defined_at = 0;
};

struct future_object : object {
    static constexpr object_kind static_kind = object_kind::future;
    explicit future_object(future_ptr<value> f) : object(static_kind), future(std::move(f)) {}
    future_ptr<value> future;
};

template <class Primitive, object_kind Kind>
struct primitive_object : object {
    static constexpr object_kind static_kind = Kind;
    template <class... Args>
    explicit primitive_object(Args&&... args) : object(static_kind), primitive(std::forward<Args>(args)...) {}
    Primitive primitive;
    std::uint64_t number = 0;  // its made-up address in reprs, as an instance's (default_instance_repr)
};
using queue_object = primitive_object<loopstep::queue<value>, object_kind::queue>;
using event_object = primitive_object<loopstep::event, object_kind::event>;
using lock_object = primitive_object<loopstep::lock, object_kind::lock>;
using semaphore_object = primitive_object<loopstep::semaphore, object_kind::semaphore>;

// asyncio.Condition: its lock is its own or one given (Condition(lock)), kept alive here.
struct condition_object : object {
    static constexpr object_kind static_kind = object_kind::condition;
    condition_object(event_loop& loop, std::shared_ptr<lock_object> l)
        : object(static_kind), lock(std::move(l)), primitive(loop, lock->primitive) {}
    std::shared_ptr<lock_object> lock;
    loopstep::condition primitive;
    std::uint64_t number = 0;
};
using barrier_object = primitive_object<loopstep::barrier, object_kind::barrier>;

// asyncio.Runner (module_asyncio_loop.cpp): runs coroutines on the loop, one at a time.
struct runner_object : object {
    static constexpr object_kind static_kind = object_kind::runner;
    runner_object() : object(static_kind) {}
    enum class phase : std::uint8_t { created, initialized, closed } state = phase::created;
};

struct timeout_object : object {
    static constexpr object_kind static_kind = object_kind::timeout;
    explicit timeout_object(std::optional<double> d, bool absolute) : object(static_kind), delay(d), is_absolute(absolute) {}
    std::optional<double> delay;
    bool is_absolute;
    std::unique_ptr<timeout_scope> scope;
};

struct task_group_object : object {
    static constexpr object_kind static_kind = object_kind::task_group;
    explicit task_group_object(event_loop& loop) : object(static_kind), group(loop) {}
    task_group group;
};

// A value of a library type written in C++ (collections.deque, datetime.timedelta,
// random.Random, ...): it answers for its own attributes, repr and operators.
struct native_object : object {
    static constexpr object_kind static_kind = object_kind::native;
    explicit native_object(std::shared_ptr<type_object> t) : object(static_kind), type(std::move(t)) {}
    std::shared_ptr<type_object> type;
    virtual value attribute(interpreter&, const value& self, const std::string& name, bool& found);
    virtual std::vector<std::string> attribute_names() const { return {}; }
    virtual std::string repr(interpreter& in);
    virtual std::string str(interpreter& in) { return repr(in); }
    virtual value iterator(interpreter&) { return value::unbound(); }  // unbound: not iterable
    virtual std::optional<std::int64_t> length() const { return std::nullopt; }
    virtual value get_item(interpreter&, const value&) { return value::unbound(); }
    virtual value call(interpreter&, call_arguments&) { return value::unbound(); }  // unbound: not callable
    // `self` is the left or the right operand; unbound when the operation does not apply.
    virtual value binary(interpreter&, binary_op, const value&, const value&) { return value::unbound(); }
    // -1, 0, 1, or 2 when the two cannot be ordered (equality then is identity).
    virtual int order(const value&) const { return 2; }
    virtual bool hash(std::int64_t& h) const {
        h = std::int64_t(reinterpret_cast<std::uintptr_t>(this) >> 4);
        return true;
    }
    virtual void take_values(std::vector<object_ptr>&) {}
};

struct loop_object : object {
    static constexpr object_kind static_kind = object_kind::loop;
    explicit loop_object(event_loop& l) : object(static_kind), loop(l) {}
    event_loop& loop;
    bool closed = false;  // loop.close(): the program's loop objects share the one core loop
};

// ---- classes (classes.cpp) ------------------------------------------------------------

// An instance of a class the program defined (not an exception: those are exception_objects).
struct instance_object : object {
    static constexpr object_kind static_kind = object_kind::instance;
    instance_object(type_ptr t, std::uint64_t n) : object(static_kind), type(std::move(t)), number(n) {}
    type_ptr type;
    std::uint64_t number;  // creation order in the run: its hash and the address its repr shows
    globals_table attributes;  // its __dict__, in assignment order
};

// A function bound to the object it was looked up on (obj.method): calling it passes `self` first.
struct method_object : object {
    static constexpr object_kind static_kind = object_kind::method;
    method_object(value f, value s) : object(static_kind), function(std::move(f)), self(std::move(s)) {}
    value function;
    value self;
};

// super(cls, obj): looks attributes up in the classes after `after` in obj's chain of bases.
struct super_object : object {
    static constexpr object_kind static_kind = object_kind::super_proxy;
    super_object(type_ptr a, value s) : object(static_kind), after(std::move(a)), self(std::move(s)) {}
    type_ptr after;
    value self;
};

// What a class body may hold besides plain functions: staticmethod, classmethod, property,
// a native method (dataclass's __init__), a dataclasses.field().
struct class_member_object : object {
    static constexpr object_kind static_kind = object_kind::class_member;
    enum class role : std::uint8_t { static_method, class_method, property, native_method, dataclass_field };
    class_member_object(role r, value f) : object(static_kind), what(r), function(std::move(f)), setter(value::unbound()), extra(value::unbound()) {}
    role what;
    value function;  // the function, the getter, or a field's default_factory (unbound if none)
    value setter;    // a property's setter, or unbound
    value extra;     // a field's default (unbound if none)
};

}  // namespace loopstep::python

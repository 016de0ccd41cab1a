// Name resolution with CPython's symtable rules: frame slots, cells, free variables, compile-time errors; pairs with resolver.hpp.
#include "resolver.hpp"

#include <map>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace loopstep::python {
namespace {

constexpr int max_static_blocks = 20;  // CPython's CO_MAXBLOCKS

struct resolve_failure {
    syntax_error error;
};

[[noreturn]] void fail(std::string message, source_location where, source_location end) {
    if (end.line == 0) end = {where.line, where.column + 1};
    throw resolve_failure{syntax_error{"SyntaxError", std::move(message), where, end}};
}

// A comprehension's own scope: its target names live in hidden slots of the enclosing frame.
struct comp_scope {
    std::unordered_map<std::string, std::string> hidden;  // target name -> hidden slot name
    std::string name;  // CPython's name for its code: "<listcomp>", "<genexpr>", ...
};
using comp_context = std::vector<const comp_scope*>;

struct declaration {
    std::string name;
    bool global = false;
    source_location where, end;
};

struct scope {
    function_def* function = nullptr;  // the module's frame for the module scope
    bool is_module = false;
    bool is_async = false;
    bool is_lambda = false;
    bool is_class = false;    // a class body: its names live in the class namespace
    bool uses_super = false;  // names `super`: gets the enclosing class's __class__ cell
    scope* parent = nullptr;
    comp_context defined_in;  // comprehension scopes around the definition, in the parent
    std::unordered_map<std::string, int> slots;
    std::set<std::string> globals, nonlocals;
    std::vector<declaration> declarations;
    std::set<std::string> used, assigned;  // seen so far in source order (for declaration errors)
    std::unordered_map<std::string, int> free_index;
    int comprehension_count = 0;

    int add_local(const std::string& key) {
        auto found = slots.find(key);
        if (found != slots.end()) return found->second;
        int slot = static_cast<int>(function->locals.size());
        function->locals.push_back(key);
        function->local_is_cell.push_back(false);
        slots.emplace(key, slot);
        return slot;
    }
    int add_free(const std::string& key) {
        auto found = free_index.find(key);
        if (found != free_index.end()) return found->second;
        int index = static_cast<int>(function->free_names.size());
        function->free_names.push_back(key);
        free_index.emplace(key, index);
        return index;
    }
};

class resolver {
public:
    explicit resolver(module& program) : program_(program) {}

    void run() {
        auto& top = new_scope(program_.frame.get(), nullptr, {});
        top.is_module = true;
        collect_block(program_.body, top);
        check_declarations();
        resolve_block(program_.body, top, {});
        finish_bindings();
    }

private:
    module& program_;
    std::vector<std::unique_ptr<scope>> scopes_;  // in source order (pre-order)
    std::unordered_map<const function_def*, scope*> scope_of_;
    std::unordered_map<const comprehension_expr*, std::unique_ptr<comp_scope>> comps_;
    struct pending_slot { name_binding* binding; scope* owner; int slot; };
    std::vector<pending_slot> pending_;

    scope& new_scope(function_def* function, scope* parent, comp_context defined_in) {
        scopes_.push_back(std::make_unique<scope>());
        scope& s = *scopes_.back();
        s.function = function;
        s.parent = parent;
        s.defined_in = std::move(defined_in);
        s.is_async = function->is_async;
        function->locals.clear();
        function->local_is_cell.clear();
        function->free_names.clear();
        function->free_sources.clear();
        scope_of_[function] = &s;
        return s;
    }

    // ==== pass 1: what each scope binds and declares (CPython's symtable build) ==========

    void collect_block(const block& body, scope& s) {
        for (const auto& statement : body) collect_stmt(*statement, s);
    }

    void bind(const std::string& name, scope& s) {
        s.assigned.insert(name);
        if (s.is_module || s.is_class || s.globals.count(name) || s.nonlocals.count(name)) return;
        s.add_local(name);
    }

    void collect_target(const expr& e, scope& s, const comp_context& comps) {
        switch (e.kind) {
            case expr_kind::name: {
                const auto& id = static_cast<const name_expr&>(e).id;
                for (auto it = comps.rbegin(); it != comps.rend(); ++it)
                    if ((*it)->hidden.count(id)) return;
                return bind(id, s);
            }
            case expr_kind::tuple: case expr_kind::list:
                for (const auto& element : static_cast<const sequence_expr&>(e).elements) collect_target(*element, s, comps);
                return;
            case expr_kind::starred:
                return collect_target(*static_cast<const starred_expr&>(e).value, s, comps);
            default:
                return collect_expr(e, s, comps);  // attribute / subscript: their parts are reads
        }
    }

    void declare(const std::vector<std::string>& names, bool global, const stmt& statement, scope& s) {
        for (const auto& name : names) {
            if (s.is_module && !global) fail("nonlocal declaration not allowed at module level", statement.where, statement.end);
            const char* what = global ? "global" : "nonlocal";
            bool is_parameter = false;
            for (const auto& p : s.function->parameters) is_parameter |= !s.is_module && p.name == name;
            if (is_parameter) fail("name '" + name + "' is parameter and " + what, statement.where, statement.end);
            if (s.used.count(name)) fail("name '" + name + "' is used prior to " + what + " declaration", statement.where, statement.end);
            if (s.assigned.count(name)) fail("name '" + name + "' is assigned to before " + what + " declaration", statement.where, statement.end);
            (global ? s.globals : s.nonlocals).insert(name);
            s.declarations.push_back({name, global, statement.where, statement.end});
        }
    }

    // compiler_set_qualname: a function's locals are "<locals>", a comprehension adds its
    // own name, and a def declared global in its function is named as at module level.
    static std::string qualified_name(const function_def& function, const scope& s, const comp_context& comps, bool is_lambda) {
        if (!is_lambda && comps.empty() && s.globals.count(function.name)) return function.name;
        std::string base = s.is_module ? std::string() : s.function->qualified_name + (s.is_class ? "" : ".<locals>");
        for (const comp_scope* comp : comps) base += (base.empty() ? "" : ".") + comp->name;
        return base.empty() ? function.name : base + "." + function.name;
    }

    void collect_function(function_def& function, scope& s, const comp_context& comps, bool is_lambda) {
        function.qualified_name = qualified_name(function, s, comps, is_lambda);
        for (const auto& p : function.parameters)
            if (p.default_value) collect_expr(*p.default_value, s, comps);
        scope& inner = new_scope(&function, &s, comps);
        inner.is_lambda = is_lambda;
        inner.is_class = function.is_class_body;
        if (inner.is_class) inner.add_local("__class__");  // a cell once a method uses super()
        for (const auto& p : function.parameters) {
            if (inner.slots.count(p.name)) {
                fail("duplicate argument '" + p.name + "' in function definition", p.where,
                     {p.where.line, p.where.column + static_cast<int>(p.name.size())});
            }
            inner.add_local(p.name);
            inner.assigned.insert(p.name);
        }
        collect_block(function.body, inner);
    }

    void collect_stmt(const stmt& st, scope& s) {
        const comp_context none;
        switch (st.kind) {
            case stmt_kind::expression: return collect_expr(*static_cast<const expression_stmt&>(st).value, s, none);
            case stmt_kind::assign: {
                const auto& a = static_cast<const assign_stmt&>(st);
                collect_expr(*a.value, s, none);
                for (const auto& t : a.targets) collect_target(*t, s, none);
                return;
            }
            case stmt_kind::aug_assign: {
                const auto& a = static_cast<const aug_assign_stmt&>(st);
                collect_expr(*a.value, s, none);
                if (a.target->kind == expr_kind::name) s.used.insert(static_cast<const name_expr&>(*a.target).id);
                return collect_target(*a.target, s, none);
            }
            case stmt_kind::if_: {
                const auto& i = static_cast<const if_stmt&>(st);
                collect_expr(*i.test, s, none);
                collect_block(i.body, s);
                return collect_block(i.orelse, s);
            }
            case stmt_kind::while_: {
                const auto& w = static_cast<const while_stmt&>(st);
                collect_expr(*w.test, s, none);
                collect_block(w.body, s);
                return collect_block(w.orelse, s);
            }
            case stmt_kind::for_: {
                const auto& f = static_cast<const for_stmt&>(st);
                collect_expr(*f.iterable, s, none);
                collect_target(*f.target, s, none);
                collect_block(f.body, s);
                return collect_block(f.orelse, s);
            }
            case stmt_kind::return_: {
                const auto& r = static_cast<const return_stmt&>(st);
                if (r.value) collect_expr(*r.value, s, none);
                return;
            }
            case stmt_kind::function_def: {
                auto& d = static_cast<const function_def_stmt&>(st);
                for (const auto& decorator : d.decorators) collect_expr(*decorator, s, none);
                collect_function(*d.function, s, none, false);
                return bind(d.function->name, s);
            }
            case stmt_kind::class_def: {
                auto& c = static_cast<const class_def_stmt&>(st);
                for (const auto& decorator : c.decorators) collect_expr(*decorator, s, none);
                for (const auto& base : c.bases) collect_expr(*base, s, none);
                collect_function(*c.body, s, none, false);
                return bind(c.name, s);
            }
            case stmt_kind::annotation: {
                auto& a = static_cast<const annotation_stmt&>(st);
                collect_expr(*a.annotation, s, none);
                if (a.value) collect_expr(*a.value, s, none);
                if (a.value || a.target->kind == expr_kind::name) collect_target(*a.target, s, none);
                return;
            }
            case stmt_kind::try_: {
                const auto& t = static_cast<const try_stmt&>(st);
                collect_block(t.body, s);
                for (const auto& h : t.handlers) {
                    if (h.type) collect_expr(*h.type, s, none);
                    if (!h.name.empty()) bind(h.name, s);
                    collect_block(h.body, s);
                }
                collect_block(t.orelse, s);
                return collect_block(t.finalbody, s);
            }
            case stmt_kind::raise: {
                const auto& r = static_cast<const raise_stmt&>(st);
                if (r.exception) collect_expr(*r.exception, s, none);
                if (r.cause) collect_expr(*r.cause, s, none);
                return;
            }
            case stmt_kind::assert_: {
                const auto& a = static_cast<const assert_stmt&>(st);
                collect_expr(*a.test, s, none);
                if (a.message) collect_expr(*a.message, s, none);
                return;
            }
            case stmt_kind::with: {
                const auto& w = static_cast<const with_stmt&>(st);
                for (const auto& item : w.items) {
                    collect_expr(*item.context, s, none);
                    if (item.target) collect_target(*item.target, s, none);
                }
                return collect_block(w.body, s);
            }
            case stmt_kind::import:
                for (const auto& alias : static_cast<const import_stmt&>(st).names)
                    bind(alias.alias.empty() ? alias.name.substr(0, alias.name.find('.')) : alias.alias, s);
                return;
            case stmt_kind::import_from:
                for (const auto& alias : static_cast<const import_from_stmt&>(st).names)
                    bind(alias.alias.empty() ? alias.name : alias.alias, s);
                return;
            case stmt_kind::global: return declare(static_cast<const global_stmt&>(st).names, true, st, s);
            case stmt_kind::nonlocal: return declare(static_cast<const nonlocal_stmt&>(st).names, false, st, s);
            case stmt_kind::break_: case stmt_kind::continue_: case stmt_kind::pass: return;
        }
    }

    void collect_comprehension(const comprehension_expr& c, scope& s, const comp_context& comps) {
        // The first iterable is evaluated in the enclosing scope; the rest in the comprehension's.
        collect_expr(*c.generators.front().iterable, s, comps);
        if (c.function) return collect_generator_expression(c, s, comps);
        auto inner = std::make_unique<comp_scope>();
        inner->name = c.kind == expr_kind::list_comp  ? "<listcomp>"
                      : c.kind == expr_kind::set_comp ? "<setcomp>"
                      : c.kind == expr_kind::dict_comp ? "<dictcomp>"
                                                       : "<genexpr>";
        int number = ++s.comprehension_count;
        std::string prefix = number == 1 ? "<comp>." : "<comp" + std::to_string(number) + ">.";
        for (const auto& g : c.generators) add_comp_targets(*g.target, *inner, prefix, s);
        comp_context nested = comps;
        nested.push_back(inner.get());
        for (std::size_t k = 0; k < c.generators.size(); ++k) {
            const auto& g = c.generators[k];
            if (k > 0) collect_expr(*g.iterable, s, nested);
            collect_target(*g.target, s, nested);
            for (const auto& condition : g.conditions) collect_expr(*condition, s, nested);
        }
        collect_expr(*c.element, s, nested);
        if (c.value) collect_expr(*c.value, s, nested);
        comps_[&c] = std::move(inner);
    }

    // A generator expression is a generator function of its own (parameter ".0"), as in CPython.
    void collect_generator_expression(const comprehension_expr& c, scope& s, const comp_context& comps) {
        function_def& function = *c.function;
        function.qualified_name = qualified_name(function, s, comps, false);
        scope& inner = new_scope(&function, &s, comps);
        inner.add_local(".0");
        inner.assigned.insert(".0");
        const comp_context none;
        for (std::size_t k = 0; k < c.generators.size(); ++k) {
            const auto& g = c.generators[k];
            if (k > 0) collect_expr(*g.iterable, inner, none);
            collect_target(*g.target, inner, none);
            for (const auto& condition : g.conditions) collect_expr(*condition, inner, none);
        }
        collect_expr(*c.element, inner, none);
    }

    void add_comp_targets(const expr& e, comp_scope& c, const std::string& prefix, scope& s) {
        if (e.kind == expr_kind::name) {
            const auto& id = static_cast<const name_expr&>(e).id;
            if (!c.hidden.count(id)) {
                c.hidden[id] = prefix + id;
                s.add_local(prefix + id);
            }
        } else if (e.kind == expr_kind::tuple || e.kind == expr_kind::list) {
            for (const auto& element : static_cast<const sequence_expr&>(e).elements) add_comp_targets(*element, c, prefix, s);
        } else if (e.kind == expr_kind::starred) {
            add_comp_targets(*static_cast<const starred_expr&>(e).value, c, prefix, s);
        }
    }

    void collect_expr(const expr& e, scope& s, const comp_context& comps) {
        switch (e.kind) {
            case expr_kind::name: {
                const auto& id = static_cast<const name_expr&>(e).id;
                for (auto it = comps.rbegin(); it != comps.rend(); ++it)
                    if ((*it)->hidden.count(id)) return;
                // A use inside a comprehension is in the comprehension's scope (a function of
                // its own in CPython), so it does not precede a `global` of this scope.
                if (comps.empty()) s.used.insert(id);
                if (id == "super") s.uses_super = true;
                return;
            }
            case expr_kind::fstring:
                for (const auto& part : static_cast<const fstring_expr&>(e).parts) collect_fstring_part(part, s, comps);
                return;
            case expr_kind::list: case expr_kind::tuple: case expr_kind::set:
                for (const auto& element : static_cast<const sequence_expr&>(e).elements) collect_expr(*element, s, comps);
                return;
            case expr_kind::dict: {
                const auto& d = static_cast<const dict_expr&>(e);
                for (std::size_t k = 0; k < d.values.size(); ++k) {
                    if (d.keys[k]) collect_expr(*d.keys[k], s, comps);
                    collect_expr(*d.values[k], s, comps);
                }
                return;
            }
            case expr_kind::list_comp: case expr_kind::set_comp: case expr_kind::dict_comp: case expr_kind::generator:
                return collect_comprehension(static_cast<const comprehension_expr&>(e), s, comps);
            case expr_kind::unary: return collect_expr(*static_cast<const unary_expr&>(e).operand, s, comps);
            case expr_kind::binary: {
                const auto& b = static_cast<const binary_expr&>(e);
                collect_expr(*b.left, s, comps);
                return collect_expr(*b.right, s, comps);
            }
            case expr_kind::bool_op:
                for (const auto& v : static_cast<const bool_op_expr&>(e).values) collect_expr(*v, s, comps);
                return;
            case expr_kind::compare: {
                const auto& c = static_cast<const compare_expr&>(e);
                collect_expr(*c.left, s, comps);
                for (const auto& v : c.comparators) collect_expr(*v, s, comps);
                return;
            }
            case expr_kind::call: {
                const auto& c = static_cast<const call_expr&>(e);
                collect_expr(*c.function, s, comps);
                for (const auto& a : c.arguments) collect_expr(*a, s, comps);
                for (const auto& k : c.keywords) collect_expr(*k.value, s, comps);
                return;
            }
            case expr_kind::attribute: return collect_expr(*static_cast<const attribute_expr&>(e).object, s, comps);
            case expr_kind::subscript: {
                const auto& x = static_cast<const subscript_expr&>(e);
                collect_expr(*x.object, s, comps);
                return collect_expr(*x.index, s, comps);
            }
            case expr_kind::slice: {
                const auto& x = static_cast<const slice_expr&>(e);
                for (const auto* part : {x.lower.get(), x.upper.get(), x.step.get()})
                    if (part) collect_expr(*part, s, comps);
                return;
            }
            case expr_kind::conditional: {
                const auto& c = static_cast<const conditional_expr&>(e);
                collect_expr(*c.test, s, comps);
                collect_expr(*c.body, s, comps);
                return collect_expr(*c.orelse, s, comps);
            }
            case expr_kind::await: return collect_expr(*static_cast<const await_expr&>(e).value, s, comps);
            case expr_kind::yield:
                if (const auto& value = static_cast<const yield_expr&>(e).value) collect_expr(*value, s, comps);
                return;
            case expr_kind::lambda:
                return collect_function(*static_cast<const lambda_expr&>(e).function, s, comps, true);
            case expr_kind::starred: return collect_expr(*static_cast<const starred_expr&>(e).value, s, comps);
            default: return;
        }
    }

    void collect_fstring_part(const fstring_part& part, scope& s, const comp_context& comps) {
        if (part.value) collect_expr(*part.value, s, comps);
        for (const auto& spec : part.format_spec) collect_fstring_part(spec, s, comps);
    }

    // ==== between the passes: declarations that cannot be satisfied (CPython's analyze) ====

    struct outer_variable {
        scope* owner = nullptr;  // null: the name is global
        std::string key;
    };

    // Where a name not bound in `s` lives: in an enclosing function (or a module-level
    // comprehension slot), or nowhere (global).
    outer_variable find_outer(const scope& s, const std::string& name) const {
        const comp_context* comps = &s.defined_in;
        scope* p = s.parent;
        while (p != nullptr) {
            for (auto it = comps->rbegin(); it != comps->rend(); ++it) {
                auto found = (*it)->hidden.find(name);
                if (found != (*it)->hidden.end()) return {p, found->second};
            }
            if (p->is_module || p->globals.count(name)) return {};
            // A class body's names are not visible in its methods; only its __class__ cell is.
            if (p->slots.count(name) && (!p->is_class || name == "__class__")) return {p, name};
            comps = &p->defined_in;
            p = p->parent;
        }
        return {};
    }

    void check_declarations() {
        for (const auto& s : scopes_) {
            for (const auto& d : s->declarations) {
                if (s->globals.count(d.name) && s->nonlocals.count(d.name)) {
                    const declaration* first = &d;
                    for (const auto& other : s->declarations) if (other.name == d.name) { first = &other; break; }
                    fail("name '" + d.name + "' is nonlocal and global", first->where, first->end);
                }
                if (!d.global) {
                    outer_variable v = find_outer(*s, d.name);
                    if (v.owner == nullptr || v.owner->is_module) fail("no binding for nonlocal '" + d.name + "' found", d.where, d.end);
                }
            }
        }
    }

    // ==== pass 2: bindings, contains_await, and the compiler's checks ====================

    struct context {
        scope* s;
        int loops = 0;       // loops around this point in the current function
        int blocks = 0;      // statically nested blocks in the current function
        bool in_comprehension = false;
    };

    name_binding lookup(const std::string& name, scope& s, const comp_context& comps) {
        for (auto it = comps.rbegin(); it != comps.rend(); ++it) {
            auto found = (*it)->hidden.find(name);
            if (found != (*it)->hidden.end()) return slot_binding(s, s.slots.at(found->second));
        }
        if (s.is_module || s.globals.count(name)) return {name_scope::global, -1};
        if (s.is_class) {
            // CPython's LOAD_NAME, or a variable of the enclosing function the body never assigns.
            if (s.assigned.count(name) || find_outer(s, name).owner == nullptr) return {name_scope::class_namespace, -1};
        }
        auto local = s.slots.find(name);
        if (local != s.slots.end()) return slot_binding(s, local->second);
        outer_variable v = find_outer(s, name);
        if (v.owner == nullptr) return {name_scope::global, -1};
        v.owner->function->local_is_cell[v.owner->slots.at(v.key)] = true;
        int index = -1;
        for (scope* inner = &s; inner != v.owner; inner = inner->parent) {
            int i = inner->add_free(v.key);
            if (inner == &s) index = i;
        }
        return {name_scope::free, index};
    }

    // Local slots may turn into cells later in the walk: fixed up in finish_bindings().
    name_binding slot_binding(scope& s, int slot) {
        pending_.push_back({nullptr, &s, slot});
        return {name_scope::local, slot};
    }

    void set_binding(name_binding& target, name_binding value) {
        target = value;
        if (value.scope == name_scope::local && !pending_.empty() && pending_.back().binding == nullptr) {
            pending_.back().binding = &target;
        }
    }

    void bind_name(name_binding& target, const std::string& name, scope& s, const comp_context& comps) {
        set_binding(target, lookup(name, s, comps));
    }

    void finish_bindings() {
        for (const auto& p : pending_) {
            if (p.binding != nullptr && p.owner->function->local_is_cell[p.slot]) p.binding->scope = name_scope::cell;
        }
        for (const auto& s : scopes_) {
            if (s->is_module) continue;
            function_def& f = *s->function;
            f.free_sources.clear();
            for (const auto& key : f.free_names) {
                auto slot = s->parent->slots.find(key);
                if (slot != s->parent->slots.end()) {
                    f.free_sources.push_back({name_scope::cell, slot->second});
                } else {
                    f.free_sources.push_back({name_scope::free, s->parent->free_index.at(key)});
                }
            }
        }
    }

    bool resolve_block(block& body, scope& s, context ctx) {
        bool awaits = false;
        for (auto& statement : body) awaits |= resolve_stmt(*statement, s, ctx);
        return awaits;
    }

    context enter_block(const stmt& st, context ctx) {
        if (++ctx.blocks > max_static_blocks) fail("too many statically nested blocks", st.where, st.end);
        return ctx;
    }

    bool resolve_stmt(stmt& st, scope& s, context ctx) {
        bool awaits = resolve_stmt_parts(st, s, ctx);
        st.contains_await = awaits;
        return awaits;
    }

    bool resolve_stmt_parts(stmt& st, scope& s, context ctx) {
        const comp_context none;
        switch (st.kind) {
            case stmt_kind::expression: return resolve_expr(*static_cast<expression_stmt&>(st).value, s, none, ctx);
            case stmt_kind::assign: {
                auto& a = static_cast<assign_stmt&>(st);
                bool awaits = resolve_expr(*a.value, s, none, ctx);
                for (auto& t : a.targets) awaits |= resolve_expr(*t, s, none, ctx);
                return awaits;
            }
            case stmt_kind::aug_assign: {
                auto& a = static_cast<aug_assign_stmt&>(st);
                bool awaits = resolve_expr(*a.target, s, none, ctx);
                return resolve_expr(*a.value, s, none, ctx) || awaits;
            }
            case stmt_kind::if_: {
                auto& i = static_cast<if_stmt&>(st);
                bool awaits = resolve_expr(*i.test, s, none, ctx);
                awaits |= resolve_block(i.body, s, ctx);
                return resolve_block(i.orelse, s, ctx) || awaits;
            }
            case stmt_kind::while_: {
                auto& w = static_cast<while_stmt&>(st);
                context inner = enter_block(st, ctx);
                ++inner.loops;
                bool awaits = resolve_expr(*w.test, s, none, ctx);
                awaits |= resolve_block(w.body, s, inner);
                return resolve_block(w.orelse, s, ctx) || awaits;
            }
            case stmt_kind::for_: {
                auto& f = static_cast<for_stmt&>(st);
                if (f.is_async && !s.is_async) fail("'async for' outside async function", st.where, st.end);
                context inner = enter_block(st, ctx);
                ++inner.loops;
                bool awaits = f.is_async;  // each turn awaits the next item
                awaits |= resolve_expr(*f.iterable, s, none, ctx);
                awaits |= resolve_expr(*f.target, s, none, ctx);
                awaits |= resolve_block(f.body, s, inner);
                return resolve_block(f.orelse, s, ctx) || awaits;
            }
            case stmt_kind::break_:
                if (ctx.loops == 0) fail("'break' outside loop", st.where, st.end);
                return false;
            case stmt_kind::continue_:
                if (ctx.loops == 0) fail("'continue' not properly in loop", st.where, st.end);
                return false;
            case stmt_kind::pass: return false;
            case stmt_kind::return_: {
                auto& r = static_cast<return_stmt&>(st);
                if (s.is_module || s.is_class) fail("'return' outside function", st.where, st.end);
                if (r.value && s.is_async && s.function->is_generator) fail("'return' with value in async generator", st.where, st.end);
                return r.value && resolve_expr(*r.value, s, none, ctx);
            }
            case stmt_kind::class_def: {
                auto& c = static_cast<class_def_stmt&>(st);
                bool awaits = resolve_all(c.decorators, s, none, ctx);
                awaits |= resolve_all(c.bases, s, none, ctx);
                awaits |= resolve_function(*c.body, s, none, ctx);
                bind_name(c.binding, c.name, s, none);
                return awaits;
            }
            case stmt_kind::annotation: {
                auto& a = static_cast<annotation_stmt&>(st);
                bool awaits = resolve_expr(*a.annotation, s, none, ctx);
                if (a.value) awaits |= resolve_expr(*a.value, s, none, ctx);
                return resolve_expr(*a.target, s, none, ctx) || awaits;
            }
            case stmt_kind::function_def: {
                auto& d = static_cast<function_def_stmt&>(st);
                bool awaits = resolve_all(d.decorators, s, none, ctx);
                awaits |= resolve_function(*d.function, s, none, ctx);
                bind_name(d.binding, d.function->name, s, none);
                return awaits;
            }
            case stmt_kind::try_: return resolve_try(static_cast<try_stmt&>(st), s, ctx);
            case stmt_kind::raise: {
                auto& r = static_cast<raise_stmt&>(st);
                bool awaits = r.exception && resolve_expr(*r.exception, s, none, ctx);
                return (r.cause && resolve_expr(*r.cause, s, none, ctx)) || awaits;
            }
            case stmt_kind::assert_: {
                auto& a = static_cast<assert_stmt&>(st);
                bool awaits = resolve_expr(*a.test, s, none, ctx);
                return (a.message && resolve_expr(*a.message, s, none, ctx)) || awaits;
            }
            case stmt_kind::with: {
                auto& w = static_cast<with_stmt&>(st);
                if (w.is_async && !s.is_async) fail("'async with' outside async function", st.where, st.end);
                context inner = enter_block(st, ctx);
                bool awaits = w.is_async;  // entering and leaving an async with are awaits
                for (auto& item : w.items) {
                    awaits |= resolve_expr(*item.context, s, none, ctx);
                    if (item.target) awaits |= resolve_expr(*item.target, s, none, ctx);
                }
                return resolve_block(w.body, s, inner) || awaits;
            }
            case stmt_kind::import:
                for (auto& alias : static_cast<import_stmt&>(st).names)
                    bind_name(alias.binding, alias.alias.empty() ? alias.name.substr(0, alias.name.find('.')) : alias.alias, s, none);
                return false;
            case stmt_kind::import_from:
                for (auto& alias : static_cast<import_from_stmt&>(st).names)
                    bind_name(alias.binding, alias.alias.empty() ? alias.name : alias.alias, s, none);
                return false;
            case stmt_kind::global: case stmt_kind::nonlocal: return false;
        }
        return false;
    }

    bool resolve_try(try_stmt& t, scope& s, context ctx) {
        context inner = enter_block(t, ctx);
        bool awaits = resolve_block(t.body, s, inner);
        for (std::size_t k = 0; k < t.handlers.size(); ++k) {
            auto& h = t.handlers[k];
            if (!h.type && k + 1 < t.handlers.size()) fail("default 'except:' must be last", h.where, {h.where.line, h.where.column + 6});
            if (h.type) awaits |= resolve_expr(*h.type, s, {}, ctx);
            if (!h.name.empty()) bind_name(h.binding, h.name, s, {});
            awaits |= resolve_block(h.body, s, inner);
        }
        awaits |= resolve_block(t.orelse, s, ctx);
        return resolve_block(t.finalbody, s, inner) || awaits;
    }

    // Defaults belong to the defining scope; the body gets a fresh loop/block context.
    bool resolve_function(function_def& function, scope& s, const comp_context& comps, context ctx) {
        bool awaits = false;
        for (auto& p : function.parameters)
            if (p.default_value) awaits |= resolve_expr(*p.default_value, s, comps, ctx);
        scope& inner = *scope_of_.at(&function);
        resolve_block(function.body, inner, context{&inner});
        if (inner.uses_super && !inner.is_class) {
            name_binding cell = lookup("__class__", inner, {});
            if (cell.scope == name_scope::free) function.class_cell = cell;
        }
        return awaits;
    }

    bool resolve_expr(expr& e, scope& s, const comp_context& comps, context ctx) {
        bool awaits = resolve_expr_parts(e, s, comps, ctx);
        e.contains_await = awaits;
        return awaits;
    }

    template <class Range>
    bool resolve_all(Range& items, scope& s, const comp_context& comps, context ctx) {
        bool awaits = false;
        for (auto& item : items) awaits |= resolve_expr(*item, s, comps, ctx);
        return awaits;
    }

    bool resolve_expr_parts(expr& e, scope& s, const comp_context& comps, context ctx) {
        switch (e.kind) {
            case expr_kind::name: {
                auto& n = static_cast<name_expr&>(e);
                bind_name(n.binding, n.id, s, comps);
                return false;
            }
            case expr_kind::fstring: {
                bool awaits = false;
                for (auto& part : static_cast<fstring_expr&>(e).parts) awaits |= resolve_fstring_part(part, s, comps, ctx);
                return awaits;
            }
            case expr_kind::list: case expr_kind::tuple: case expr_kind::set:
                return resolve_all(static_cast<sequence_expr&>(e).elements, s, comps, ctx);
            case expr_kind::dict: {
                auto& d = static_cast<dict_expr&>(e);
                bool awaits = false;
                for (std::size_t k = 0; k < d.values.size(); ++k) {
                    if (d.keys[k]) awaits |= resolve_expr(*d.keys[k], s, comps, ctx);
                    awaits |= resolve_expr(*d.values[k], s, comps, ctx);
                }
                return awaits;
            }
            case expr_kind::list_comp: case expr_kind::set_comp: case expr_kind::dict_comp: case expr_kind::generator:
                return resolve_comprehension(static_cast<comprehension_expr&>(e), s, comps, ctx);
            case expr_kind::unary: return resolve_expr(*static_cast<unary_expr&>(e).operand, s, comps, ctx);
            case expr_kind::binary: {
                auto& b = static_cast<binary_expr&>(e);
                bool awaits = resolve_expr(*b.left, s, comps, ctx);
                return resolve_expr(*b.right, s, comps, ctx) || awaits;
            }
            case expr_kind::bool_op: return resolve_all(static_cast<bool_op_expr&>(e).values, s, comps, ctx);
            case expr_kind::compare: {
                auto& c = static_cast<compare_expr&>(e);
                bool awaits = resolve_expr(*c.left, s, comps, ctx);
                return resolve_all(c.comparators, s, comps, ctx) || awaits;
            }
            case expr_kind::call: {
                auto& c = static_cast<call_expr&>(e);
                bool awaits = resolve_expr(*c.function, s, comps, ctx);
                awaits |= resolve_all(c.arguments, s, comps, ctx);
                for (auto& k : c.keywords) awaits |= resolve_expr(*k.value, s, comps, ctx);
                return awaits;
            }
            case expr_kind::attribute: return resolve_expr(*static_cast<attribute_expr&>(e).object, s, comps, ctx);
            case expr_kind::subscript: {
                auto& x = static_cast<subscript_expr&>(e);
                bool awaits = resolve_expr(*x.object, s, comps, ctx);
                return resolve_expr(*x.index, s, comps, ctx) || awaits;
            }
            case expr_kind::slice: {
                auto& x = static_cast<slice_expr&>(e);
                bool awaits = false;
                for (auto* part : {x.lower.get(), x.upper.get(), x.step.get()})
                    if (part) awaits |= resolve_expr(*part, s, comps, ctx);
                return awaits;
            }
            case expr_kind::conditional: {
                auto& c = static_cast<conditional_expr&>(e);
                bool awaits = resolve_expr(*c.test, s, comps, ctx);
                awaits |= resolve_expr(*c.body, s, comps, ctx);
                return resolve_expr(*c.orelse, s, comps, ctx) || awaits;
            }
            case expr_kind::await: {
                check_await(e, s, ctx);
                resolve_expr(*static_cast<await_expr&>(e).value, s, comps, ctx);
                return true;
            }
            case expr_kind::lambda:
                return resolve_function(*static_cast<lambda_expr&>(e).function, s, comps, ctx);
            case expr_kind::yield: {
                auto& y = static_cast<yield_expr&>(e);
                if (ctx.in_comprehension) fail("'yield' inside comprehension", e.where, e.end);
                return y.value && resolve_expr(*y.value, s, comps, ctx);
            }
            case expr_kind::starred: return resolve_expr(*static_cast<starred_expr&>(e).value, s, comps, ctx);
            default: return false;
        }
    }

    void check_await(const expr& e, const scope& s, context ctx) {
        if (s.is_async) return;
        if (s.function->name == "<genexpr>" && s.parent && s.parent->is_async) {
            throw resolve_failure{syntax_error{"NotSupportedError", "asynchronous generator expressions are not supported in this lesson", e.where, e.end}};
        }
        if (ctx.in_comprehension && !s.is_lambda) {
            fail("asynchronous comprehension outside of an asynchronous function", ctx_comprehension_where_, ctx_comprehension_end_);
        }
        if (s.is_module) fail("'await' outside function", e.where, e.end);
        fail("'await' outside async function", e.where, e.end);
    }
    source_location ctx_comprehension_where_{}, ctx_comprehension_end_{};

    bool resolve_fstring_part(fstring_part& part, scope& s, const comp_context& comps, context ctx) {
        bool awaits = part.value && resolve_expr(*part.value, s, comps, ctx);
        for (auto& spec : part.format_spec) awaits |= resolve_fstring_part(spec, s, comps, ctx);
        return awaits;
    }

    bool resolve_comprehension(comprehension_expr& c, scope& s, const comp_context& comps, context ctx) {
        bool awaits = resolve_expr(*c.generators.front().iterable, s, comps, ctx);
        if (c.function) {
            scope& inner = *scope_of_.at(c.function.get());
            context body{&inner};
            body.in_comprehension = true;
            const comp_context none;
            for (std::size_t k = 0; k < c.generators.size(); ++k) {
                auto& g = c.generators[k];
                if (k > 0) resolve_expr(*g.iterable, inner, none, body);
                resolve_expr(*g.target, inner, none, body);
                resolve_all(g.conditions, inner, none, body);
            }
            resolve_expr(*c.element, inner, none, body);
            return awaits;
        }
        comp_context nested = comps;
        nested.push_back(comps_.at(&c).get());
        context inner = ctx;
        if (!ctx.in_comprehension) {
            ctx_comprehension_where_ = c.where;
            ctx_comprehension_end_ = c.end;
        }
        inner.in_comprehension = true;
        for (std::size_t k = 0; k < c.generators.size(); ++k) {
            auto& g = c.generators[k];
            if (g.is_async && !s.is_async) {
                fail("asynchronous comprehension outside of an asynchronous function", ctx_comprehension_where_, ctx_comprehension_end_);
            }
            awaits |= g.is_async;
            if (k > 0) awaits |= resolve_expr(*g.iterable, s, nested, inner);
            awaits |= resolve_expr(*g.target, s, nested, inner);
            awaits |= resolve_all(g.conditions, s, nested, inner);
        }
        awaits |= resolve_expr(*c.element, s, nested, inner);
        if (c.value) awaits |= resolve_expr(*c.value, s, nested, inner);
        return awaits;
    }
};

}  // namespace

std::optional<syntax_error> resolve(module& program) {
    try {
        resolver(program).run();
    } catch (const resolve_failure& failure) {
        return failure.error;
    }
    return std::nullopt;
}

}  // namespace loopstep::python

// The compiler: statements and expressions of the resolved tree to bytecode, with a line
// table and an exception table (pairs with compiler.hpp; opcodes.hpp says what each op does).
// Like CPython's: try/except/finally, `async with` and loops become jumps plus exception-table
// entries; break/continue/return run the finally blocks they leave, compiled inline.
#include "compiler.hpp"

#include <algorithm>
#include <set>

#include "bytes_object.hpp"
#include "objects.hpp"

namespace loopstep::python {

namespace {

// What a compiled instruction does to the height of the value stack (when it does not jump).
int stack_effect(opcode op, int arg) {
    switch (op) {
        case opcode::nop:
        case opcode::swap:
        case opcode::delete_fast:
        case opcode::load_attr:
        case opcode::unary:
        case opcode::jump:
        case opcode::jump_backward:
        case opcode::get_iter:
        case opcode::list_to_tuple:
        case opcode::kw_names:
        case opcode::await:
        case opcode::raise_error:
        case opcode::check_exc_match:
        case opcode::except_star_match:
        case opcode::async_with_exit:
        case opcode::with_exit:
        case opcode::yield_value:
        case opcode::get_yield_from_iter:
        case opcode::send:
        case opcode::get_aiter: return 0;
        case opcode::get_anext: return 1;
        case opcode::end_async_for: return -2;
        case opcode::copy:
        case opcode::load_const:
        case opcode::load_fast:
        case opcode::load_cell:
        case opcode::load_free:
        case opcode::load_global:
        case opcode::for_iter:
        case opcode::push_exc_info:
        case opcode::import_name:
        case opcode::import_from:
        case opcode::before_async_with:
        case opcode::async_with_except:
        case opcode::before_with:
        case opcode::with_except:
        case opcode::load_name:
        case opcode::load_build_class: return 1;
        case opcode::pop_top:
        case opcode::store_fast:
        case opcode::store_cell:
        case opcode::store_free:
        case opcode::store_global:
        case opcode::store_name:
        case opcode::binary_subscr:
        case opcode::binary:
        case opcode::compare:
        case opcode::pop_jump_if_false:
        case opcode::pop_jump_if_true:
        case opcode::pop_jump_if_none:
        case opcode::jump_if_false_or_pop:
        case opcode::jump_if_true_or_pop:
        case opcode::list_append:
        case opcode::list_extend:
        case opcode::set_add:
        case opcode::set_update:
        case opcode::dict_update:
        case opcode::return_value:
        case opcode::reraise:
        case opcode::pop_except: return -1;
        case opcode::store_attr:
        case opcode::build_slice:
        case opcode::map_add:
        case opcode::call_ex:
        case opcode::pop_except_reraise:
        case opcode::except_star_collect:
        case opcode::except_star_finish: return -2;
        case opcode::store_subscr: return -3;
        case opcode::prepare_except_star: return 2;
        case opcode::unpack_sequence: return (arg & 0xffff) - 1;
        case opcode::build_list:
        case opcode::build_tuple:
        case opcode::build_string: return 1 - arg;
        case opcode::build_set: return 1 - (arg & 0xffff);
        case opcode::build_map: return 1 - 2 * arg;
        case opcode::format_value: return (arg >> 8) ? -1 : 0;
        case opcode::call: return -arg;
        case opcode::make_function: return 1 - (arg >> 16);
        case opcode::raise:
        case opcode::raise_assertion: return -arg;
    }
    return 0;
}

bool is_jump(opcode op) {
    switch (op) {
        case opcode::jump:
        case opcode::jump_backward:
        case opcode::pop_jump_if_false:
        case opcode::pop_jump_if_true:
        case opcode::pop_jump_if_none:
        case opcode::jump_if_false_or_pop:
        case opcode::jump_if_true_or_pop:
        case opcode::for_iter:
        case opcode::send: return true;
        default: return false;
    }
}

// The stack height at a jump's target, given the height before the jump instruction.
int depth_at_target(opcode op, int depth) {
    switch (op) {
        case opcode::pop_jump_if_false:
        case opcode::pop_jump_if_true:
        case opcode::pop_jump_if_none:
        case opcode::for_iter:
        case opcode::send: return depth - 1;
        default: return depth;
    }
}

struct compile_failure {
    syntax_error error;
};

// Whether CPython's AST optimiser turns `e` into a constant: literals, and unary and binary
// operations, tuples and subscripts made of constants (folded bottom-up). Where folding
// would fail (1 / 0), evaluating the expression raises the same error at run time, so the
// shape alone decides. Not modelled: CPython's size limits on folded results (strings over
// 4096 characters, tuples over 256 items), which only affect sets that print in random order.
bool is_constant(const expr& e) {
    switch (e.kind) {
        case expr_kind::int_literal:
        case expr_kind::float_literal:
        case expr_kind::str_literal:
        case expr_kind::bool_literal:
        case expr_kind::none_literal: return true;
        case expr_kind::unary: return is_constant(*static_cast<const unary_expr&>(e).operand);
        case expr_kind::binary: {
            const auto& b = static_cast<const binary_expr&>(e);
            return is_constant(*b.left) && is_constant(*b.right);
        }
        case expr_kind::tuple: {
            const auto& elements = static_cast<const sequence_expr&>(e).elements;
            return std::all_of(elements.begin(), elements.end(), [](const expr_ptr& x) { return is_constant(*x); });
        }
        case expr_kind::subscript: {
            const auto& s = static_cast<const subscript_expr&>(e);
            return is_constant(*s.object) && is_constant(*s.index);
        }
        default: return false;
    }
}

// CPython folds a set display of 3+ constants into a frozenset constant: the VM builds such
// a display the way CPython copies that constant (build_set's 0x10000 flag).
bool is_constant_set_display(const sequence_expr& e) {
    return e.elements.size() > 2 &&
           std::all_of(e.elements.begin(), e.elements.end(), [](const expr_ptr& x) { return is_constant(*x); });
}

// One code object in the making.
class code_compiler {
public:
    code_compiler(std::string name, const function_def* definition, bool is_async) : code_(std::make_shared<code_object>()) {
        code_->name = std::move(name);
        code_->definition = definition;
        code_->is_async = is_async;
        code_->is_generator = definition && definition->is_generator;
    }

    std::shared_ptr<code_object> compile_body(const block& body) {
        statements(body);
        // The return at the end is no line a line step stops at (its value has none); the task's
        // completion is reported at the last statement's line.
        const source_span last_statement = span_;
        span_ = {};
        const function_def* definition = code_->definition;
        if (definition && definition->is_class_body && definition->local_is_cell[0]) {
            // A class body returns its __class__ cell (slot 0) for __build_class__ to fill in.
            emit(opcode::load_fast, 0);
        } else {
            emit(opcode::load_const, constant(value()));
        }
        span_ = last_statement;
        emit(opcode::return_value);
        return finish();
    }

private:
    // ---- emitting ------------------------------------------------------------------------

    struct active_handler {
        int label;
        int depth;  // the stack height to cut back to before pushing the exception
    };

    int emit(opcode op, int arg = 0) {
        if (is_jump(op)) note_label_depth(arg, depth_at_target(op, depth_));
        if (op == opcode::load_fast || op == opcode::store_fast || op == opcode::delete_fast) note_local_use(arg);
        code_->instructions.push_back({op, arg});
        code_->spans.push_back(span_);
        instruction_handlers_.push_back(handlers_.empty() ? active_handler{-1, 0} : handlers_.back());
        depth_ += stack_effect(op, arg);
        max_depth_ = std::max(max_depth_, depth_);
        return int(code_->instructions.size()) - 1;
    }

    int new_label() {
        label_positions_.push_back(-1);
        label_depths_.push_back(-1);
        return int(label_positions_.size()) - 1;
    }
    void note_label_depth(int label, int depth) {
        if (label_depths_[label] < 0) label_depths_[label] = depth;
    }
    void place(int label) {
        label_positions_[label] = int(code_->instructions.size());
        if (label_depths_[label] >= 0) depth_ = label_depths_[label];
    }
    // A handler's label: the exception arrives on a stack cut to `depth`.
    void push_handler(int label, int depth) {
        handlers_.push_back({label, depth});
        note_label_depth(label, depth + 1);
    }
    void pop_handler() { handlers_.pop_back(); }

    int constant(value v) {
        code_->constants.push_back(std::move(v));
        return int(code_->constants.size()) - 1;
    }
    int str_constant(const std::string& text) {
        auto found = str_constants_.find(text);
        if (found != str_constants_.end()) return found->second;
        int index = constant(value::of(make_object<str_object>(text)));
        str_constants_.emplace(text, index);
        return index;
    }
    int name_index(const std::string& name) {
        auto found = std::find(code_->names.begin(), code_->names.end(), name);
        if (found != code_->names.end()) return int(found - code_->names.begin());
        code_->names.push_back(name);
        return int(code_->names.size()) - 1;
    }

    void note_local_use(int slot) {
        if (std::find(local_use_order_.begin(), local_use_order_.end(), slot) == local_use_order_.end()) local_use_order_.push_back(slot);
        // A comprehension is a function in CPython 3.11: the locals it uses are cells there.
        if (comprehension_depth_ > 0) captured_by_comprehension_.insert(slot);
    }

    // CPython's co_varnames: positional, keyword-only, *args and **kwargs parameters, then
    // the plain locals by first use (not cells; not the variables of inline comprehensions,
    // which CPython keeps in the comprehension's own code).
    void collect_varnames() {
        const function_def* definition = code_->definition;
        if (!definition || code_->name == "<module>") return;
        for (parameter_kind kind : {parameter_kind::positional, parameter_kind::keyword_only, parameter_kind::var_positional,
                                    parameter_kind::var_keyword}) {
            for (const auto& p : definition->parameters) {
                if (p.kind == kind) code_->varnames.push_back(p.name);
            }
        }
        for (int slot : local_use_order_) {
            const std::string& name = definition->locals[std::size_t(slot)];
            if (slot < int(definition->parameters.size()) || name.empty() || name[0] == '<') continue;
            if (captured_by_comprehension_.count(slot)) continue;
            code_->varnames.push_back(name);
        }
    }

    std::shared_ptr<code_object> finish() {
        collect_varnames();
        for (auto& ins : code_->instructions) {
            if (is_jump(ins.op)) ins.arg = label_positions_[ins.arg];
        }
        // Consecutive instructions with the same innermost handler share one table entry.
        for (std::size_t i = 0; i < instruction_handlers_.size();) {
            const active_handler h = instruction_handlers_[i];
            std::size_t end = i + 1;
            while (end < instruction_handlers_.size() && instruction_handlers_[end].label == h.label &&
                   instruction_handlers_[end].depth == h.depth) {
                ++end;
            }
            if (h.label >= 0) {
                code_->exception_table.push_back(
                    {std::uint32_t(i), std::uint32_t(end), std::uint32_t(label_positions_[h.label]), std::uint32_t(h.depth)});
            }
            i = end;
        }
        code_->max_stack = std::size_t(max_depth_) + 1;
        return code_;
    }

    [[noreturn]] void fail(const std::string& message, source_location where, source_location end) {
        throw compile_failure{syntax_error{"SyntaxError", message, where, end}};
    }

    // ---- names ---------------------------------------------------------------------------

    void load_name(const name_binding& binding, const std::string& name) {
        switch (binding.scope) {
            case name_scope::local: emit(opcode::load_fast, binding.index); return;
            case name_scope::cell: emit(opcode::load_cell, binding.index); return;
            case name_scope::free: emit(opcode::load_free, binding.index); return;
            case name_scope::global:
            case name_scope::unresolved: emit(opcode::load_global, name_index(name)); return;
            case name_scope::class_namespace: emit(opcode::load_name, name_index(name)); return;
        }
    }
    void store_name(const name_binding& binding, const std::string& name) {
        switch (binding.scope) {
            case name_scope::local: emit(opcode::store_fast, binding.index); return;
            case name_scope::cell: emit(opcode::store_cell, binding.index); return;
            case name_scope::free: emit(opcode::store_free, binding.index); return;
            case name_scope::global:
            case name_scope::unresolved: emit(opcode::store_global, name_index(name)); return;
            case name_scope::class_namespace: emit(opcode::store_name, name_index(name)); return;
        }
    }
    // `except E as name` unbinds name when the handler ends, as CPython does.
    void unbind_name(const name_binding& binding, const std::string& name) {
        if (binding.scope == name_scope::local) {
            emit(opcode::delete_fast, binding.index);
            return;
        }
        emit(opcode::load_const, constant(value::unbound()));
        store_name(binding, name);
    }

    // ---- statements ------------------------------------------------------------------------

    void statements(const block& body) {
        for (const auto& s : body) statement(*s);
    }

    void at(const stmt& s) { span_ = {s.where.line, s.where.column, s.end.line, s.end.column}; }

    void statement(const stmt& s) {
        at(s);
        switch (s.kind) {
            case stmt_kind::expression:
                expression(*static_cast<const expression_stmt&>(s).value);
                at(s);
                emit(opcode::pop_top);
                return;
            case stmt_kind::assign: return assign(static_cast<const assign_stmt&>(s));
            case stmt_kind::aug_assign: return aug_assign(static_cast<const aug_assign_stmt&>(s));
            case stmt_kind::if_: return if_statement(static_cast<const if_stmt&>(s));
            case stmt_kind::while_: return while_statement(static_cast<const while_stmt&>(s));
            case stmt_kind::for_: return for_statement(static_cast<const for_stmt&>(s));
            case stmt_kind::break_: return break_or_continue(s, true);
            case stmt_kind::continue_: return break_or_continue(s, false);
            case stmt_kind::pass: emit(opcode::nop); return;  // a line step stops there, as in CPython
            case stmt_kind::return_: return return_statement(static_cast<const return_stmt&>(s));
            case stmt_kind::function_def: {
                auto& d = static_cast<const function_def_stmt&>(s);
                for (const auto& decorator : d.decorators) expression(*decorator);
                at(s);
                make_function(d.function);
                for (std::size_t i = 0; i < d.decorators.size(); ++i) emit(opcode::call, 1);
                store_name(d.binding, d.function->name);
                return;
            }
            case stmt_kind::class_def: return class_definition(static_cast<const class_def_stmt&>(s));
            case stmt_kind::annotation: return annotation(static_cast<const annotation_stmt&>(s));
            case stmt_kind::try_: return try_statement(static_cast<const try_stmt&>(s));
            case stmt_kind::raise: {
                auto& r = static_cast<const raise_stmt&>(s);
                int count = 0;
                if (r.exception) {
                    expression(*r.exception);
                    ++count;
                    if (r.cause) {
                        expression(*r.cause);
                        ++count;
                    }
                }
                at(s);
                emit(opcode::raise, count);
                return;
            }
            case stmt_kind::assert_: {
                auto& a = static_cast<const assert_stmt&>(s);
                const int ok = new_label();
                expression(*a.test);
                emit(opcode::pop_jump_if_true, ok);
                if (a.message) expression(*a.message);
                at(s);
                emit(opcode::raise_assertion, a.message ? 1 : 0);
                place(ok);
                return;
            }
            case stmt_kind::with: return with_statement(static_cast<const with_stmt&>(s), 0);
            case stmt_kind::import:
                for (const auto& alias : static_cast<const import_stmt&>(s).names) {
                    emit(opcode::import_name, name_index(alias.name));
                    store_name(alias.binding, alias.alias.empty() ? alias.name : alias.alias);
                }
                return;
            case stmt_kind::import_from: {
                auto& from = static_cast<const import_from_stmt&>(s);
                emit(opcode::import_name, name_index(from.module));
                for (const auto& alias : from.names) {
                    emit(opcode::import_from, name_index(alias.name) | (name_index(from.module) << 16));
                    store_name(alias.binding, alias.alias.empty() ? alias.name : alias.alias);
                }
                emit(opcode::pop_top);
                return;
            }
            case stmt_kind::global:
            case stmt_kind::nonlocal: return;
        }
    }

    void assign(const assign_stmt& s) {
        expression(*s.value);
        at(s);
        for (std::size_t i = 0; i < s.targets.size(); ++i) {
            if (i + 1 < s.targets.size()) emit(opcode::copy, 1);
            store_target(*s.targets[i]);
        }
    }

    // Stores the top of the stack into a target: a name, a subscript, an attribute or an
    // unpacking (a, *b, c).
    void store_target(const expr& target) {
        switch (target.kind) {
            case expr_kind::name: {
                auto& n = static_cast<const name_expr&>(target);
                store_name(n.binding, n.id);
                return;
            }
            case expr_kind::tuple:
            case expr_kind::list: {
                auto& elements = static_cast<const sequence_expr&>(target).elements;
                int star = -1;
                for (std::size_t i = 0; i < elements.size(); ++i) {
                    if (elements[i]->kind == expr_kind::starred) star = int(i);
                }
                int arg = int(elements.size());
                if (star >= 0) arg |= (star << 16) | int(0x80000000u);
                emit(opcode::unpack_sequence, arg);
                for (const auto& element : elements) {
                    store_target(element->kind == expr_kind::starred ? *static_cast<const starred_expr&>(*element).value : *element);
                }
                return;
            }
            case expr_kind::subscript: {
                auto& s = static_cast<const subscript_expr&>(target);
                expression(*s.object);
                expression(*s.index);
                emit(opcode::store_subscr);
                return;
            }
            case expr_kind::attribute: {
                auto& a = static_cast<const attribute_expr&>(target);
                expression(*a.object);
                emit(opcode::store_attr, name_index(a.attribute));
                return;
            }
            default:
                emit(opcode::pop_top);
                emit(opcode::raise_error, str_constant("cannot assign to this expression"));
                return;
        }
    }

    void aug_assign(const aug_assign_stmt& s) {
        const int op = int(s.op) | 0x100;
        switch (s.target->kind) {
            case expr_kind::name: {
                auto& n = static_cast<const name_expr&>(*s.target);
                expression(n);
                expression(*s.value);
                at(s);
                emit(opcode::binary, op);
                store_name(n.binding, n.id);
                return;
            }
            case expr_kind::subscript: {
                // The container and the key are evaluated once: d[k()] += 1 calls k() once.
                auto& t = static_cast<const subscript_expr&>(*s.target);
                expression(*t.object);
                expression(*t.index);
                emit(opcode::copy, 2);
                emit(opcode::copy, 2);
                emit(opcode::binary_subscr);
                expression(*s.value);
                at(s);
                emit(opcode::binary, op);
                emit(opcode::swap, 3);
                emit(opcode::swap, 2);
                emit(opcode::store_subscr);
                return;
            }
            case expr_kind::attribute: {
                auto& t = static_cast<const attribute_expr&>(*s.target);
                expression(*t.object);
                emit(opcode::copy, 1);
                emit(opcode::load_attr, name_index(t.attribute));
                expression(*s.value);
                at(s);
                emit(opcode::binary, op);
                emit(opcode::swap, 2);
                emit(opcode::store_attr, name_index(t.attribute));
                return;
            }
            default: emit(opcode::raise_error, str_constant("illegal expression for augmented assignment"));
        }
    }

    void if_statement(const if_stmt& s) {
        const int orelse = new_label(), end = new_label();
        expression(*s.test);
        emit(opcode::pop_jump_if_false, orelse);
        statements(s.body);
        if (!s.orelse.empty()) emit(opcode::jump, end);
        place(orelse);
        statements(s.orelse);
        place(end);
    }

    // ---- loops, and what break/continue/return leave on the way out ------------------------

    enum class block_kind : std::uint8_t { while_loop, for_loop, try_finally, except_handler, finally_handler, async_with, except_star };
    struct block_info {
        block_kind kind;
        int continue_label = -1, break_label = -1;
        const block* finally_body = nullptr;
        std::size_t handlers_outside = 0;  // the handler stack's size outside this block
        const except_handler* handler = nullptr;
        const stmt* statement = nullptr;
    };

    void while_statement(const while_stmt& s) {
        const int top = new_label(), orelse = new_label(), end = new_label();
        place(top);
        expression(*s.test);
        emit(opcode::pop_jump_if_false, orelse);
        blocks_.push_back({block_kind::while_loop, top, end, nullptr, handlers_.size(), nullptr, &s});
        statements(s.body);
        blocks_.pop_back();
        emit(opcode::jump_backward, top);  // at the body's last line: where an endless loop is reported
        place(orelse);
        statements(s.orelse);
        place(end);
    }

    void for_statement(const for_stmt& s) {
        if (s.is_async) return async_for_statement(s);
        const int top = new_label(), exhausted = new_label(), end = new_label();
        expression(*s.iterable);
        at(s);
        emit(opcode::get_iter);
        place(top);
        emit(opcode::for_iter, exhausted);
        store_target(*s.target);
        blocks_.push_back({block_kind::for_loop, top, end, nullptr, handlers_.size(), nullptr, &s});
        statements(s.body);
        blocks_.pop_back();
        emit(opcode::jump_backward, top);
        place(exhausted);
        statements(s.orelse);
        place(end);
    }

    // `async for`: each turn awaits the iterator's next awaitable; StopAsyncIteration from
    // it (and only from it, not from the body) ends the loop.
    void async_for_statement(const for_stmt& s) {
        const int top = new_label(), end = new_label();
        expression(*s.iterable);
        at(s);
        emit(opcode::get_aiter);
        place(top);
        const int stopped = next_async_item();
        store_target(*s.target);
        blocks_.push_back({block_kind::for_loop, top, end, nullptr, handlers_.size(), nullptr, &s});
        statements(s.body);
        blocks_.pop_back();
        emit(opcode::jump_backward, top);
        end_async_loop(stopped);
        statements(s.orelse);
        place(end);
    }

    // [aiter] -> [aiter, item]; returns the label where StopAsyncIteration arrives.
    int next_async_item() {
        const int stopped = new_label();
        push_handler(stopped, depth_);
        emit(opcode::get_anext);
        emit(opcode::await);
        pop_handler();
        return stopped;
    }
    void end_async_loop(int stopped) {
        place(stopped);  // [aiter, exc]
        emit(opcode::end_async_for);
    }

    // `yield value`, `yield from iterable`: the value sent in is left on the stack.
    void yield_expression(const yield_expr& y) {
        if (!y.is_from) {
            if (y.value) expression(*y.value);
            else emit(opcode::load_const, constant(value()));
            emit(opcode::yield_value);
            return;
        }
        const int loop = new_label(), done = new_label();
        expression(*y.value);
        emit(opcode::get_yield_from_iter);
        emit(opcode::load_const, constant(value()));
        place(loop);
        emit(opcode::send, done);  // [sub, item], or [result] at done
        emit(opcode::yield_value);  // [sub, sent]
        emit(opcode::jump, loop);
        place(done);
    }

    // Leaves `b` on the way out of it: keep_top keeps a return value on top of the stack.
    void unwind(const block_info& b, bool keep_top) {
        switch (b.kind) {
            case block_kind::while_loop: return;
            case block_kind::for_loop:
                if (keep_top) emit(opcode::swap, 2);
                emit(opcode::pop_top);
                return;
            case block_kind::try_finally: {
                // The finally body runs here, outside the try: its own errors go further out.
                auto saved_blocks = blocks_;
                blocks_.resize(std::size_t(&b - blocks_.data()));
                statements(*b.finally_body);
                blocks_ = std::move(saved_blocks);
                return;
            }
            case block_kind::except_handler:
                if (keep_top) emit(opcode::swap, 2);
                emit(opcode::pop_except);
                if (!b.handler->name.empty()) unbind_name(b.handler->binding, b.handler->name);
                return;
            case block_kind::finally_handler:
                if (keep_top) {
                    emit(opcode::swap, 2);
                    emit(opcode::pop_top);
                    emit(opcode::swap, 2);
                } else {
                    emit(opcode::pop_top);
                }
                emit(opcode::pop_except);
                return;
            case block_kind::async_with:
                if (keep_top) emit(opcode::swap, 2);
                span_.line = b.statement->where.line;
                emit_with_exit(static_cast<const with_stmt*>(b.statement)->is_async);
                emit(opcode::pop_top);
                return;
            case block_kind::except_star: return;
        }
    }

    // Runs the unwinding of blocks_[from..] (innermost first), each outside its own handlers.
    void unwind_to(std::size_t from, bool keep_top, const stmt& s) {
        auto saved_handlers = handlers_;
        for (std::size_t i = blocks_.size(); i-- > from;) {
            if (blocks_[i].kind == block_kind::except_star) {
                fail("'break', 'continue' and 'return' cannot appear in an except* block", s.where, s.end);
            }
            handlers_.resize(std::min(handlers_.size(), blocks_[i].handlers_outside));
            unwind(blocks_[i], keep_top);
            at(s);
        }
        handlers_ = std::move(saved_handlers);
    }

    void break_or_continue(const stmt& s, bool is_break) {
        std::size_t loop = blocks_.size();
        while (loop-- > 0) {
            if (blocks_[loop].kind == block_kind::while_loop || blocks_[loop].kind == block_kind::for_loop) break;
        }
        const block_info target = blocks_[loop];
        const int depth_before = depth_;
        auto saved_handlers = handlers_;
        unwind_to(loop + 1, false, s);
        if (is_break) {
            handlers_.resize(std::min(handlers_.size(), target.handlers_outside));
            if (target.kind == block_kind::for_loop) emit(opcode::pop_top);
            emit(opcode::jump, target.break_label);
        } else {
            emit(opcode::jump_backward, target.continue_label);
        }
        handlers_ = std::move(saved_handlers);
        depth_ = depth_before;
    }

    void return_statement(const return_stmt& s) {
        if (s.value) expression(*s.value);
        else emit(opcode::load_const, constant(value()));
        at(s);
        const int depth_before = depth_;
        unwind_to(0, true, s);
        emit(opcode::return_value);
        depth_ = depth_before - 1;
    }

    // ---- try / except / except* / finally --------------------------------------------------

    void try_statement(const try_stmt& s) {
        emit(opcode::nop);  // the `try:` line runs, as a line step sees it
        if (s.finalbody.empty()) return try_except(s);
        const int base = depth_;
        const int on_error = new_label(), cleanup = new_label(), end = new_label();
        push_handler(on_error, base);
        blocks_.push_back({block_kind::try_finally, -1, -1, &s.finalbody, handlers_.size() - 1, nullptr, &s});
        if (s.handlers.empty()) statements(s.body);
        else try_except(s);
        blocks_.pop_back();
        pop_handler();
        statements(s.finalbody);  // the way through without an exception
        emit(opcode::jump, end);

        place(on_error);  // [exc]
        push_handler(cleanup, base + 1);
        emit(opcode::push_exc_info);  // [previous, exc]
        blocks_.push_back({block_kind::finally_handler, -1, -1, nullptr, handlers_.size() - 1, nullptr, &s});
        statements(s.finalbody);
        blocks_.pop_back();
        at(s);
        emit(opcode::reraise);
        pop_handler();
        place(cleanup);  // [previous, exc from the finally body]
        emit(opcode::pop_except_reraise);
        place(end);
        depth_ = base;
    }

    void try_except(const try_stmt& s) {
        const int base = depth_;
        const int on_error = new_label(), cleanup = new_label(), end = new_label();
        push_handler(on_error, base);
        statements(s.body);
        pop_handler();
        statements(s.orelse);
        emit(opcode::jump, end);

        place(on_error);  // [exc]
        push_handler(cleanup, base + 1);
        at(s);
        emit(opcode::push_exc_info);  // [previous, exc]
        if (s.is_star) except_star_handlers(s, end);
        else except_handlers(s, end);
        pop_handler();
        place(cleanup);  // [previous, exc raised while handling]
        emit(opcode::pop_except_reraise);
        place(end);
        depth_ = base;
    }

    void except_handlers(const try_stmt& s, int end) {
        for (const auto& handler : s.handlers) {
            const int next = new_label();
            span_ = {handler.where.line, handler.where.column, handler.where.line, handler.where.column};
            if (handler.type) {
                expression(*handler.type);
                emit(opcode::check_exc_match);
                emit(opcode::pop_jump_if_false, next);
            }
            if (handler.name.empty()) emit(opcode::pop_top);
            else store_name(handler.binding, handler.name);
            blocks_.push_back({block_kind::except_handler, -1, -1, nullptr, handlers_.size() - 1, &handler, &s});
            statements(handler.body);
            blocks_.pop_back();
            emit(opcode::pop_except);
            if (!handler.name.empty()) unbind_name(handler.binding, handler.name);
            emit(opcode::jump, end);
            place(next);
        }
        at(s);
        emit(opcode::reraise);
    }

    // except*: each handler takes the members of the group it matches; what is left, and what
    // the handlers raise, is raised again at the end (except_star_finish).
    void except_star_handlers(const try_stmt& s, int end) {
        emit(opcode::prepare_except_star);  // [previous, exc, rest, raised]
        for (const auto& handler : s.handlers) {
            const int next = new_label(), skip = new_label(), collect = new_label();
            span_ = {handler.where.line, handler.where.column, handler.where.line, handler.where.column};
            expression(*handler.type);
            emit(opcode::except_star_match);  // [.., rest, raised, matched or None]
            emit(opcode::copy, 1);
            emit(opcode::pop_jump_if_none, skip);
            emit(opcode::push_exc_info);  // [.., raised, previous, matched]
            const int handler_base = depth_ - 1;
            if (handler.name.empty()) emit(opcode::pop_top);
            else store_name(handler.binding, handler.name);
            push_handler(collect, handler_base);
            blocks_.push_back({block_kind::except_star, -1, -1, nullptr, handlers_.size() - 1, &handler, &s});
            statements(handler.body);
            blocks_.pop_back();
            pop_handler();
            emit(opcode::pop_except);
            if (!handler.name.empty()) unbind_name(handler.binding, handler.name);
            emit(opcode::jump, next);
            place(collect);  // [.., raised, previous, exc]
            emit(opcode::except_star_collect);
            emit(opcode::jump, next);
            place(skip);  // [.., raised, None]
            emit(opcode::pop_top);
            place(next);
        }
        at(s);
        emit(opcode::except_star_finish);  // [previous, what to raise or None]
        const int handled = new_label();
        emit(opcode::copy, 1);
        emit(opcode::pop_jump_if_none, handled);
        emit(opcode::reraise);
        place(handled);  // [previous, None]
        emit(opcode::pop_top);
        emit(opcode::pop_except);
        emit(opcode::jump, end);
    }

    // ---- classes ---------------------------------------------------------------------------------

    // CPython's way: __build_class__(body function, name, *bases), then the decorators.
    void class_definition(const class_def_stmt& c) {
        for (const auto& decorator : c.decorators) expression(*decorator);
        at(c);
        emit(opcode::load_build_class);
        make_function(c.body);
        emit(opcode::load_const, str_constant(c.name));
        for (const auto& base : c.bases) expression(*base);
        at(c);
        emit(opcode::call, int(2 + c.bases.size()));
        for (std::size_t i = 0; i < c.decorators.size(); ++i) emit(opcode::call, 1);
        store_name(c.binding, c.name);
    }

    // `x: T = v` assigns; in a class body `x: T` also goes into __annotations__ (which
    // __build_class__ makes for every class body, and drops again when it stays empty).
    void annotation(const annotation_stmt& a) {
        if (a.value) {
            expression(*a.value);
            at(a);
            store_target(*a.target);
        }
        const function_def* definition = code_->definition;
        if (!definition || !definition->is_class_body || a.target->kind != expr_kind::name) return;
        expression(*a.annotation);
        at(a);
        emit(opcode::load_name, name_index("__annotations__"));
        emit(opcode::load_const, str_constant(static_cast<const name_expr&>(*a.target).id));
        emit(opcode::store_subscr);
    }

    // ---- with / async with -------------------------------------------------------------------

    void with_statement(const with_stmt& s, std::size_t item_index) {
        const with_item& item = s.items[item_index];
        const int base = depth_;
        const int on_error = new_label(), cleanup = new_label(), suppress = new_label(), end = new_label();
        expression(*item.context);
        at(s);
        if (s.is_async) {
            emit(opcode::before_async_with);  // [cm, awaitable]
            emit(opcode::await);              // entering may wait (a Lock, a Semaphore)
        } else {
            emit(opcode::before_with);  // [exit, entered]
        }
        if (item.target) store_target(*item.target);
        else emit(opcode::pop_top);
        at(s);
        push_handler(on_error, base + 1);
        blocks_.push_back({block_kind::async_with, -1, -1, nullptr, handlers_.size() - 1, nullptr, &s});
        if (item_index + 1 < s.items.size()) with_statement(s, item_index + 1);
        else statements(s.body);
        blocks_.pop_back();
        pop_handler();
        at(s);
        emit_with_exit(s.is_async);
        emit(opcode::pop_top);
        emit(opcode::jump, end);

        place(on_error);  // [cm, exc]
        push_handler(cleanup, base + 2);
        emit(opcode::push_exc_info);  // [cm, previous, exc]
        if (s.is_async) {
            emit(opcode::async_with_except);  // [cm, previous, exc, awaitable]
            emit(opcode::await);              // [cm, previous, exc, suppress?]
        } else {
            emit(opcode::with_except);  // [exit, previous, exc, suppress?]
        }
        emit(opcode::pop_jump_if_true, suppress);
        emit(opcode::reraise);
        pop_handler();
        place(suppress);  // [cm, previous, exc]
        emit(opcode::pop_top);
        emit(opcode::pop_except);
        emit(opcode::pop_top);
        emit(opcode::jump, end);
        place(cleanup);  // [cm, previous, exc from the exit]
        emit(opcode::pop_except_reraise);
        place(end);
        depth_ = base;
    }

    // [cm] -> [what exiting returned]: exiting an `async with` may wait (a TaskGroup waits for its tasks).
    void emit_with_exit(bool is_async) {
        if (!is_async) {
            emit(opcode::with_exit);
            return;
        }
        emit(opcode::async_with_exit);
        emit(opcode::await);
    }

    // ---- functions ---------------------------------------------------------------------------

    void make_function(const std::shared_ptr<function_def>& definition) {
        int defaults = 0;
        for (const auto& parameter : definition->parameters) {
            if (!parameter.default_value) continue;
            expression(*parameter.default_value);
            ++defaults;
        }
        code_compiler inner(definition->name, definition.get(), definition->is_async);
        code_->functions.push_back(inner.compile_body(definition->body));
        code_->function_defs.push_back(definition);
        emit(opcode::make_function, int(code_->functions.size() - 1) | (defaults << 16));
    }

    // ---- expressions ---------------------------------------------------------------------------

    void expression(const expr& e) {
        const source_span outer = span_;
        span_ = {e.where.line, e.where.column, e.end.line, e.end.column};
        expression_here(e);
        span_ = outer;
    }

    // The expression inside a starred one (displays and calls unpack it), and whether it was.
    const expr& unstarred(const expr& e, bool& starred) {
        starred = e.kind == expr_kind::starred;
        return starred ? *static_cast<const starred_expr&>(e).value : e;
    }

    void expression_here(const expr& e) {
        switch (e.kind) {
            case expr_kind::int_literal: emit(opcode::load_const, constant(value::integer(static_cast<const int_literal&>(e).value))); return;
            case expr_kind::float_literal: emit(opcode::load_const, constant(value::floating(static_cast<const float_literal&>(e).value))); return;
            case expr_kind::str_literal: {
                const auto& literal = static_cast<const str_literal&>(e);
                emit(opcode::load_const, literal.is_bytes ? constant(make_bytes(literal.value)) : str_constant(literal.value));
                return;
            }
            case expr_kind::bool_literal: emit(opcode::load_const, constant(value::boolean(static_cast<const bool_literal&>(e).value))); return;
            case expr_kind::none_literal: emit(opcode::load_const, constant(value())); return;
            case expr_kind::name: {
                auto& n = static_cast<const name_expr&>(e);
                load_name(n.binding, n.id);
                return;
            }
            case expr_kind::fstring: return fstring(static_cast<const fstring_expr&>(e).parts);
            case expr_kind::list:
            case expr_kind::tuple:
            case expr_kind::set: return display(static_cast<const sequence_expr&>(e));
            case expr_kind::dict: return dict_display(static_cast<const dict_expr&>(e));
            case expr_kind::list_comp:
            case expr_kind::set_comp:
            case expr_kind::dict_comp:
            case expr_kind::generator: return comprehension(static_cast<const comprehension_expr&>(e));
            case expr_kind::unary: {
                auto& u = static_cast<const unary_expr&>(e);
                expression(*u.operand);
                emit(opcode::unary, int(u.op));
                return;
            }
            case expr_kind::binary: {
                auto& b = static_cast<const binary_expr&>(e);
                expression(*b.left);
                expression(*b.right);
                emit(opcode::binary, int(b.op));
                return;
            }
            case expr_kind::bool_op: {
                auto& b = static_cast<const bool_op_expr&>(e);
                const int end = new_label();
                for (std::size_t i = 0; i < b.values.size(); ++i) {
                    expression(*b.values[i]);
                    if (i + 1 < b.values.size()) emit(b.is_and ? opcode::jump_if_false_or_pop : opcode::jump_if_true_or_pop, end);
                }
                place(end);
                return;
            }
            case expr_kind::compare: return compare(static_cast<const compare_expr&>(e));
            case expr_kind::call: return call(static_cast<const call_expr&>(e));
            case expr_kind::attribute: {
                auto& a = static_cast<const attribute_expr&>(e);
                expression(*a.object);
                emit(opcode::load_attr, name_index(a.attribute));
                return;
            }
            case expr_kind::subscript: {
                auto& s = static_cast<const subscript_expr&>(e);
                expression(*s.object);
                expression(*s.index);
                emit(opcode::binary_subscr);
                return;
            }
            case expr_kind::slice: {
                auto& s = static_cast<const slice_expr&>(e);
                for (const expr* part : {s.lower.get(), s.upper.get(), s.step.get()}) {
                    if (part) expression(*part);
                    else emit(opcode::load_const, constant(value()));
                }
                emit(opcode::build_slice);
                return;
            }
            case expr_kind::conditional: {
                auto& c = static_cast<const conditional_expr&>(e);
                const int orelse = new_label(), end = new_label();
                expression(*c.test);
                emit(opcode::pop_jump_if_false, orelse);
                expression(*c.body);
                emit(opcode::jump, end);
                place(orelse);
                expression(*c.orelse);
                place(end);
                return;
            }
            case expr_kind::await:
                expression(*static_cast<const await_expr&>(e).value);
                emit(opcode::await);
                return;
            case expr_kind::lambda: return make_function(static_cast<const lambda_expr&>(e).function);
            case expr_kind::yield: return yield_expression(static_cast<const yield_expr&>(e));
            case expr_kind::starred:
                emit(opcode::raise_error, str_constant("can't use starred expression here"));
                emit(opcode::load_const, constant(value()));
                return;
        }
    }

    void fstring(const std::vector<fstring_part>& parts) {
        int pieces = 0;
        for (const auto& part : parts) {
            if (!part.value) {
                emit(opcode::load_const, str_constant(part.literal));
                ++pieces;
                continue;
            }
            if (!part.debug_text.empty()) {
                emit(opcode::load_const, str_constant(part.debug_text));
                ++pieces;
            }
            expression(*part.value);
            const bool has_spec = !part.format_spec.empty();
            if (has_spec) fstring(part.format_spec);
            char conversion = part.conversion;
            if (!part.debug_text.empty() && conversion == 0 && !part.has_format_spec) conversion = 'r';
            emit(opcode::format_value, int(static_cast<unsigned char>(conversion)) | (has_spec ? 0x100 : 0));
            ++pieces;
        }
        if (pieces == 0) emit(opcode::load_const, str_constant(""));
        else if (pieces > 1 || !parts.front().value) emit(opcode::build_string, pieces);
    }

    void display(const sequence_expr& e) {
        const bool any_starred = std::any_of(e.elements.begin(), e.elements.end(),
                                             [](const expr_ptr& x) { return x->kind == expr_kind::starred; });
        if (!any_starred) {
            for (const auto& element : e.elements) expression(*element);
            const int n = int(e.elements.size());
            if (e.kind == expr_kind::list) emit(opcode::build_list, n);
            else if (e.kind == expr_kind::tuple) emit(opcode::build_tuple, n);
            else emit(opcode::build_set, n | (is_constant_set_display(e) ? 0x10000 : 0));
            return;
        }
        if (e.kind == expr_kind::set) return starred_set_display(e);
        emit(opcode::build_list, 0);
        for (const auto& element : e.elements) {
            bool starred = false;
            expression(unstarred(*element, starred));
            emit(starred ? opcode::list_extend : opcode::list_append, 1);
        }
        if (e.kind == expr_kind::tuple) emit(opcode::list_to_tuple);
    }

    // As CPython: the items before the first star make the set, then each starred iterable
    // updates it (a set is merged, which decides the order) and each other item is added.
    void starred_set_display(const sequence_expr& e) {
        bool built = false;
        int before_star = 0;
        for (const auto& element : e.elements) {
            bool starred = false;
            const expr& item = unstarred(*element, starred);
            if (starred && !built) {
                emit(opcode::build_set, before_star);
                built = true;
            }
            expression(item);
            if (built) emit(starred ? opcode::set_update : opcode::set_add, 1);
            else ++before_star;
        }
    }

    void dict_display(const dict_expr& d) {
        const bool any_unpacked = std::any_of(d.keys.begin(), d.keys.end(), [](const expr_ptr& k) { return !k; });
        if (!any_unpacked) {
            for (std::size_t i = 0; i < d.values.size(); ++i) {
                expression(*d.keys[i]);
                expression(*d.values[i]);
            }
            emit(opcode::build_map, int(d.values.size()));
            return;
        }
        emit(opcode::build_map, 0);
        for (std::size_t i = 0; i < d.values.size(); ++i) {
            if (d.keys[i]) {
                expression(*d.keys[i]);
                expression(*d.values[i]);
                emit(opcode::map_add, 1);
            } else {
                expression(*d.values[i]);
                emit(opcode::dict_update, 1);
            }
        }
    }

    // Comprehensions run inline in this frame (their variables are hidden locals the
    // resolver made), as CPython 3.12 does: awaits inside them are ordinary awaits.
    void comprehension(const comprehension_expr& c) {
        if (c.function) return generator_expression(c);
        if (c.kind == expr_kind::set_comp) emit(opcode::build_set, 0);
        else if (c.kind == expr_kind::dict_comp) emit(opcode::build_map, 0);
        else emit(opcode::build_list, 0);
        std::vector<std::pair<int, int>> loops;  // (top, exhausted) per level
        code_object::comprehension_scope scope;
        scope.varnames.push_back(".0");
        for (const auto& generator : c.generators) add_target_names(*generator.target, scope.varnames);
        std::vector<bool> is_async;
        for (const auto& generator : c.generators) {
            int top = new_label(), exhausted = new_label();
            expression(*generator.iterable);
            // Each turn is at the line of its `for` clause's iterable, as CPython steps it.
            const source_span element_span = span_;
            const expr& iterable = *generator.iterable;
            span_ = {iterable.where.line, iterable.where.column, iterable.end.line, iterable.end.column};
            emit(generator.is_async ? opcode::get_aiter : opcode::get_iter);
            if (loops.empty()) {
                scope.start = std::uint32_t(code_->instructions.size());  // the first iterable is the caller's
                ++comprehension_depth_;
            }
            place(top);
            if (generator.is_async) exhausted = next_async_item();
            else emit(opcode::for_iter, exhausted);
            is_async.push_back(generator.is_async);
            span_ = element_span;
            store_target(*generator.target);
            for (const auto& condition : generator.conditions) {
                expression(*condition);
                emit(opcode::pop_jump_if_false, top);
            }
            loops.emplace_back(top, exhausted);
        }
        const int distance = int(loops.size()) + 1;
        expression(*c.element);
        if (c.kind == expr_kind::dict_comp) {
            expression(*c.value);
            emit(opcode::map_add, distance);
        } else {
            emit(c.kind == expr_kind::set_comp ? opcode::set_add : opcode::list_append, distance);
        }
        for (std::size_t i = loops.size(); i-- > 0;) {
            emit(opcode::jump_backward, loops[i].first);
            if (is_async[i]) end_async_loop(loops[i].second);
            else place(loops[i].second);
        }
        scope.end = std::uint32_t(code_->instructions.size());
        code_->comprehension_scopes.push_back(std::move(scope));
        --comprehension_depth_;
    }

    // A generator expression: a generator function called with the first iterable's iterator.
    void generator_expression(const comprehension_expr& c) {
        code_compiler inner(c.function->name, c.function.get(), false);
        code_->functions.push_back(inner.compile_generator_expression(c));
        code_->function_defs.push_back(c.function);
        emit(opcode::make_function, int(code_->functions.size() - 1));
        expression(*c.generators.front().iterable);
        emit(opcode::get_iter);
        emit(opcode::call, 1);
    }

public:
    std::shared_ptr<code_object> compile_generator_expression(const comprehension_expr& c) {
        span_ = {c.where.line, c.where.column, c.end.line, c.end.column};
        std::vector<std::pair<int, int>> loops;
        for (const auto& generator : c.generators) {
            const int top = new_label(), exhausted = new_label();
            if (loops.empty()) {
                emit(opcode::load_fast, 0);  // ".0", already an iterator
            } else {
                expression(*generator.iterable);
                emit(opcode::get_iter);
            }
            place(top);
            emit(opcode::for_iter, exhausted);
            store_target(*generator.target);
            for (const auto& condition : generator.conditions) {
                expression(*condition);
                emit(opcode::pop_jump_if_false, top);
            }
            loops.emplace_back(top, exhausted);
        }
        expression(*c.element);
        emit(opcode::yield_value);
        emit(opcode::pop_top);
        for (auto it = loops.rbegin(); it != loops.rend(); ++it) {
            emit(opcode::jump_backward, it->first);
            place(it->second);
        }
        emit(opcode::load_const, constant(value()));
        emit(opcode::return_value);
        return finish();
    }

private:
    static void add_target_names(const expr& target, std::vector<std::string>& names) {
        if (target.kind == expr_kind::name) {
            const std::string& id = static_cast<const name_expr&>(target).id;
            if (std::find(names.begin(), names.end(), id) == names.end()) names.push_back(id);
        } else if (target.kind == expr_kind::tuple || target.kind == expr_kind::list) {
            for (const auto& element : static_cast<const sequence_expr&>(target).elements) add_target_names(*element, names);
        } else if (target.kind == expr_kind::starred) {
            add_target_names(*static_cast<const starred_expr&>(target).value, names);
        }
    }

    void compare(const compare_expr& c) {
        expression(*c.left);
        if (c.ops.size() == 1) {
            expression(*c.comparators[0]);
            emit(opcode::compare, int(c.ops[0]));
            return;
        }
        const int cleanup = new_label(), end = new_label();
        for (std::size_t i = 0; i < c.ops.size(); ++i) {
            expression(*c.comparators[i]);
            if (i + 1 == c.ops.size()) {
                emit(opcode::compare, int(c.ops[i]));
                break;
            }
            emit(opcode::swap, 2);
            emit(opcode::copy, 2);
            emit(opcode::compare, int(c.ops[i]));  // [right, result]
            emit(opcode::jump_if_false_or_pop, cleanup);
        }
        emit(opcode::jump, end);
        place(cleanup);  // [right, False]
        emit(opcode::swap, 2);
        emit(opcode::pop_top);
        place(end);
    }

    // super() in a method: super(__class__, <first argument>), as CPython's compiler makes it.
    bool zero_argument_super(const call_expr& c) {
        const function_def* definition = code_->definition;
        if (c.function->kind != expr_kind::name || !c.arguments.empty() || !c.keywords.empty() || !definition) return false;
        const auto& name = static_cast<const name_expr&>(*c.function);
        if (name.id != "super" || name.binding.scope != name_scope::global || definition->class_cell.scope != name_scope::free ||
            definition->parameters.empty() || definition->parameters[0].kind != parameter_kind::positional) {
            return false;
        }
        expression(*c.function);
        load_name(definition->class_cell, "__class__");
        emit(definition->local_is_cell[0] ? opcode::load_cell : opcode::load_fast, 0);
        emit(opcode::call, 2);
        return true;
    }

    void call(const call_expr& c) {
        if (zero_argument_super(c)) return;
        expression(*c.function);
        const bool simple = std::none_of(c.arguments.begin(), c.arguments.end(), [](const expr_ptr& a) { return a->kind == expr_kind::starred; }) &&
                            std::none_of(c.keywords.begin(), c.keywords.end(), [](const keyword_argument& k) { return k.name.empty(); });
        if (simple) {
            for (const auto& argument : c.arguments) expression(*argument);
            std::vector<value> names;
            for (const auto& keyword : c.keywords) {
                expression(*keyword.value);
                names.push_back(code_->constants[std::size_t(str_constant(keyword.name))]);
            }
            if (!names.empty()) emit(opcode::kw_names, constant(value::of(make_object<tuple_object>(std::move(names)))));
            emit(opcode::call, int(c.arguments.size() + c.keywords.size()));
            return;
        }
        // As CPython: f(*x) passes x itself, checked when the call is made (after the keywords).
        const bool lone_star = c.arguments.size() == 1 && c.arguments[0]->kind == expr_kind::starred;
        if (lone_star) {
            expression(*static_cast<const starred_expr&>(*c.arguments[0]).value);
        } else {
            emit(opcode::build_list, 0);
            for (const auto& argument : c.arguments) {
                bool starred = false;
                expression(unstarred(*argument, starred));
                emit(starred ? opcode::list_extend : opcode::list_append, 1);
            }
        }
        call_keywords(c.keywords);
        emit(opcode::call_ex, lone_star ? 1 : 0);
    }

    // The keywords of a call with **: keywords after a ** are merged as CPython merges them,
    // so a name given twice raises "got multiple values for keyword argument".
    void call_keywords(const std::vector<keyword_argument>& keywords) {
        emit(opcode::build_map, 0);
        bool after_mapping = false;
        for (const auto& keyword : keywords) {
            if (keyword.name.empty()) {
                expression(*keyword.value);
                emit(opcode::dict_update, 1 | 0x100);  // 0x100: merged into a call's keywords
                after_mapping = true;
                continue;
            }
            emit(opcode::load_const, str_constant(keyword.name));
            expression(*keyword.value);
            if (!after_mapping) {
                emit(opcode::map_add, 1);
                continue;
            }
            emit(opcode::build_map, 1);
            emit(opcode::dict_update, 1 | 0x100);
        }
    }

    std::shared_ptr<code_object> code_;
    source_span span_;
    int depth_ = 0, max_depth_ = 0;
    std::vector<int> label_positions_, label_depths_;
    std::vector<active_handler> handlers_;
    std::vector<active_handler> instruction_handlers_;
    std::vector<block_info> blocks_;
    std::map<std::string, int> str_constants_;
    std::vector<int> local_use_order_;  // local slots in the order the code first uses them
    std::set<int> captured_by_comprehension_;
    int comprehension_depth_ = 0;  // inside the scope of an inline comprehension
};

}  // namespace

compile_result compile_module(const module& program) {
    try {
        code_compiler compiler("<module>", program.frame.get(), false);
        return {compiler.compile_body(program.body), std::nullopt};
    } catch (const compile_failure& failure) {
        return {nullptr, failure.error};
    }
}

}  // namespace loopstep::python

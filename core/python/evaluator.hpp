// The tree-walking evaluator: statements and expressions of one frame. Code without an
// await runs as plain recursive C++; code containing one runs as a loopstep coroutine,
// so only await points suspend (and only they cost a coroutine frame).
#pragma once

#include "interpreter.hpp"

namespace loopstep::python {

class evaluator {
public:
    evaluator(interpreter& in, frame& f) : in_(in), frame_(f) {}

    outcome exec_block(const block& statements);
    coro<outcome> exec_block_async(const block& statements);
    value eval(const expr& e);
    coro<value> eval_async(const expr& e);

private:
    outcome exec(const stmt& s);
    coro<outcome> exec_async(const stmt& s);
    coro<value> eval_child(const expr& e);  // awaits only if the child contains an await

    // statements that have the same logic in both modes take their parts as evaluated values
    outcome exec_assign(const assign_stmt& s, value v);
    outcome exec_aug_assign(const aug_assign_stmt& s, value current, value operand);
    outcome exec_raise(const raise_stmt& s, value exception, value cause);
    outcome exec_assert(const assert_stmt& s);
    outcome exec_import(const stmt& s);
    outcome exec_try(const try_stmt& s);
    coro<outcome> exec_try_async(const try_stmt& s);
    coro<outcome> exec_with_async(const with_stmt& s);
    outcome exec_for(const for_stmt& s);
    coro<outcome> exec_for_async(const for_stmt& s);

    // exception handling shared by both modes
    bool handler_matches(const except_handler& handler, const value& exception, value& error);
    void bind_handler_name(const except_handler& handler, const value& exception);
    void unbind_handler_name(const except_handler& handler);
    outcome finish_try(const try_stmt& s, outcome result);  // sync finally
    outcome handle_except_star(const try_stmt& s, outcome result);
    value split_group(const value& exception, const except_handler& handler, value& matched, value& rest);

    value load(const name_expr& n);
    void store(const name_binding& binding, const std::string& name, value v);
    value assign(const expr& target, const value& v);
    value unpack(const sequence_expr& target, const value& v);
    value lookup_global(const std::string& name);

    value eval_call(const call_expr& call, value callee, std::vector<value> arguments, std::vector<value> keyword_values);
    value collect_call_arguments(const call_expr& call, const std::vector<value>& arguments,
                                 const std::vector<value>& keyword_values, call_arguments& out);
    value eval_comprehension(const comprehension_expr& c);
    coro<value> eval_comprehension_async(const comprehension_expr& c);
    value comprehension_level(const comprehension_expr& c, std::size_t level, value& result);
    coro<value> comprehension_level_async(const comprehension_expr& c, std::size_t level, value& result);
    value add_to_comprehension(const comprehension_expr& c, value& result, value element, value item);
    value new_comprehension_result(const comprehension_expr& c);
    value finish_comprehension(const comprehension_expr& c, value result);
    value eval_fstring(const fstring_expr& f);
    value fstring_parts(const std::vector<fstring_part>& parts, std::string& out);
    value format_field(const fstring_part& part, value v, std::string& out);
    value eval_display(const expr& e, std::vector<value> items);
    value eval_slice(const slice_expr& s, value lower, value upper, value step);
    value eval_dict(const dict_expr& d, std::vector<value> keys, std::vector<value> values);
    value eval_unary(unary_op op, const value& operand);
    [[gnu::noinline]] value eval_sequence(const expr& e);
    [[gnu::noinline]] value eval_dict_display(const dict_expr& d);
    [[gnu::noinline]] value eval_binary(const binary_expr& b);
    [[gnu::noinline]] value eval_compare(const compare_expr& c);
    [[gnu::noinline]] value eval_call_expr(const call_expr& call);
    [[gnu::noinline]] value eval_subscript(const subscript_expr& s);
    [[gnu::noinline]] value eval_slice_expr(const slice_expr& s);

    interpreter& in_;
    frame& frame_;
};

// Runs a function body in a new frame (sync) or as a coroutine (async def).
value run_function_body(interpreter& in, const std::shared_ptr<function_object>& function, std::vector<value> locals);
coro<value> run_function_body_async(interpreter& in, std::shared_ptr<function_object> function, std::vector<value> locals);

}  // namespace loopstep::python

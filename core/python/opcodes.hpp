// The VM's instruction set: what compiler.cpp emits and vm.cpp runs. Stack effects are
// written [before] -> [after], top of the stack last.
#pragma once

#include <cstdint>

namespace loopstep::python {

// X(name, description): the stack effect is the compiler's stack_effect()
#define LOOPSTEP_OPCODES(X)                                                                                   \
    X(nop, "")                                                                                             \
    X(pop_top, "[v] -> []")                                                                               \
    X(copy, "[.. v(arg) ..] -> [.. v ..  v]: copies the arg-th item from the top (1 = top)")              \
    X(swap, "swaps the top with the arg-th item from the top")                                            \
    X(load_const, "[] -> [constants[arg]]")                                                                \
    X(load_fast, "[] -> [locals[arg]]")                                                                    \
    X(store_fast, "[v] -> []")                                                                            \
    X(delete_fast, "locals[arg] becomes unbound (an except handler's name)")                              \
    X(load_cell, "[] -> [the content of the cell in locals[arg]]")                                        \
    X(store_cell, "[v] -> []")                                                                            \
    X(load_free, "[] -> [the content of closure[arg]]")                                                    \
    X(store_free, "[v] -> []")                                                                            \
    X(load_global, "[] -> [globals or builtins [names[arg]]]")                                             \
    X(store_global, "[v] -> []")                                                                          \
    X(load_attr, "[o] -> [o.names[arg]]")                                                                  \
    X(store_attr, "[v, o] -> []: o.names[arg] = v")                                                       \
    X(binary_subscr, "[o, i] -> [o[i]]")                                                                  \
    X(store_subscr, "[v, o, i] -> []: o[i] = v")                                                          \
    X(unary, "[v] -> [op v] (arg: unary_op)")                                                              \
    X(binary, "[a, b] -> [a op b] (arg: binary_op, | 0x100 for the in-place form)")                      \
    X(compare, "[a, b] -> [a op b] (arg: compare_op)")                                                    \
    X(jump, "ip = arg")                                                                                     \
    X(jump_backward, "ip = arg, counting a loop turn against the step budget")                            \
    X(pop_jump_if_false, "[v] -> []: jumps if not v")                                                     \
    X(pop_jump_if_true, "[v] -> []: jumps if v")                                                          \
    X(pop_jump_if_none, "[v] -> []: jumps if v is None")                                                  \
    X(jump_if_false_or_pop, "[v] -> [v] and jumps if not v, else []")                                    \
    X(jump_if_true_or_pop, "[v] -> [v] and jumps if v, else []")                                         \
    X(get_iter, "[o] -> [iter(o)]")                                                                         \
    X(for_iter, "[it] -> [it, next(it)], or [] and jumps to arg when exhausted")                          \
    X(unpack_sequence, "[seq] -> [items...] (arg: count | star index << 16 | has star << 31), last on top") \
    X(build_list, "[arg items] -> [list]")                                                                  \
    X(build_tuple, "[arg items] -> [tuple]")                                                                \
    X(build_set, "[arg & 0xffff items] -> [set] (arg & 0x10000: a folded constant display)")               \
    X(build_map, "[k1, v1, .. arg pairs] -> [dict]")                                                        \
    X(build_string, "[arg str] -> [their concatenation]")                                                   \
    X(build_slice, "[lower, upper, step] -> [slice]")                                                     \
    X(list_append, "[list .. (arg-1 items) .. v] -> [list+v ..]")                                        \
    X(list_extend, "[list .. v] -> [list extended by iterable v ..] (arg as list_append)")               \
    X(set_add, "as list_append, for a set")                                                               \
    X(set_update, "[set .. v] -> [set updated from iterable v ..] (arg as list_append)")                 \
    X(map_add, "[dict .. k, v] -> [dict ..] (arg: distance of the dict below k)")                         \
    X(dict_update, "[dict .. mapping] -> [dict ..] (a ** in a display; arg | 0x100: a call's keywords)")  \
    X(list_to_tuple, "[list] -> [tuple]")                                                                   \
    X(format_value, "[v] -> [str] (arg: conversion char | has spec << 8, spec on top of v)")              \
    X(kw_names, "the next call's keyword names are constants[arg] (a tuple)")                             \
    X(call, "[f, args.. (arg of them, the last kw_names ones keywords)] -> [result]")                    \
    X(call_ex, "[f, list, dict] -> [result] (arg 1: any iterable instead of the list, from f(*x))")      \
    X(make_function, "[defaults (arg >> 16 of them)] -> [function of functions[arg & 0xffff]]")          \
    X(return_value, "[v] -> returns v to the caller")                                                     \
    X(await, "[awaitable] -> [its result]; a coroutine pushes its frame, anything else suspends")        \
    X(raise, "[exception, cause] (arg of them) -> raises; arg 0 re-raises the handled exception")        \
    X(raise_assertion, "[message] (arg of them) -> raises AssertionError")                                 \
    X(raise_error, "raises TypeError(constants[arg])")                                                      \
    X(reraise, "[exc] -> raises exc again, keeping its traceback")                                         \
    X(push_exc_info, "[exc] -> [previously handled, exc]; exc becomes the handled exception")             \
    X(pop_except, "[previous] -> []; previous becomes the handled exception again")                      \
    X(pop_except_reraise, "[previous, exc] -> restores previous, re-raises exc")                         \
    X(check_exc_match, "[exc, type] -> [exc, bool]")                                                       \
    X(prepare_except_star, "[exc] -> [exc, rest group, list of raised]")                                   \
    X(except_star_match, "[.. rest, raised, type] -> [.. rest', raised, matched or None]")                 \
    X(except_star_collect, "[.. raised, previous, exc] -> [.. raised + exc]; restores previous")         \
    X(except_star_finish, "[exc, rest, raised] -> [what to raise or None]")                               \
    X(import_name, "[] -> [module names[arg]]")                                                            \
    X(import_from, "[module] -> [module, module.names[arg & 0xffff]] (arg >> 16: the module's name)")     \
    X(before_async_with, "[cm] -> [cm, awaitable of entering]")                                            \
    X(async_with_exit, "[cm] -> [awaitable of the normal exit]")                                          \
    X(async_with_except, "[cm, prev, exc] -> [cm, prev, exc, awaitable of the exit with exc]")             \
    X(before_with, "[cm] -> [bound __exit__, result of __enter__()]")                                     \
    X(with_exit, "[exit] -> [exit(None, None, None)]")                                                    \
    X(with_except, "[exit, prev, exc] -> [exit, prev, exc, exit(type(exc), exc, None)]")                   \
    X(load_name, "[] -> [class namespace, globals or builtins [names[arg]]] (a class body)")               \
    X(store_name, "[v] -> []: the class namespace's names[arg] = v (unbound: deleted)")                    \
    X(load_build_class, "[] -> [__build_class__]: what a class statement calls")                          \
    X(yield_value, "[v] -> [the value sent in]: suspends the generator's frame, handing v to whoever resumed it") \
    X(get_yield_from_iter, "[o] -> [iter(o)] for `yield from` (a generator stays itself)")              \
    X(send, "[sub, v] -> [sub, what sub yields]; when sub returns r: [r] and jumps to arg")             \
    X(get_aiter, "[o] -> [the async iterator of o] (`async for`)")                                       \
    X(get_anext, "[aiter] -> [aiter, awaitable of its next item]")                                       \
    X(end_async_for, "[aiter, exc] -> [] when exc is StopAsyncIteration, else re-raises exc")

enum class opcode : std::uint8_t {
#define LOOPSTEP_OPCODE_ENUM(name, text) name,
    LOOPSTEP_OPCODES(LOOPSTEP_OPCODE_ENUM)
#undef LOOPSTEP_OPCODE_ENUM
};

const char* opcode_name(opcode op);

}  // namespace loopstep::python

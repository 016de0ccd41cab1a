// The syntax tree of the Python subset: what parser.cpp builds and compiler.cpp compiles.
// Nodes are plain structs; each base has a kind enum, and code switches on it and
// static_casts to the derived struct named after the kind.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace loopstep::python {

struct source_location {
    int line = 0;    // 1-based
    int column = 0;  // 1-based, in characters (CPython's col_offset + 1)
};

// ---- names: filled in by the resolver (resolver.cpp) after parsing ------------------

enum class name_scope : std::uint8_t {
    unresolved,
    local,   // a slot of the current function's frame (index into its locals)
    cell,    // a local captured by an inner function: the slot holds a shared cell
    free,    // a variable of an enclosing function (index into the closure's cells)
    global,  // module-level name or declared `global`: looked up by name, then builtins
    class_namespace,  // a name in a class body: its namespace, then globals, then builtins
};

struct name_binding {
    name_scope scope = name_scope::unresolved;
    int index = -1;  // slot for local/cell, closure index for free
};

// ---- expressions -----------------------------------------------------------------

enum class expr_kind : std::uint8_t {
    int_literal, float_literal, str_literal, bool_literal, none_literal,
    name, fstring, list, tuple, set, dict,
    list_comp, set_comp, dict_comp, generator,
    unary, binary, bool_op, compare, call, attribute, subscript, slice,
    conditional, await, lambda, starred, yield,
};

struct expr {
    explicit expr(expr_kind k) : kind(k) {}
    virtual ~expr() = default;
    expr_kind kind;
    source_location where;
    source_location end;          // one past the last character (for carets)
    bool contains_await = false;  // this node or a child awaits: evaluated as a coroutine
};
using expr_ptr = std::unique_ptr<expr>;

struct int_literal : expr { int_literal() : expr(expr_kind::int_literal) {} std::int64_t value = 0; };
struct float_literal : expr { float_literal() : expr(expr_kind::float_literal) {} double value = 0; };
struct str_literal : expr {
    str_literal() : expr(expr_kind::str_literal) {}
    std::string value;  // UTF-8, or the bytes of a bytes literal
    bool is_bytes = false;
};
struct bool_literal : expr { bool_literal() : expr(expr_kind::bool_literal) {} bool value = false; };
struct none_literal : expr { none_literal() : expr(expr_kind::none_literal) {} };

struct name_expr : expr {
    name_expr() : expr(expr_kind::name) {}
    std::string id;
    name_binding binding;
};

// f"text {value!r:>{width}} more": literal text and replacement fields, in order.
struct fstring_part {
    std::string literal;               // used when value is null
    expr_ptr value;                    // a replacement field
    char conversion = 0;               // 0, 'r', 's' or 'a'
    std::vector<fstring_part> format_spec;  // may itself hold replacement fields
    bool has_format_spec = false;      // a ':' was written, even with nothing after it
    std::string debug_text;            // f"{x=}": the source text "x=" to print before the value
};
struct fstring_expr : expr {
    fstring_expr() : expr(expr_kind::fstring) {}
    std::vector<fstring_part> parts;
};

// list / tuple / set displays; elements may be starred_expr
struct sequence_expr : expr {
    explicit sequence_expr(expr_kind k) : expr(k) {}
    std::vector<expr_ptr> elements;
};

struct dict_expr : expr {
    dict_expr() : expr(expr_kind::dict) {}
    std::vector<expr_ptr> keys;  // a null key means `**values[i]`
    std::vector<expr_ptr> values;
};

struct comprehension_for {
    bool is_async = false;  // `async for` clause
    expr_ptr target;
    expr_ptr iterable;
    std::vector<expr_ptr> conditions;
};
// [element for ...], {element for ...}, {key: value for ...}, (element for ...)
struct comprehension_expr : expr {
    explicit comprehension_expr(expr_kind k) : expr(k) {}
    expr_ptr element;  // the key for a dict comprehension
    expr_ptr value;    // dict comprehension only
    std::vector<comprehension_for> generators;
    // A generator expression is lazy: its loops are the body of this generator function
    // (parameter ".0", the first iterable's iterator), as CPython compiles it.
    std::shared_ptr<struct function_def> function;
};

enum class unary_op : std::uint8_t { negate, plus, logical_not, invert };
struct unary_expr : expr {
    unary_expr() : expr(expr_kind::unary) {}
    unary_op op{};
    expr_ptr operand;
};

enum class binary_op : std::uint8_t {
    add, subtract, multiply, true_divide, floor_divide, modulo, power,
    left_shift, right_shift, bit_and, bit_or, bit_xor,
};
struct binary_expr : expr {
    binary_expr() : expr(expr_kind::binary) {}
    binary_op op{};
    expr_ptr left;
    expr_ptr right;
};

struct bool_op_expr : expr {
    bool_op_expr() : expr(expr_kind::bool_op) {}
    bool is_and = false;
    std::vector<expr_ptr> values;  // two or more
};

enum class compare_op : std::uint8_t { less, less_equal, greater, greater_equal, equal, not_equal, in, not_in, is, is_not };
struct compare_expr : expr {
    compare_expr() : expr(expr_kind::compare) {}
    expr_ptr left;
    std::vector<compare_op> ops;
    std::vector<expr_ptr> comparators;  // same length as ops
};

struct keyword_argument {
    std::string name;  // empty for **mapping
    expr_ptr value;
    source_location where;
};
struct call_expr : expr {
    call_expr() : expr(expr_kind::call) {}
    expr_ptr function;
    std::vector<expr_ptr> arguments;  // may contain starred_expr (*args)
    std::vector<keyword_argument> keywords;
};

struct attribute_expr : expr {
    attribute_expr() : expr(expr_kind::attribute) {}
    expr_ptr object;
    std::string attribute;
};

struct subscript_expr : expr {
    subscript_expr() : expr(expr_kind::subscript) {}
    expr_ptr object;
    expr_ptr index;  // may be a slice_expr, or a tuple holding slices
};

struct slice_expr : expr {
    slice_expr() : expr(expr_kind::slice) {}
    expr_ptr lower, upper, step;  // each may be null
};

struct conditional_expr : expr {
    conditional_expr() : expr(expr_kind::conditional) {}
    expr_ptr test, body, orelse;
};

struct await_expr : expr {
    await_expr() : expr(expr_kind::await) {}
    expr_ptr value;
};

struct function_def;
struct lambda_expr : expr {
    lambda_expr() : expr(expr_kind::lambda) {}
    std::shared_ptr<function_def> function;  // body is one return statement
};

struct starred_expr : expr {
    starred_expr() : expr(expr_kind::starred) {}
    expr_ptr value;
};

// `yield value`, `yield` (value null), `yield from value`.
struct yield_expr : expr {
    yield_expr() : expr(expr_kind::yield) {}
    expr_ptr value;
    bool is_from = false;
};

// ---- statements ------------------------------------------------------------------

enum class stmt_kind : std::uint8_t {
    expression, assign, aug_assign, if_, while_, for_, break_, continue_, pass,
    return_, function_def, try_, raise, assert_, with, import, import_from, global, nonlocal,
    class_def, annotation,
};

struct stmt {
    explicit stmt(stmt_kind k) : kind(k) {}
    virtual ~stmt() = default;
    stmt_kind kind;
    source_location where;
    source_location end;
    bool contains_await = false;  // an await anywhere inside (not inside nested defs)
};
using stmt_ptr = std::unique_ptr<stmt>;
using block = std::vector<stmt_ptr>;

struct expression_stmt : stmt { expression_stmt() : stmt(stmt_kind::expression) {} expr_ptr value; };

// a = b = value; targets may be name, attribute, subscript, tuple/list (unpacking), starred inside those
struct assign_stmt : stmt {
    assign_stmt() : stmt(stmt_kind::assign) {}
    std::vector<expr_ptr> targets;
    expr_ptr value;
};

struct aug_assign_stmt : stmt {
    aug_assign_stmt() : stmt(stmt_kind::aug_assign) {}
    expr_ptr target;  // name, attribute or subscript
    binary_op op{};
    expr_ptr value;
};

struct if_stmt : stmt {  // elif is a nested if_stmt alone in orelse
    if_stmt() : stmt(stmt_kind::if_) {}
    expr_ptr test;
    block body, orelse;
};

struct while_stmt : stmt {
    while_stmt() : stmt(stmt_kind::while_) {}
    expr_ptr test;
    block body, orelse;
};

struct for_stmt : stmt {
    for_stmt() : stmt(stmt_kind::for_) {}
    bool is_async = false;  // `async for`
    expr_ptr target;
    expr_ptr iterable;
    block body, orelse;
};

struct break_stmt : stmt { break_stmt() : stmt(stmt_kind::break_) {} };
struct continue_stmt : stmt { continue_stmt() : stmt(stmt_kind::continue_) {} };
struct pass_stmt : stmt { pass_stmt() : stmt(stmt_kind::pass) {} };
struct return_stmt : stmt { return_stmt() : stmt(stmt_kind::return_) {} expr_ptr value; };  // value may be null

enum class parameter_kind : std::uint8_t { positional, var_positional, keyword_only, var_keyword };
struct parameter {
    std::string name;
    parameter_kind kind = parameter_kind::positional;
    expr_ptr default_value;  // may be null
    source_location where;
};

struct function_def {
    std::string name;  // "<lambda>" for lambdas
    std::string qualified_name;  // CPython's __qualname__ ("outer.<locals>.inner"), by the resolver
    std::vector<parameter> parameters;
    bool is_async = false;
    bool is_generator = false;  // a yield in its body (set by the parser)
    block body;
    source_location where;
    // Filled by the resolver: the frame layout.
    std::vector<std::string> locals;      // parameters first, in order, then other locals
    std::vector<bool> local_is_cell;      // same length as locals
    std::vector<std::string> free_names;  // captured from enclosing functions, in closure order
    std::vector<name_binding> free_sources;  // where each free name lives in the defining frame
    bool is_class_body = false;  // a class body: names live in the class namespace
    // Where `__class__` lives for a zero-argument super() in this function (the resolver
    // fills it when the function uses `super`, as CPython's compiler makes the cell).
    name_binding class_cell;
};
struct function_def_stmt : stmt {
    function_def_stmt() : stmt(stmt_kind::function_def) {}
    std::shared_ptr<function_def> function;
    name_binding binding;  // where the function's name is stored
    std::vector<expr_ptr> decorators;  // @decorator lines, outermost first
};

// class Name(Base): body. The body is a function_def (is_class_body) run once into a namespace.
struct class_def_stmt : stmt {
    class_def_stmt() : stmt(stmt_kind::class_def) {}
    std::string name;
    std::vector<expr_ptr> bases;
    std::shared_ptr<function_def> body;
    name_binding binding;
    std::vector<expr_ptr> decorators;
};

// `target: annotation [= value]`: assigns the value if there is one; in a class body a plain
// name is also recorded in __annotations__ (what @dataclass reads).
struct annotation_stmt : stmt {
    annotation_stmt() : stmt(stmt_kind::annotation) {}
    expr_ptr target;
    expr_ptr annotation;
    expr_ptr value;  // may be null
};

struct except_handler {
    expr_ptr type;     // null for a bare `except:`; may be a tuple of types
    std::string name;  // `as name`, may be empty
    name_binding binding;
    block body;
    source_location where;
};
struct try_stmt : stmt {
    try_stmt() : stmt(stmt_kind::try_) {}
    block body;
    std::vector<except_handler> handlers;
    bool is_star = false;  // except*
    block orelse, finalbody;
};

struct raise_stmt : stmt {
    raise_stmt() : stmt(stmt_kind::raise) {}
    expr_ptr exception;  // null for a bare `raise`
    expr_ptr cause;      // `from cause`, may be null
};

struct assert_stmt : stmt {
    assert_stmt() : stmt(stmt_kind::assert_) {}
    expr_ptr test;
    expr_ptr message;  // may be null
};

struct with_item {
    expr_ptr context;
    expr_ptr target;  // may be null
};
struct with_stmt : stmt {
    with_stmt() : stmt(stmt_kind::with) {}
    bool is_async = false;
    std::vector<with_item> items;
    block body;
};

struct import_alias {
    std::string name;   // module (import) or attribute (from-import)
    std::string alias;  // empty if none
    name_binding binding;
};
struct import_stmt : stmt { import_stmt() : stmt(stmt_kind::import) {} std::vector<import_alias> names; };
struct import_from_stmt : stmt {
    import_from_stmt() : stmt(stmt_kind::import_from) {}
    std::string module;
    std::vector<import_alias> names;
};

struct global_stmt : stmt { global_stmt() : stmt(stmt_kind::global) {} std::vector<std::string> names; };
struct nonlocal_stmt : stmt { nonlocal_stmt() : stmt(stmt_kind::nonlocal) {} std::vector<std::string> names; };

// A whole program. Module-level names are globals; `frame` holds the module's hidden
// locals (comprehension variables) as a function_def-like layout.
struct module {
    block body;
    std::shared_ptr<function_def> frame = std::make_shared<function_def>();
    std::vector<std::string> source_lines;  // for tracebacks and carets
};

}  // namespace loopstep::python

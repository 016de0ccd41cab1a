// Tests of the Python-subset front end: lexer, parser and resolver (core/python/lexer.cpp, parser.cpp, resolver.cpp).
#include <catch2/catch.hpp>

#include <string>

#include "lexer.hpp"
#include "parser.hpp"
#include "resolver.hpp"

using namespace loopstep::python;

namespace {

// A compact s-expression of an expression, enough to check shapes and precedence.
std::string dump(const expr* e);

std::string dump_all(const std::vector<expr_ptr>& items) {
    std::string out;
    for (const auto& item : items) out += " " + dump(item.get());
    return out;
}

const char* binary_name(binary_op op) {
    static const char* const names[] = {"+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^"};
    return names[static_cast<int>(op)];
}

std::string dump(const expr* e) {
    if (e == nullptr) return "_";
    switch (e->kind) {
        case expr_kind::int_literal: return std::to_string(static_cast<const int_literal*>(e)->value);
        case expr_kind::float_literal: return "float";
        case expr_kind::str_literal: return "'" + static_cast<const str_literal*>(e)->value + "'";
        case expr_kind::bool_literal: return static_cast<const bool_literal*>(e)->value ? "True" : "False";
        case expr_kind::none_literal: return "None";
        case expr_kind::name: return static_cast<const name_expr*>(e)->id;
        case expr_kind::fstring: return "fstring";
        case expr_kind::list: return "(list" + dump_all(static_cast<const sequence_expr*>(e)->elements) + ")";
        case expr_kind::tuple: return "(tuple" + dump_all(static_cast<const sequence_expr*>(e)->elements) + ")";
        case expr_kind::set: return "(set" + dump_all(static_cast<const sequence_expr*>(e)->elements) + ")";
        case expr_kind::dict: return "dict";
        case expr_kind::list_comp: case expr_kind::set_comp: case expr_kind::dict_comp: case expr_kind::generator: {
            auto c = static_cast<const comprehension_expr*>(e);
            std::string out = e->kind == expr_kind::generator ? "(gen " : "(comp ";
            out += dump(c->element.get());
            for (const auto& g : c->generators) {
                out += " for " + dump(g.target.get()) + " in " + dump(g.iterable.get());
                for (const auto& cond : g.conditions) out += " if " + dump(cond.get());
            }
            return out + ")";
        }
        case expr_kind::unary: {
            auto u = static_cast<const unary_expr*>(e);
            static const char* const names[] = {"neg", "pos", "not", "inv"};
            return std::string("(") + names[static_cast<int>(u->op)] + " " + dump(u->operand.get()) + ")";
        }
        case expr_kind::binary: {
            auto b = static_cast<const binary_expr*>(e);
            return std::string("(") + binary_name(b->op) + " " + dump(b->left.get()) + " " + dump(b->right.get()) + ")";
        }
        case expr_kind::bool_op: {
            auto b = static_cast<const bool_op_expr*>(e);
            return std::string(b->is_and ? "(and" : "(or") + dump_all(b->values) + ")";
        }
        case expr_kind::compare: {
            auto c = static_cast<const compare_expr*>(e);
            static const char* const names[] = {"<", "<=", ">", ">=", "==", "!=", "in", "not-in", "is", "is-not"};
            std::string out = "(cmp " + dump(c->left.get());
            for (std::size_t k = 0; k < c->ops.size(); ++k)
                out += std::string(" ") + names[static_cast<int>(c->ops[k])] + " " + dump(c->comparators[k].get());
            return out + ")";
        }
        case expr_kind::call: {
            auto c = static_cast<const call_expr*>(e);
            std::string out = "(call " + dump(c->function.get()) + dump_all(c->arguments);
            for (const auto& k : c->keywords) out += " " + (k.name.empty() ? std::string("**") : k.name + "=") + dump(k.value.get());
            return out + ")";
        }
        case expr_kind::attribute: {
            auto a = static_cast<const attribute_expr*>(e);
            return "(. " + dump(a->object.get()) + " " + a->attribute + ")";
        }
        case expr_kind::subscript: {
            auto s = static_cast<const subscript_expr*>(e);
            return "([] " + dump(s->object.get()) + " " + dump(s->index.get()) + ")";
        }
        case expr_kind::slice: {
            auto s = static_cast<const slice_expr*>(e);
            return "(slice " + dump(s->lower.get()) + " " + dump(s->upper.get()) + " " + dump(s->step.get()) + ")";
        }
        case expr_kind::conditional: {
            auto c = static_cast<const conditional_expr*>(e);
            return "(if " + dump(c->test.get()) + " " + dump(c->body.get()) + " " + dump(c->orelse.get()) + ")";
        }
        case expr_kind::await: return "(await " + dump(static_cast<const await_expr*>(e)->value.get()) + ")";
        case expr_kind::lambda: return "lambda";
        case expr_kind::starred: return "(* " + dump(static_cast<const starred_expr*>(e)->value.get()) + ")";
        case expr_kind::yield: return std::string(static_cast<const yield_expr*>(e)->is_from ? "(yield-from " : "(yield ") + dump(static_cast<const yield_expr*>(e)->value.get()) + ")";
    }
    return "?";
}

std::unique_ptr<module> parse_ok(const std::string& source) {
    auto result = parse_program(source);
    if (result.error) FAIL_CHECK(result.error->type << ": " << result.error->message << " at " << result.error->where.line << ":" << result.error->where.column);
    REQUIRE(result.program);
    return std::move(result.program);
}

// The expression of a one-line program `x = <source>` (or an expression statement).
std::string shape(const std::string& source) {
    auto program = parse_ok(source + "\n");
    const stmt& s = *program->body.at(0);
    if (s.kind == stmt_kind::assign) return dump(static_cast<const assign_stmt&>(s).value.get());
    REQUIRE(s.kind == stmt_kind::expression);
    return dump(static_cast<const expression_stmt&>(s).value.get());
}

struct expected_error {
    const char* source;
    const char* type;
    const char* message;
    int line;
    int column;
};

void check_error(const expected_error& expected) {
    INFO("source: " << expected.source);
    auto result = parse_program(expected.source);
    REQUIRE(result.error);
    CHECK(result.error->type == expected.type);
    CHECK(result.error->message == expected.message);
    CHECK(result.error->where.line == expected.line);
    CHECK(result.error->where.column == expected.column);
    CHECK_FALSE(result.program);
}

const function_def& function_named(const block& body, const std::string& name) {
    for (const auto& s : body) {
        if (s->kind == stmt_kind::function_def) {
            const auto& d = static_cast<const function_def_stmt&>(*s);
            if (d.function->name == name) return *d.function;
        }
    }
    FAIL("no function " << name);
    throw;
}

}  // namespace

// ---- the lexer ---------------------------------------------------------------------------

TEST_CASE("the lexer emits INDENT, DEDENT and NEWLINE but no NEWLINE inside brackets", "[lexer]") {
    auto lexed = tokenize("if x:\n    y = (1,\n         2)\nz\n");
    REQUIRE_FALSE(lexed.error);
    std::string kinds;
    for (const auto& t : lexed.tokens) {
        switch (t.kind) {
            case token_kind::newline: kinds += "N "; break;
            case token_kind::indent: kinds += "I "; break;
            case token_kind::dedent: kinds += "D "; break;
            case token_kind::end_of_file: kinds += "E"; break;
            default: kinds += t.text + " ";
        }
    }
    CHECK(kinds == "if x : N I y = ( 1 , 2 ) N D z N E");
}

TEST_CASE("the lexer reads every int and float literal form", "[lexer]") {
    auto lexed = tokenize("0x1F 0o17 0b101 1_000 9223372036854775807 1.5 1e-5 1_000.0 .5 5.\n");
    REQUIRE_FALSE(lexed.error);
    const auto& t = lexed.tokens;
    CHECK(t[0].int_value == 31);
    CHECK(t[1].int_value == 15);
    CHECK(t[2].int_value == 5);
    CHECK(t[3].int_value == 1000);
    CHECK(t[4].int_value == 9223372036854775807LL);
    CHECK(t[5].float_value == 1.5);
    CHECK(t[6].float_value == 1e-5);
    CHECK(t[7].float_value == 1000.0);
    CHECK(t[8].float_value == 0.5);
    CHECK(t[9].float_value == 5.0);
}

TEST_CASE("the lexer decodes escapes and leaves raw strings alone", "[lexer]") {
    auto lexed = tokenize(R"(a = 'x\ty\n\\\'\x41\u00e9' r'\n' """tri'ple""" "caf\u00e9")" "\n");
    REQUIRE_FALSE(lexed.error);
    CHECK(lexed.tokens[2].text == "x\ty\n\\'A\xc3\xa9");
    CHECK(lexed.tokens[3].text == "\\n");
    CHECK(lexed.tokens[4].text == "tri'ple");
    CHECK(lexed.tokens[5].text == "caf\xc3\xa9");
}

TEST_CASE("the lexer counts columns in characters, not bytes", "[lexer]") {
    auto lexed = tokenize("s = 'caf\xc3\xa9' + x\n");
    REQUIRE_FALSE(lexed.error);
    CHECK(lexed.tokens[3].text == "+");
    CHECK(lexed.tokens[3].where.column == 12);
}

TEST_CASE("the lexer joins lines ended by a backslash", "[lexer]") {
    auto program = parse_ok("x = 1 + \\\n    2\n");
    CHECK(dump(static_cast<const assign_stmt&>(*program->body[0]).value.get()) == "(+ 1 2)");
}

TEST_CASE("an int literal beyond 64 bits is a clear lesson error", "[lexer]") {
    check_error({"x = 99999999999999999999\n", "NotSupportedError", "integer literal too large for this lesson (64-bit)", 1, 5});
}

TEST_CASE("tokenizer errors match CPython's words and positions", "[lexer]") {
    check_error({"x = 'abc\n", "SyntaxError", "unterminated string literal (detected at line 1)", 1, 5});
    check_error({"x = '''abc\n\n", "SyntaxError", "unterminated triple-quoted string literal (detected at line 2)", 1, 5});
    check_error({"x = 1abc\n", "SyntaxError", "invalid decimal literal", 1, 5});
    check_error({"x = 1.5abc\n", "SyntaxError", "invalid decimal literal", 1, 7});
    check_error({"x = 1__0\n", "SyntaxError", "invalid decimal literal", 1, 6});
    check_error({"x = 0x\n", "SyntaxError", "invalid hexadecimal literal", 1, 6});
    check_error({"x = 0b102\n", "SyntaxError", "invalid digit '2' in binary literal", 1, 9});
    check_error({"x = 0777\n", "SyntaxError",
                 "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 5});
    check_error({"x = 1)\n", "SyntaxError", "unmatched ')'", 1, 6});
    check_error({"x = (1]\n", "SyntaxError", "closing parenthesis ']' does not match opening parenthesis '('", 1, 7});
    check_error({"if x:\n    a\n  b\n", "IndentationError", "unindent does not match any outer indentation level", 3, 4});
    check_error({"if True:\n        x = 1\n\ty = 2\n", "TabError", "inconsistent use of tabs and spaces in indentation", 3, 1});
    // A tokenizer error later in the file wins over an earlier parser error, as in CPython.
    check_error({"x = 1 2\ny = 'abc\n", "SyntaxError", "unterminated string literal (detected at line 2)", 2, 5});
}

// ---- the parser: shapes -------------------------------------------------------------------

TEST_CASE("operator precedence follows Python's", "[parser]") {
    CHECK(shape("-2**2") == "(neg (** 2 2))");
    CHECK(shape("2**-1") == "(** 2 (neg 1))");
    CHECK(shape("2**3**2") == "(** 2 (** 3 2))");
    CHECK(shape("not a == b") == "(not (cmp a == b))");
    CHECK(shape("a if b else c") == "(if b a c)");
    CHECK(shape("a or b and not c") == "(or a (and b (not c)))");
    CHECK(shape("1 + 2 * 3 - 4 // 5 % 6") == "(- (+ 1 (* 2 3)) (% (// 4 5) 6))");
    CHECK(shape("a | b ^ c & d << 1 + 1") == "(| a (^ b (& c (<< d (+ 1 1)))))");
    CHECK(shape("a < b <= c != d") == "(cmp a < b <= c != d)");
    CHECK(shape("a not in b is not c") == "(cmp a not-in b is-not c)");
    CHECK(shape("~x - -y") == "(- (inv x) (neg y))");
    CHECK(shape("a if b else c if d else e") == "(if b a (if d c e))");
}

TEST_CASE("await binds to a primary and marks every enclosing node", "[parser]") {
    auto program = parse_ok("async def f():\n    x = 1 + await g(2)\n    y = 3\n");
    const auto& f = function_named(program->body, "f");
    const auto& assign = static_cast<const assign_stmt&>(*f.body[0]);
    CHECK(dump(assign.value.get()) == "(+ 1 (await (call g 2)))");
    CHECK(assign.contains_await);
    CHECK(assign.value->contains_await);
    CHECK_FALSE(static_cast<const binary_expr&>(*assign.value).left->contains_await);
    CHECK_FALSE(f.body[1]->contains_await);
    CHECK_FALSE(program->body[0]->contains_await);  // not propagated out of the def
}

TEST_CASE("calls take positional, starred, keyword and double-starred arguments", "[parser]") {
    CHECK(shape("f(1, *a, k=2, **d)") == "(call f 1 (* a) k=2 **d)");
    CHECK(shape("f(x for x in y)") == "(call f (gen x for x in y))");
    CHECK(shape("f(a,)") == "(call f a)");
    CHECK(shape("a.b(c)[d].e") == "(. ([] (call (. a b) c) d) e)");
}

TEST_CASE("subscripts take slices and tuples of slices", "[parser]") {
    CHECK(shape("a[1:2]") == "([] a (slice 1 2 _))");
    CHECK(shape("a[::-1]") == "([] a (slice _ _ (neg 1)))");
    CHECK(shape("a[1:2, 3]") == "([] a (tuple (slice 1 2 _) 3))");
    CHECK(shape("a[:]") == "([] a (slice _ _ _))");
    CHECK(shape("a[x]") == "([] a x)");
}

TEST_CASE("displays and comprehensions parse with trailing commas and filters", "[parser]") {
    CHECK(shape("(1,)") == "(tuple 1)");
    CHECK(shape("()") == "(tuple)");
    CHECK(shape("(1)") == "1");
    CHECK(shape("[1, *a, 2,]") == "(list 1 (* a) 2)");
    CHECK(shape("{1, 2}") == "(set 1 2)");
    CHECK(shape("{}") == "dict");
    CHECK(shape("[x * y for x in a if x for y in b if y if x > y]") ==
          "(comp (* x y) for x in a if x for y in b if y if (cmp x > y))");
    CHECK(shape("{k: v for k, v in d.items()}") == "(comp k for (tuple k v) in (call (. d items)))");
    CHECK(shape("1, 2") == "(tuple 1 2)");
}

TEST_CASE("assignments: chained, unpacking, starred and augmented", "[parser]") {
    auto program = parse_ok("a = b = 1\nx, y = y, x\nfirst, *rest = items\nn += 1\nm **= 2\n");
    const auto& chained = static_cast<const assign_stmt&>(*program->body[0]);
    CHECK(chained.targets.size() == 2);
    const auto& swap = static_cast<const assign_stmt&>(*program->body[1]);
    CHECK(dump(swap.targets[0].get()) == "(tuple x y)");
    CHECK(dump(swap.value.get()) == "(tuple y x)");
    const auto& starred = static_cast<const assign_stmt&>(*program->body[2]);
    CHECK(dump(starred.targets[0].get()) == "(tuple first (* rest))");
    const auto& aug = static_cast<const aug_assign_stmt&>(*program->body[3]);
    CHECK(aug.op == binary_op::add);
    CHECK(static_cast<const aug_assign_stmt&>(*program->body[4]).op == binary_op::power);
}

TEST_CASE("f-strings split into literal parts and replacement fields", "[parser]") {
    auto program = parse_ok("s = f'a{x!r:>{w}}b{{c}}' \"d\" f\"{y=}{'q'}\"\n");
    const auto& f = static_cast<const fstring_expr&>(*static_cast<const assign_stmt&>(*program->body[0]).value);
    REQUIRE(f.parts.size() == 5);
    CHECK(f.parts[0].literal == "a");
    CHECK(dump(f.parts[1].value.get()) == "x");
    CHECK(f.parts[1].conversion == 'r');
    REQUIRE(f.parts[1].format_spec.size() == 2);
    CHECK(f.parts[1].format_spec[0].literal == ">");
    CHECK(dump(f.parts[1].format_spec[1].value.get()) == "w");
    CHECK(f.parts[2].literal == "b{c}d");
    CHECK(dump(f.parts[3].value.get()) == "y");
    CHECK(f.parts[3].debug_text == "y=");
    CHECK(f.parts[3].conversion == 'r');
    CHECK(dump(f.parts[4].value.get()) == "'q'");
}

TEST_CASE("f-string fields keep exact columns for carets", "[parser]") {
    auto program = parse_ok("s = f'ab{value + 1}'\n");
    const auto& f = static_cast<const fstring_expr&>(*static_cast<const assign_stmt&>(*program->body[0]).value);
    CHECK(f.parts[1].value->where.column == 10);
    CHECK(f.parts[1].value->end.column == 19);
}

TEST_CASE("expression locations are exact", "[parser]") {
    auto program = parse_ok("x = foo(a, b) + 1\n");
    const auto& value = static_cast<const assign_stmt&>(*program->body[0]).value;
    CHECK(value->where.column == 5);
    CHECK(value->end.column == 18);
    const auto& call = static_cast<const binary_expr&>(*value).left;
    CHECK(call->where.column == 5);
    CHECK(call->end.column == 14);
}

TEST_CASE("statements of the subset all parse", "[parser]") {
    auto program = parse_ok(R"(import asyncio
import time
import asyncio as aio
from asyncio import sleep, gather
counter = 0

async def worker(name, delay=1.0, *args, flag=False, **kwargs):
    global counter
    try:
        async with asyncio.timeout(5) as cm, lock:
            await asyncio.sleep(delay)
    except (ValueError, KeyError) as e:
        raise RuntimeError("bad") from e
    except:
        raise
    else:
        counter += 1
    finally:
        assert counter >= 0, "negative"
    for i in range(3):
        if i == 1:
            continue
        elif i == 2:
            break
        else:
            pass
    else:
        pass
    try:
        pass
    except* TypeError:
        pass
    while counter < 10:
        counter += 1
    else:
        pass
    return [x for x in args], lambda a, b=2: a + b

def outer():
    value = 0
    def inner():
        nonlocal value
        value += 1
        return value
    return inner
x: int = 5
print(sorted([3, 1, 2], key=lambda v: -v), end="")
)");
    CHECK(program->body.size() == 9);
    CHECK(program->source_lines.size() == 47);
}

TEST_CASE("representative lesson programs parse", "[parser]") {
    const char* programs[] = {
        R"(# the 12-URL example with gather
import asyncio
import time

async def fetch(url):
    await asyncio.sleep(5)
    return f"{url}: {len(url)} bytes"

async def main():
    start = time.monotonic()
    urls = [f"https://example.com/{i}" for i in range(12)]
    results = await asyncio.gather(*(fetch(u) for u in urls))
    for r in results[:2]:
        print(r)
    print(f"took {time.monotonic() - start:.1f} s")

asyncio.run(main())
)",
        R"(# closures capture variables, not values
def make_counter():
    count = 0
    def increment(step=1):
        nonlocal count
        count += step
        return count
    return increment

c = make_counter()
print(c(), c(), c(5))
fs = [lambda: i for i in range(3)]
print([f() for f in fs])
gs = [lambda i=i: i for i in range(3)]
print([g() for g in gs])
)",
        R"(# TaskGroup with except*
import asyncio

async def boom(n):
    await asyncio.sleep(n)
    raise ValueError(f"boom {n}")

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(boom(1))
            tg.create_task(boom(2))
    except* ValueError as eg:
        print(len(eg.exceptions), [str(e) for e in eg.exceptions])

asyncio.run(main())
)",
        R"(# slicing and formatting
values = list(range(10))
print(values[::-1], values[2:8:2], values[-3:])
d = {"a": 1, **{"b": 2}}
s = {1, 2, 3}
t = (1,)
print(f"{3.14159:.2f}|{42:>6}|{'x':^5}|{1234567:,}|{0.5:g}|{7:03d}")
print(-2 ** 2, 7 // -2, -7 % 3, not 1 == 2, 1 < 2 < 3)
a, *b = [1, 2, 3]
x = y = 0
x += 1; y -= 1
)",
    };
    for (const char* source : programs) {
        INFO(source);
        auto result = parse_program(source);
        CHECK_FALSE(result.error);
    }
}

// ---- the parser: errors -------------------------------------------------------------------

TEST_CASE("syntax errors use CPython 3.11's messages and positions", "[parser]") {
    const expected_error cases[] = {
        {"if x\n  pass\n", "SyntaxError", "expected ':'", 1, 5},
        {"def f(x)\n  pass\n", "SyntaxError", "expected ':'", 1, 9},
        {"x = 1 2\n", "SyntaxError", "invalid syntax", 1, 7},
        {"x = (1,\n", "SyntaxError", "'(' was never closed", 1, 5},
        {"x = [1, 2\ny = 3\n", "SyntaxError", "'[' was never closed", 1, 5},
        {"x = [1 2]\n", "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 6},
        {"print(\"a\" \"b\" 1)\n", "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 7},
        {"x = {1: 2 3: 4}\n", "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 9},
        {"f() = 1\n", "SyntaxError", "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 1},
        {"1 = x\n", "SyntaxError", "cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 1},
        {"(a, 1) = 2\n", "SyntaxError", "cannot assign to literal", 1, 5},
        {"None = 1\n", "SyntaxError", "cannot assign to None", 1, 1},
        {"a + 1 = 2\n", "SyntaxError", "cannot assign to expression here. Maybe you meant '==' instead of '='?", 1, 1},
        {"f() += 1\n", "SyntaxError", "'function call' is an illegal expression for augmented assignment", 1, 1},
        {"print 'hi'\n", "SyntaxError", "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 1},
        {"x = print x\n", "SyntaxError", "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 5},
        {"f'{x'\n", "SyntaxError", "f-string: expecting '}'", 1, 6},
        {"y = f'{x' + 1\n", "SyntaxError", "f-string: expecting '}'", 1, 11},
        {"f'{}'\n", "SyntaxError", "f-string: empty expression not allowed", 1, 6},
        {"f'}'\n", "SyntaxError", "f-string: single '}' is not allowed", 1, 5},
        {"y = f'{x!z}'\n", "SyntaxError", "f-string: invalid conversion character: expected 's', 'r', or 'a'", 1, 13},
        {"print(f'{x:{y:{z}}}')\n", "SyntaxError", "f-string: expressions nested too deeply", 1, 21},
        {"x = 1 if y\n", "SyntaxError", "expected 'else' after 'if' expression", 1, 5},
        {"if x = 1:\n  pass\n", "SyntaxError", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 4},
        {"try:\n  pass\nx = 1\n", "SyntaxError", "expected 'except' or 'finally' block", 3, 1},
        {"def f(a=1, b):\n  pass\n", "SyntaxError", "non-default argument follows default argument", 1, 12},
        {"def f(a, *):\n  pass\n", "SyntaxError", "named arguments must follow bare *", 1, 10},
        {"f(x for x in y, 1)\n", "SyntaxError", "Generator expression must be parenthesized", 1, 3},
        {"f(**x, *y)\n", "SyntaxError", "iterable argument unpacking follows keyword argument unpacking", 1, 8},
        {"a, *b, *c = x\n", "SyntaxError", "multiple starred expressions in assignment", 1, 1},
        {"a, b += 1\n", "SyntaxError", "'tuple' is an illegal expression for augmented assignment", 1, 1},
        {"x = [i for i in]\n", "SyntaxError", "invalid syntax", 1, 16},
        {"else:\n  pass\n", "SyntaxError", "invalid syntax", 1, 1},
    };
    for (const auto& c : cases) check_error(c);
}

TEST_CASE("indentation errors name the statement that wants a block", "[parser]") {
    const expected_error cases[] = {
        {"  x = 1\n", "IndentationError", "unexpected indent", 1, 2},
        {"x = 1\n  y = 2\n", "IndentationError", "unexpected indent", 2, 2},
        {"for i in x:\npass\n", "IndentationError", "expected an indented block after 'for' statement on line 1", 2, 1},
        {"if x:\npass\n", "IndentationError", "expected an indented block after 'if' statement on line 1", 2, 1},
        {"while x:\npass\n", "IndentationError", "expected an indented block after 'while' statement on line 1", 2, 1},
        {"def f():\npass\n", "IndentationError", "expected an indented block after function definition on line 1", 2, 1},
        {"async def f():\npass\n", "IndentationError", "expected an indented block after function definition on line 1", 2, 1},
        {"try:\npass\n", "IndentationError", "expected an indented block after 'try' statement on line 1", 2, 1},
        {"try:\n  pass\nexcept E:\npass\n", "IndentationError", "expected an indented block after 'except' statement on line 3", 4, 1},
        {"try:\n  pass\nfinally:\npass\n", "IndentationError", "expected an indented block after 'finally' statement on line 3", 4, 1},
        {"if x:\n  pass\nelse:\npass\n", "IndentationError", "expected an indented block after 'else' statement on line 3", 4, 1},
        {"if x:\n  pass\nelif y:\npass\n", "IndentationError", "expected an indented block after 'elif' statement on line 3", 4, 1},
        {"async def f():\n  async with x:\n  pass\n", "IndentationError", "expected an indented block after 'with' statement on line 2", 3, 3},
        {"if x:\n", "IndentationError", "expected an indented block after 'if' statement on line 1", 1, 6},
    };
    for (const auto& c : cases) check_error(c);
}

TEST_CASE("the conformance corpus's syntax errors are reported as CPython does", "[parser]") {
    check_error({"import asyncio\n\nasync def fetch(url)\n    await asyncio.sleep(1)\n", "SyntaxError", "expected ':'", 3, 21});
    check_error({"import asyncio\n\ndef fetch(url):\n    await asyncio.sleep(1)\n    return url\n", "SyntaxError",
                 "'await' outside async function", 4, 5});
    check_error({"async def main():\n    results = await asyncio.gather(\n        asyncio.sleep(1),\n    print(results)\n\nasyncio.run(main())\n",
                 "SyntaxError", "'(' was never closed", 2, 35});
    check_error({"async def main():\n    for i in range(3):\n    await asyncio.sleep(i)\n", "IndentationError",
                 "expected an indented block after 'for' statement on line 2", 3, 5});
}

TEST_CASE("generators and async iteration are checked where CPython checks them", "[parser][generators]") {
    check_error({"yield 1\n", "SyntaxError", "'yield' outside function", 1, 1});
    check_error({"async def f():\n  yield from g()\n", "SyntaxError", "'yield from' inside async function", 2, 3});
    check_error({"def f():\n  async for x in y:\n    pass\n", "SyntaxError", "'async for' outside async function", 2, 3});
    check_error({"def f():\n  return [x async for x in y]\n", "SyntaxError",
                 "asynchronous comprehension outside of an asynchronous function", 2, 10});
    check_error({"async def f():\n  yield 1\n  return 2\n", "SyntaxError", "'return' with value in async generator", 3, 3});
    check_error({"async def f():\n  return list(await x for x in y)\n", "NotSupportedError",
                 "asynchronous generator expressions are not supported in this lesson", 2, 15});
    auto ok = parse_program("def f(n):\n  x = yield n\n  yield\n  yield from range(x)\n  return (yield)\n"
                            "@d\n@e(1)\nasync def g():\n  async for a, b in f():\n    yield [c async for c in h() if c]\n");
    CHECK_FALSE(ok.error);
}

TEST_CASE("constructs outside the lesson are reported as not supported, at the construct", "[parser]") {
    const expected_error cases[] = {
        {"match x:\n  case 1:\n    pass\n", "NotSupportedError", "'match' statements are not supported in this lesson", 1, 1},
        {"if (n := 3):\n  pass\n", "NotSupportedError", "the walrus operator ':=' is not supported in this lesson", 1, 7},
        {"del x\n", "NotSupportedError", "'del' is not supported in this lesson", 1, 1},
        {"import os\n", "NotSupportedError", "importing 'os' is not supported in this lesson: only asyncio, time, random, collections, itertools, functools, math, sys, datetime, string, contextlib and dataclasses are available", 1, 8},
        {"class A(B, metaclass=M):\n  pass\n", "NotSupportedError", "class keywords (metaclass=...) are not supported in this lesson", 1, 12},
    };
    for (const auto& c : cases) check_error(c);
    auto ok = parse_program("match = 1\nprint(match)\n");  // `match` is only a soft keyword
    CHECK_FALSE(ok.error);
}

TEST_CASE("classes, decorators, with and bare annotations parse", "[parser]") {
    auto ok = parse_program("@deco\n@deco2(1)\nclass A(B):\n  x: int\n  y: int = 2\n  @staticmethod\n  def f(): pass\n"
                            "with a as b, c:\n  pass\n");
    REQUIRE_FALSE(ok.error);
    check_error({"@deco\nx = 1\n", "SyntaxError", "invalid syntax", 2, 1});
    check_error({"class A:\n  return 1\n", "SyntaxError", "'return' outside function", 2, 3});
}

TEST_CASE("deeply nested input gives an error, not a stack overflow", "[parser]") {
    check_error({(std::string(10000, '(') + "\n").c_str(), "SyntaxError", "too many nested parentheses", 1, 201});
    std::string ifs;
    for (int i = 0; i < 1000; ++i) ifs += std::string(static_cast<std::size_t>(i), ' ') + "if x:\n";
    check_error({ifs.c_str(), "IndentationError", "too many levels of indentation", 101, 1});
    std::string fors;
    for (int i = 0; i < 25; ++i) fors += std::string(static_cast<std::size_t>(i) * 4, ' ') + "for x in y:\n";
    fors += std::string(100, ' ') + "pass\n";
    check_error({fors.c_str(), "SyntaxError", "too many statically nested blocks", 21, 81});
    auto negations = parse_program("x = " + std::string(1000, '-') + "1\n");
    CHECK_FALSE(negations.error);
    auto lambdas = parse_program("x = " + [] { std::string s; for (int i = 0; i < 1000; ++i) s += "lambda: "; return s; }() + "1\n");
    CHECK(lambdas.error);
}

// ---- the resolver --------------------------------------------------------------------------

TEST_CASE("compile-time errors of the symbol table and compiler match CPython", "[resolver]") {
    const expected_error cases[] = {
        {"await x\n", "SyntaxError", "'await' outside function", 1, 1},
        {"def f():\n  await x\n", "SyntaxError", "'await' outside async function", 2, 3},
        {"async def f():\n  g = lambda: await y\n", "SyntaxError", "'await' outside async function", 2, 15},
        {"def f():\n  [await x for x in y]\n", "SyntaxError", "asynchronous comprehension outside of an asynchronous function", 2, 3},
        {"return 1\n", "SyntaxError", "'return' outside function", 1, 1},
        {"break\n", "SyntaxError", "'break' outside loop", 1, 1},
        {"continue\n", "SyntaxError", "'continue' not properly in loop", 1, 1},
        {"for x in y:\n  pass\nelse:\n  break\n", "SyntaxError", "'break' outside loop", 4, 3},
        {"while x:\n  def f():\n    break\n", "SyntaxError", "'break' outside loop", 3, 5},
        {"def f():\n  x = 1\n  def g():\n    nonlocal y\n", "SyntaxError", "no binding for nonlocal 'y' found", 4, 5},
        {"def f():\n  print(x)\n  global x\n", "SyntaxError", "name 'x' is used prior to global declaration", 3, 3},
        {"def f():\n  x = 1\n  global x\n", "SyntaxError", "name 'x' is assigned to before global declaration", 3, 3},
        {"nonlocal x\n", "SyntaxError", "nonlocal declaration not allowed at module level", 1, 1},
        {"def f(x):\n  global x\n", "SyntaxError", "name 'x' is parameter and global", 2, 3},
        {"def f(x):\n  nonlocal x\n", "SyntaxError", "name 'x' is parameter and nonlocal", 2, 3},
        {"def f():\n  global x\n  nonlocal x\n", "SyntaxError", "name 'x' is nonlocal and global", 2, 3},
        {"def f(a, a): pass\n", "SyntaxError", "duplicate argument 'a' in function definition", 1, 10},
        {"async with a:\n  pass\n", "SyntaxError", "'async with' outside async function", 1, 1},
    };
    for (const auto& c : cases) check_error(c);
    CHECK_FALSE(parse_program("global x\nx = 1\n").error);  // legal at module level, as in CPython
}

TEST_CASE("module-level names are global", "[resolver]") {
    auto program = parse_ok("x = 1\nprint(x)\n");
    const auto& target = static_cast<const name_expr&>(*static_cast<const assign_stmt&>(*program->body[0]).targets[0]);
    CHECK(target.binding.scope == name_scope::global);
}

TEST_CASE("function locals get slots with parameters first", "[resolver]") {
    auto program = parse_ok("def f(a, b=1, *rest, k, **kw):\n    total = a + b\n    for i in rest:\n        total += i\n    return total\n");
    const auto& f = function_named(program->body, "f");
    CHECK(f.locals == std::vector<std::string>{"a", "b", "rest", "k", "kw", "total", "i"});
    CHECK(f.local_is_cell == std::vector<bool>(7, false));
    const auto& ret = static_cast<const return_stmt&>(*f.body[2]);
    const auto& name = static_cast<const name_expr&>(*ret.value);
    CHECK(name.binding.scope == name_scope::local);
    CHECK(name.binding.index == 5);
    const auto& print_call = static_cast<const binary_expr&>(*static_cast<const assign_stmt&>(*f.body[0]).value);
    CHECK(static_cast<const name_expr&>(*print_call.left).binding.index == 0);
}

TEST_CASE("closures: nonlocal makes a cell in the owner and a free variable in the inner function", "[resolver]") {
    auto program = parse_ok(R"(def counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc
)");
    const auto& outer = function_named(program->body, "counter");
    CHECK(outer.locals == std::vector<std::string>{"count", "inc"});
    CHECK(outer.local_is_cell == std::vector<bool>{true, false});
    const auto& count_assign = static_cast<const assign_stmt&>(*outer.body[0]);
    const auto& count_target = static_cast<const name_expr&>(*count_assign.targets[0]);
    CHECK(count_target.binding.scope == name_scope::cell);
    CHECK(count_target.binding.index == 0);
    const auto& def = static_cast<const function_def_stmt&>(*outer.body[1]);
    CHECK(def.binding.scope == name_scope::local);
    CHECK(def.binding.index == 1);
    const auto& inner = *def.function;
    CHECK(inner.locals.empty());
    CHECK(inner.free_names == std::vector<std::string>{"count"});
    REQUIRE(inner.free_sources.size() == 1);
    CHECK(inner.free_sources[0].scope == name_scope::cell);
    CHECK(inner.free_sources[0].index == 0);
    const auto& aug = static_cast<const aug_assign_stmt&>(*inner.body[1]);
    CHECK(static_cast<const name_expr&>(*aug.target).binding.scope == name_scope::free);
    CHECK(static_cast<const name_expr&>(*aug.target).binding.index == 0);
}

TEST_CASE("a free variable passes through an intermediate function", "[resolver]") {
    auto program = parse_ok(R"(def a():
    x = 1
    y = 2
    def b():
        def c():
            return x + y
        return c
    return b
)");
    const auto& fa = function_named(program->body, "a");
    CHECK(fa.local_is_cell == std::vector<bool>{true, true, false});
    const auto& fb = *static_cast<const function_def_stmt&>(*fa.body[2]).function;
    CHECK(fb.free_names == std::vector<std::string>{"x", "y"});
    CHECK(fb.free_sources[0].scope == name_scope::cell);
    CHECK(fb.free_sources[0].index == 0);
    CHECK(fb.free_sources[1].index == 1);
    const auto& fc = *static_cast<const function_def_stmt&>(*fb.body[0]).function;
    CHECK(fc.free_names == std::vector<std::string>{"x", "y"});
    CHECK(fc.free_sources[0].scope == name_scope::free);
    CHECK(fc.free_sources[0].index == 0);
    CHECK(fc.free_sources[1].scope == name_scope::free);
    CHECK(fc.free_sources[1].index == 1);
}

TEST_CASE("global declarations make names global inside functions", "[resolver]") {
    auto program = parse_ok("count = 0\ndef bump():\n    global count\n    count += 1\n    local = count\n");
    const auto& f = function_named(program->body, "bump");
    CHECK(f.locals == std::vector<std::string>{"local"});
    const auto& aug = static_cast<const aug_assign_stmt&>(*f.body[1]);
    CHECK(static_cast<const name_expr&>(*aug.target).binding.scope == name_scope::global);
}

TEST_CASE("a name assigned anywhere in a function is local everywhere in it", "[resolver]") {
    auto program = parse_ok("x = 1\ndef f():\n    print(x)\n    x = 2\n");
    const auto& f = function_named(program->body, "f");
    const auto& call = static_cast<const call_expr&>(*static_cast<const expression_stmt&>(*f.body[0]).value);
    CHECK(static_cast<const name_expr&>(*call.arguments[0]).binding.scope == name_scope::local);
    CHECK(static_cast<const name_expr&>(*call.function).binding.scope == name_scope::global);
}

TEST_CASE("comprehension variables get hidden slots and do not clobber outer names", "[resolver]") {
    auto program = parse_ok("def f(x):\n    ys = [x * 2 for x in range(3)]\n    return x\n");
    const auto& f = function_named(program->body, "f");
    CHECK(f.locals == std::vector<std::string>{"x", "<comp>.x", "ys"});
    const auto& comp = static_cast<const comprehension_expr&>(*static_cast<const assign_stmt&>(*f.body[0]).value);
    const auto& element = static_cast<const binary_expr&>(*comp.element);
    CHECK(static_cast<const name_expr&>(*element.left).binding.index == 1);
    CHECK(static_cast<const name_expr&>(*comp.generators[0].target).binding.index == 1);
    const auto& ret = static_cast<const return_stmt&>(*f.body[1]);
    CHECK(static_cast<const name_expr&>(*ret.value).binding.index == 0);
}

TEST_CASE("the first iterable of a comprehension belongs to the enclosing scope", "[resolver]") {
    auto program = parse_ok("def f(x):\n    return [x for x in x]\n");
    const auto& f = function_named(program->body, "f");
    const auto& comp = static_cast<const comprehension_expr&>(*static_cast<const return_stmt&>(*f.body[0]).value);
    CHECK(static_cast<const name_expr&>(*comp.generators[0].iterable).binding.index == 0);
    CHECK(static_cast<const name_expr&>(*comp.element).binding.index == 1);
}

TEST_CASE("module-level comprehensions use hidden slots of the module frame", "[resolver]") {
    auto program = parse_ok("x = 10\nys = [x for x in range(3)]\nfs = [lambda: i for i in range(3)]\n");
    CHECK(program->frame->locals == std::vector<std::string>{"<comp>.x", "<comp2>.i"});
    CHECK(program->frame->local_is_cell == std::vector<bool>{false, true});
    const auto& comp = static_cast<const comprehension_expr&>(*static_cast<const assign_stmt&>(*program->body[1]).value);
    CHECK(static_cast<const name_expr&>(*comp.element).binding.scope == name_scope::local);
    const auto& lambdas = static_cast<const comprehension_expr&>(*static_cast<const assign_stmt&>(*program->body[2]).value);
    const auto& lambda = static_cast<const lambda_expr&>(*lambdas.element);
    CHECK(lambda.function->free_names == std::vector<std::string>{"<comp2>.i"});
    CHECK(lambda.function->free_sources[0].scope == name_scope::cell);
    CHECK(lambda.function->free_sources[0].index == 1);
}

TEST_CASE("except-as names, imports and defs are bindings of the scope", "[resolver]") {
    auto program = parse_ok("def f():\n    import asyncio as aio\n    try:\n        pass\n    except ValueError as e:\n        print(e)\n");
    const auto& f = function_named(program->body, "f");
    CHECK(f.locals == std::vector<std::string>{"aio", "e"});
    const auto& t = static_cast<const try_stmt&>(*f.body[1]);
    CHECK(t.handlers[0].binding.scope == name_scope::local);
    CHECK(t.handlers[0].binding.index == 1);
    const auto& imp = static_cast<const import_stmt&>(*f.body[0]);
    CHECK(imp.names[0].binding.index == 0);
}

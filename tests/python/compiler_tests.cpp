// The compiler and the VM (compiler.hpp, code_object.hpp, vm.hpp): line and exception tables,
// frames counted for recursion, and what one program shows through the disassembler.
#include <catch2/catch.hpp>

#include <string>

#include "compiler.hpp"
#include "loopstep/python/run_program.hpp"
#include "parser.hpp"

using namespace loopstep::python;

namespace {

std::shared_ptr<code_object> compiled(const char* source, std::unique_ptr<module>& keep) {
    parse_result parsed = parse_program(source);
    REQUIRE_FALSE(parsed.error);
    keep = std::move(parsed.program);
    compile_result result = compile_module(*keep);
    REQUIRE_FALSE(result.error);
    return result.code;
}

std::size_t count_ops(const code_object& code, opcode op) {
    std::size_t n = 0;
    for (const auto& ins : code.instructions) n += ins.op == op ? 1 : 0;
    return n;
}

}  // namespace

TEST_CASE("every instruction knows its source line and column span, but the value of the implicit return", "[compiler]") {
    std::unique_ptr<module> tree;
    auto code = compiled("x = 1\n\ny = (x +\n     2)\n", tree);
    REQUIRE(code->spans.size() == code->instructions.size());
    bool saw_add_on_line_3 = false;
    const std::size_t implicit_return_value = code->instructions.size() - 2;  // `None`: no line a line step stops at
    CHECK(code->instructions[implicit_return_value].op == opcode::load_const);
    CHECK(code->spans[implicit_return_value].line == 0);
    CHECK(code->spans.back().line == 3);  // the return itself: the last statement's, where a task's end is reported
    for (std::size_t i = 0; i < code->instructions.size(); ++i) {
        if (i == implicit_return_value) continue;
        CHECK(code->spans[i].line >= 1);
        if (code->instructions[i].op == opcode::binary) {
            CHECK(code->spans[i].line == 3);
            CHECK(code->spans[i].column == 6);
            CHECK(code->spans[i].end_line == 4);
            saw_add_on_line_3 = true;
        }
    }
    CHECK(saw_add_on_line_3);
}

TEST_CASE("try/except/finally compiles to jumps plus exception-table entries", "[compiler]") {
    std::unique_ptr<module> tree;
    auto code = compiled(
        "def f(d):\n"
        "    try:\n"
        "        return d['k']\n"
        "    except KeyError as e:\n"
        "        return 0\n"
        "    finally:\n"
        "        print('done')\n",
        tree);
    REQUIRE(code->functions.size() == 1);
    const code_object& f = *code->functions[0];
    CHECK(f.name == "f");
    CHECK_FALSE(f.exception_table.empty());
    // The finally body is compiled once per way out.
    CHECK(count_ops(f, opcode::load_global) == 5);  // KeyError, then print for both returns, the way through and the exceptional path
    CHECK(count_ops(f, opcode::check_exc_match) == 1);
    CHECK(count_ops(f, opcode::push_exc_info) == 2);
    for (std::size_t i = 1; i < f.exception_table.size(); ++i) {
        CHECK(f.exception_table[i - 1].end <= f.exception_table[i].start);  // sorted, no overlap
    }
    const exception_entry* around_return = nullptr;
    for (std::size_t i = 0; i < f.instructions.size() && !around_return; ++i) {
        if (f.instructions[i].op == opcode::binary_subscr) around_return = f.handler_for(i);
    }
    REQUIRE(around_return);
    CHECK(f.instructions[around_return->handler].op == opcode::push_exc_info);
    const std::string text = disassemble(*code);
    CHECK_THAT(text, Catch::Matchers::Contains("code f"));
    CHECK_THAT(text, Catch::Matchers::Contains("handler:"));
}

TEST_CASE("return, break and continue inside except* are compile errors, as in CPython", "[compiler]") {
    const auto result = run_program(
        "def f():\n"
        "    for i in range(3):\n"
        "        try:\n"
        "            pass\n"
        "        except* ValueError:\n"
        "            break\n");
    REQUIRE(result.error);
    CHECK(result.error->type == "SyntaxError");
    CHECK(result.error->message == "'break', 'continue' and 'return' cannot appear in an except* block");
    CHECK(result.error->line == 6);
}

TEST_CASE("recursion counts frames: 999 nested calls run, the thousandth raises", "[vm][recursion]") {
    const char* program =
        "def down(n):\n"
        "    return 0 if n == 0 else 1 + down(n - 1)\n"
        "print(down(998))\n"
        "try:\n"
        "    down(999)\n"
        "except RecursionError as e:\n"
        "    print('stopped:', e)\n";
    const auto result = run_program(program);
    INFO(result.error_output);
    CHECK(result.output == "998\nstopped: maximum recursion depth exceeded\n");
}

TEST_CASE("a lower recursion limit is honoured by calls made from native code too", "[vm][recursion]") {
    program_options options;
    options.recursion_limit = 50;
    const auto result = run_program(
        "def down(n):\n"
        "    return 0 if n == 0 else 1 + max(0, down(n - 1))\n"
        "print(down(40))\n"
        "print(sorted([2, 1], key=lambda x: down(x * 30)))\n",
        options);
    CHECK(result.output == "40\n");
    REQUIRE(result.error);
    CHECK(result.error->type == "RecursionError");
}

TEST_CASE("a million nested awaits of finished coroutines never grow the C++ stack", "[vm]") {
    const auto result = run_program(
        "import asyncio\n"
        "async def leaf(i):\n"
        "    return i\n"
        "async def main():\n"
        "    total = 0\n"
        "    for i in range(200000):\n"
        "        total += await leaf(i)\n"
        "    print(total)\n"
        "asyncio.run(main())\n");
    CHECK(result.output == "19999900000\n");
}

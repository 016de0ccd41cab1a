// A code object: the bytecode of one function (or the module body), its constants and
// names, where each instruction came from, and the exception table. Made by compiler.cpp,
// run by vm.cpp, printed by disassembler.cpp.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "ast.hpp"
#include "opcodes.hpp"
#include "value.hpp"

namespace loopstep::python {

struct instruction {
    opcode op = opcode::nop;
    std::int32_t arg = 0;
};

// The source span an instruction was compiled from (1-based lines and columns).
struct source_span {
    int line = 0;
    int column = 0;
    int end_line = 0;
    int end_column = 0;
};

// Instructions [start, end) raise into `handler` with the value stack cut to `depth`.
struct exception_entry {
    std::uint32_t start = 0;
    std::uint32_t end = 0;
    std::uint32_t handler = 0;
    std::uint32_t depth = 0;
};

struct code_object {
    std::string name;                // "<module>", "fetch", "<lambda>"
    const function_def* definition;  // the frame layout (locals, cells, free names)
    bool is_async = false;
    bool is_generator = false;  // a call makes a generator (an async generator if is_async)
    std::vector<instruction> instructions;
    std::vector<source_span> spans;  // one per instruction
    std::vector<value> constants;
    std::vector<std::string> names;  // globals, attributes, modules
    std::vector<exception_entry> exception_table;  // innermost entries first
    std::vector<std::shared_ptr<code_object>> functions;  // nested defs and lambdas
    std::vector<std::shared_ptr<const function_def>> function_defs;  // the same, as parsed
    std::size_t max_stack = 0;
    // Where CPython's "Did you mean" looks first for a NameError: the function's co_varnames
    // (parameters, then the plain locals in the order the code first uses them), or, inside
    // a comprehension (a function of its own in CPython 3.11), that comprehension's variables.
    std::vector<std::string> varnames;
    struct comprehension_scope {
        std::uint32_t start = 0;  // instructions [start, end) run in the comprehension's scope
        std::uint32_t end = 0;
        std::vector<std::string> varnames;  // ".0", then its loop variables
    };
    std::vector<comprehension_scope> comprehension_scopes;

    int line_of(std::size_t index) const { return index < spans.size() ? spans[index].line : 0; }
    // The variables CPython's code object would name at instruction `index` (see varnames).
    const std::vector<std::string>& varnames_at(std::size_t index) const;
    // The entry that catches an exception raised by instruction `index`, or null.
    const exception_entry* handler_for(std::size_t index) const;
};

// One line per instruction and per table entry, for tests and debugging.
std::string disassemble(const code_object& code, bool with_nested = true);

}  // namespace loopstep::python

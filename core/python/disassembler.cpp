// Opcode names, the exception-table lookup and a disassembler for tests and debugging
// (pairs with code_object.hpp and opcodes.hpp).
#include <algorithm>

#include "code_object.hpp"
#include "objects.hpp"

namespace loopstep::python {

const char* opcode_name(opcode op) {
    switch (op) {
#define LOOPSTEP_OPCODE_NAME(name, text) \
    case opcode::name: return #name;
        LOOPSTEP_OPCODES(LOOPSTEP_OPCODE_NAME)
#undef LOOPSTEP_OPCODE_NAME
    }
    return "?";
}

const exception_entry* code_object::handler_for(std::size_t index) const {
    // Entries do not overlap (each instruction has one innermost handler) and are sorted.
    auto it = std::upper_bound(exception_table.begin(), exception_table.end(), index,
                               [](std::size_t i, const exception_entry& e) { return i < e.start; });
    if (it == exception_table.begin()) return nullptr;
    --it;
    return index < it->end ? &*it : nullptr;
}

const std::vector<std::string>& code_object::varnames_at(std::size_t index) const {
    const comprehension_scope* innermost = nullptr;  // nested scopes start later
    for (const auto& scope : comprehension_scopes) {
        if (index >= scope.start && index < scope.end && (!innermost || scope.start > innermost->start)) innermost = &scope;
    }
    return innermost ? innermost->varnames : varnames;
}

namespace {
std::string constant_text(const value& v) {
    if (v.is_unbound()) return "<unbound>";
    if (auto* s = v.as<str_object>()) return "'" + s->value + "'";
    return value_text(v);
}
}  // namespace

std::string disassemble(const code_object& code, bool with_nested) {
    std::string text = "code " + code.name + (code.is_async ? " (async)" : "") + "\n";
    int last_line = -1;
    for (std::size_t i = 0; i < code.instructions.size(); ++i) {
        const instruction& ins = code.instructions[i];
        const int line = code.line_of(i);
        std::string line_column = line != last_line ? std::to_string(line) : std::string();
        line_column.resize(6, ' ');
        last_line = line;
        text += line_column + std::to_string(i) + " " + opcode_name(ins.op) + " " + std::to_string(ins.arg);
        switch (ins.op) {
            case opcode::load_const: text += " (" + constant_text(code.constants[std::size_t(ins.arg)]) + ")"; break;
            case opcode::load_global:
            case opcode::store_global:
            case opcode::load_attr:
            case opcode::store_attr:
            case opcode::import_name: text += " (" + code.names[std::size_t(ins.arg)] + ")"; break;
            case opcode::load_fast:
            case opcode::store_fast:
            case opcode::delete_fast:
            case opcode::load_cell:
            case opcode::store_cell:
                if (code.definition && std::size_t(ins.arg) < code.definition->locals.size()) {
                    text += " (" + code.definition->locals[std::size_t(ins.arg)] + ")";
                }
                break;
            default: break;
        }
        text += "\n";
    }
    for (const auto& entry : code.exception_table) {
        text += "  handler: " + std::to_string(entry.start) + " to " + std::to_string(entry.end) + " -> " +
                std::to_string(entry.handler) + " [" + std::to_string(entry.depth) + "]\n";
    }
    if (with_nested) {
        for (const auto& nested : code.functions) text += disassemble(*nested, true);
    }
    return text;
}

}  // namespace loopstep::python

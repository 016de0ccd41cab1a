// A frame: one activation of a code object as plain data (code, instruction pointer, value
// stack, locals, the exception being handled), and the stack of frames a task or a call runs.
// vm.cpp runs them; a coroutine object holds its frame until it is awaited.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "code_object.hpp"
#include "objects.hpp"
#include "value_stack.hpp"

namespace loopstep::python {

struct frame {
    std::shared_ptr<const code_object> code;
    std::shared_ptr<function_object> function;  // null for the module body
    std::shared_ptr<globals_table> globals;
    std::vector<value> locals;  // parameters first, then other locals; cells hold cell_objects
    value_stack stack;
    std::shared_ptr<globals_table> names;  // a class body's namespace (load_name, store_name)
    value handling;          // the exception an except/finally block of this frame handles
    std::uint32_t ip = 0;    // the next instruction
    std::int32_t kw_names = -1;  // constants index of the next call's keyword names
    // While a generator's frame runs: its generator_object (generators.hpp), which gets the
    // frame back when it yields. Null for other frames.
    std::shared_ptr<object> generator;
    int traced_line = 0;  // the line of the last line_reached event of this frame (interpreter::note_line)

    // The instruction being run (or that suspended the frame) and its line.
    std::size_t current() const { return ip > 0 ? ip - 1 : 0; }
    int line() const { return code->line_of(current()); }
    const std::vector<std::shared_ptr<cell_object>>& closure() const { return function->closure; }
};
using frame_ptr = std::shared_ptr<frame>;

// The frames of one task (or one synchronous call from native code), innermost last.
struct frame_stack {
    std::vector<frame_ptr> frames;
    int base_depth = 0;  // frames below this stack on the C++ side (a native call's caller)
    int depth() const { return base_depth + int(frames.size()); }
};

}  // namespace loopstep::python

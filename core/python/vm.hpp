// The VM: one loop that runs frames (vm.cpp). Python-to-Python calls and awaits of Python
// coroutines push frames on the same frame_stack, never recursing in C++; an await of
// anything else (a Task, a Future, asyncio.sleep) suspends the stack and hands the
// awaitable to the caller, the one place that crosses into the core's coroutines.
#pragma once

#include <cstdint>

#include "frame.hpp"
#include "interpreter.hpp"

namespace loopstep::python {

// `sliced`: the loop paused itself to be entered again (vm.cpp); never seen outside it.
// `yielded`: a generator at the bottom of its own stack yielded `result` (generators.cpp).
enum class run_status : std::uint8_t { returned, raised, suspended, sliced, yielded };

struct run_result {
    run_status status = run_status::returned;
    value result;  // the return value, the raised exception, or what the stack waits on
};

// Runs the stack's top frame, and every frame it pushes, until the bottom frame returns or
// raises, or an await suspends the stack.
run_result run_frames(interpreter& in, frame_stack& stack);

// Continues a suspended stack with the awaited result (a raised value raises at the await).
run_result resume_frames(interpreter& in, frame_stack& stack, value sent);

// A frame for `function` with its arguments bound into `locals`.
frame_ptr function_frame(const std::shared_ptr<function_object>& function, std::vector<value> locals);

}  // namespace loopstep::python

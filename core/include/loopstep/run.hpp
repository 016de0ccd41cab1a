// asyncio.run (runners.py): run a main coroutine to completion, then cancel the tasks it
// left behind and let them finish their cleanup, as CPython does.
#pragma once

#include "loopstep/task.hpp"

namespace loopstep {

// Cancels every live pending task and runs the loop until each has finished.
void cancel_remaining_tasks(event_loop& loop);

template <class T>
stored_t<T> run(event_loop& loop, coro<T> main) {
    auto main_task = create_task(loop, std::move(main));
    try {
        loop.run_until_done(*main_task);
    } catch (...) {
        cancel_remaining_tasks(loop);
        throw;
    }
    cancel_remaining_tasks(loop);
    return main_task->result();
}

}  // namespace loopstep

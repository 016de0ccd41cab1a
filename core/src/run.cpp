// The shutdown half of asyncio.run (pairs with run.hpp).
#include "loopstep/run.hpp"

namespace loopstep {

void cancel_remaining_tasks(event_loop& loop) {
    std::vector<std::shared_ptr<future_base>> pending;
    for (task_base* task : loop.live_tasks()) {
        if (!task->as_future().done()) pending.push_back(task->as_future().shared_from_this());
    }
    if (pending.empty()) return;
    for (auto& task : pending) task->cancel();
    // asyncio gathers them (return_exceptions=True) and runs the loop until that completes.
    auto all_done = create_future<void>(loop, "shutdown");
    auto remaining = std::make_shared<std::size_t>(pending.size());
    for (auto& task : pending) {
        task->add_done_callback([&loop, all_done, remaining](future_base& done) {
            if (!done.cancelled()) {
                if (auto error = done.exception()) {
                    loop.report("unhandled exception during asyncio.run() shutdown: " + done.to_string());
                }
            }
            if (--*remaining == 0 && !all_done->done()) all_done->set_result();
        });
    }
    loop.run_until_done(*all_done);
}

}  // namespace loopstep

// asyncio.wait (tasks.py): waits until some or all of the given futures are done, or a
// timeout passes, and says which are done; it never raises their errors nor cancels them.
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include "loopstep/task.hpp"

namespace loopstep {

enum class return_when : std::uint8_t { first_completed, first_exception, all_completed };

struct wait_outcome {
    std::vector<std::shared_ptr<future_base>> done, pending;  // in the order they were given
};

// `futures` must not be empty. Each future gets a done-callback; once enough are done (one
// for first_completed, a failed one for first_exception, else all) the waiter is released,
// and the wait returns in the step after that, as CPython's does.
inline coro<wait_outcome> wait(std::vector<std::shared_ptr<future_base>> futures, std::optional<double> timeout,
                               return_when when) {
    event_loop& loop = co_await get_running_loop();
    auto waiter = create_future<void>(loop, "wait()");
    callback_handle timer;
    if (timeout) {
        timer = loop.call_later(*timeout, [waiter] {
            if (!waiter->done()) waiter->set_result();
        }, "wait timeout");
    }
    auto remaining = std::make_shared<std::size_t>(futures.size());
    std::vector<std::uint64_t> tokens;
    for (auto& f : futures) {
        tokens.push_back(f->add_done_callback([waiter, remaining, when, timer](future_base& completed) mutable {
            --*remaining;
            // Checked in CPython's order: exception() (which marks an error as retrieved) is
            // asked only when the other conditions do not already hold.
            const auto failed = [&] { return !completed.cancelled() && completed.exception() != nullptr; };
            if (*remaining == 0 || when == return_when::first_completed ||
                (when == return_when::first_exception && failed())) {
                timer.cancel();
                if (!waiter->done()) waiter->set_result();
            }
        }));
    }
    struct cleanup {
        std::vector<std::shared_ptr<future_base>>& futures;
        std::vector<std::uint64_t>& tokens;
        callback_handle& timer;
        ~cleanup() {
            timer.cancel();
            for (std::size_t i = 0; i < futures.size(); ++i) futures[i]->remove_done_callback(tokens[i]);
        }
    } unregister{futures, tokens, timer};
    co_await waiter;
    wait_outcome outcome;
    for (auto& f : futures) (f->done() ? outcome.done : outcome.pending).push_back(f);
    co_return outcome;
}

}  // namespace loopstep

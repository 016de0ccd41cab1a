// asyncio.shield (tasks.py): cancelling the outer future leaves the inner one running.
#pragma once

#include "loopstep/task.hpp"

namespace loopstep {

template <class T>
future_ptr<T> shield(event_loop& loop, future_ptr<T> inner) {
    if (inner->done()) return inner;
    auto outer = create_future<T>(loop, "shield()");
    std::weak_ptr<future<T>> weak_outer = outer;
    const auto inner_token = inner->add_done_callback([weak_outer](future_base& done) {
        auto outer = weak_outer.lock();
        auto& finished = static_cast<future<T>&>(done);
        if (!outer || outer->cancelled()) {
            if (!finished.cancelled()) finished.exception();  // mark it retrieved
            return;
        }
        if (finished.cancelled()) outer->cancel();
        else if (auto error = finished.exception()) outer->set_exception(error);
        else outer->set_result(finished.result());
    });
    outer->add_done_callback([inner, inner_token](future_base&) {
        if (!inner->done()) inner->remove_done_callback(inner_token);
    });
    return outer;
}

template <class T>
future_ptr<T> shield(event_loop& loop, coro<T> body) {
    return shield(loop, future_ptr<T>(create_task(loop, std::move(body))));
}

}  // namespace loopstep

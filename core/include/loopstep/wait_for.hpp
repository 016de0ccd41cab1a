// asyncio.wait_for (Python 3.11's tasks.py): await with a timeout. On timeout the inner
// task is cancelled and awaited, so it is finished when wait_for returns; then TimeoutError.
#pragma once

#include <optional>

#include "loopstep/task.hpp"

namespace loopstep {

namespace detail {

template <class T>
T take_result(future<T>& done) {
    if constexpr (std::is_void_v<T>) done.result();
    else return done.result();
}

// Cancels `awaited` and waits until it is really done (its cancellation may take steps).
inline coro<void> cancel_and_wait(std::shared_ptr<future_base> awaited) {
    event_loop& loop = co_await get_running_loop();
    auto waiter = create_future<void>(loop, "cancel_and_wait()");
    const auto token = awaited->add_done_callback([waiter](future_base&) {
        if (!waiter->done()) waiter->set_result();
    });
    struct unregister {
        future_base& awaited;
        std::uint64_t token;
        ~unregister() { awaited.remove_done_callback(token); }
    } cleanup{*awaited, token};
    awaited->cancel();
    co_await waiter;
}

struct timer_cancellation {
    callback_handle timer;
    ~timer_cancellation() { timer.cancel(); }
};

}  // namespace detail

template <class T>
coro<T> wait_for(future_ptr<T> awaited, std::optional<double> timeout) {
    if (!timeout) co_return co_await awaited;
    event_loop& loop = co_await get_running_loop();
    if (*timeout <= 0) {
        if (awaited->done()) co_return detail::take_result(*awaited);
        co_await detail::cancel_and_wait(awaited);
        try {
            co_return detail::take_result(*awaited);
        } catch (const cancelled_error&) {
            throw timeout_error();
        }
    }
    auto waiter = create_future<void>(loop, "wait_for()");
    auto release = [waiter] {
        if (!waiter->done()) waiter->set_result();
    };
    detail::timer_cancellation timeout_handle{loop.call_later(*timeout, release, "wait_for timeout")};
    const auto token = awaited->add_done_callback([release](future_base&) { release(); });

    std::exception_ptr cancellation;
    try {
        co_await waiter;
    } catch (const cancelled_error&) {
        cancellation = std::current_exception();
    }
    if (awaited->done()) co_return detail::take_result(*awaited);
    awaited->remove_done_callback(token);
    co_await detail::cancel_and_wait(awaited);
    if (cancellation) std::rethrow_exception(cancellation);  // the outer cancel stays a CancelledError
    try {
        co_return detail::take_result(*awaited);
    } catch (const cancelled_error&) {
        throw timeout_error();
    }
}

// A coroutine is wrapped in a task, except without a timeout, where it is awaited inline.
template <class T>
coro<T> wait_for(coro<T> body, std::optional<double> timeout) {
    if (!timeout) co_return co_await std::move(body);
    event_loop& loop = co_await get_running_loop();
    co_return co_await wait_for(future_ptr<T>(create_task(loop, std::move(body))), timeout);
}

}  // namespace loopstep

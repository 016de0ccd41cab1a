// asyncio.as_completed (tasks.py): one awaitable per input, each yielding the next result
// to complete, in completion order; with a timeout, the rest raise TimeoutError.
#pragma once

#include <algorithm>
#include <memory>
#include <optional>
#include <vector>

#include "loopstep/queue.hpp"
#include "loopstep/task.hpp"

namespace loopstep {

namespace detail {
template <class T>
struct completion_order {
    explicit completion_order(event_loop& loop) : done(loop) {}
    std::vector<std::pair<future_ptr<T>, std::uint64_t>> todo;  // input and its callback token
    queue<future_ptr<T>> done;  // a null entry means "timed out"
    callback_handle timeout_handle;

    void on_completion(const future_ptr<T>& finished) {
        auto found = std::find_if(todo.begin(), todo.end(), [&](const auto& entry) { return entry.first == finished; });
        if (found == todo.end()) return;
        todo.erase(found);
        done.put_nowait(finished);
        if (todo.empty()) timeout_handle.cancel();
    }
    void on_timeout() {
        for (auto& [input, token] : todo) input->remove_done_callback(token);
        for (std::size_t i = 0; i < todo.size(); ++i) done.put_nowait(nullptr);
        todo.clear();
    }
    static coro<T> wait_for_one(std::shared_ptr<completion_order> order) {
        future_ptr<T> finished = co_await order->done.get();
        if (!finished) throw timeout_error();
        if constexpr (std::is_void_v<T>) finished->result();
        else co_return finished->result();
    }
};
}  // namespace detail

template <class T>
std::vector<coro<T>> as_completed(event_loop& loop, std::vector<future_ptr<T>> inputs,
                                  std::optional<double> timeout = std::nullopt) {
    auto order = std::make_shared<detail::completion_order<T>>(loop);
    std::weak_ptr<detail::completion_order<T>> weak = order;
    for (auto& input : inputs) {
        const auto token = input->add_done_callback([weak, input](future_base&) {
            if (auto alive = weak.lock()) alive->on_completion(input);
        });
        order->todo.emplace_back(input, token);
    }
    if (!inputs.empty() && timeout) {
        order->timeout_handle = loop.call_later(*timeout, [weak] {
            if (auto alive = weak.lock()) alive->on_timeout();
        }, "as_completed timeout");
    }
    std::vector<coro<T>> results;
    for (std::size_t i = 0; i < inputs.size(); ++i) results.push_back(detail::completion_order<T>::wait_for_one(order));
    return results;
}

template <class T>
std::vector<coro<T>> as_completed(event_loop& loop, std::vector<coro<T>> bodies,
                                  std::optional<double> timeout = std::nullopt) {
    std::vector<future_ptr<T>> tasks;
    for (auto& body : bodies) tasks.push_back(create_task(loop, std::move(body)));
    return as_completed(loop, std::move(tasks), timeout);
}

}  // namespace loopstep

// Test helper: small programs exercising every kind of scheduler event, shared by the
// recording tests and the cross-target trace dump.
#pragma once

#include <string>
#include <vector>

#include "loopstep/loopstep.hpp"

namespace loopstep::testing {

// 12 requests: a blocking 5 s send, then a 55 s wait, all at once under gather; plus a
// queue, a lock, a cancelled task and a timeout, so the trace holds every event kind.
inline coro<void> busy_scenario(event_loop& loop) {
    auto fetch = [&loop](int n) -> coro<int> {
        loop.block_for(5);
        co_await sleep(55);
        co_return n * 10;
    };
    std::vector<coro<int>> requests;
    for (int n = 0; n < 12; ++n) requests.push_back(fetch(n));
    auto all = gather(loop, std::move(requests));

    queue<int> handoff(loop, 1);
    lock mutex(loop);
    auto producer = [&]() -> coro<void> {
        for (int i = 0; i < 3; ++i) co_await handoff.put(i);
    };
    auto consumer = [&]() -> coro<void> {
        for (int i = 0; i < 3; ++i) {
            co_await mutex.acquire();
            co_await sleep(1);
            (void)co_await handoff.get();
            mutex.release();
        }
    };
    auto doomed = [&]() -> coro<void> { co_await sleep(1000); };
    auto p = create_task(loop, producer(), "producer");
    auto c = create_task(loop, consumer(), "consumer");
    auto d = create_task(loop, doomed(), "doomed");
    co_await sleep(0);
    d->cancel("not needed");
    try {
        co_await with_timeout(2.0, [&]() -> coro<void> { co_await sleep(30); }());
    } catch (const timeout_error&) {
    }
    co_await all;
    co_await p;
    co_await c;
}

}  // namespace loopstep::testing

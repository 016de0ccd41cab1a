// Scheduler micro-benchmarks: task switches and create_task+await. Prints one JSON object
// per line; bench/run_benchmarks.py puts them beside CPython's asyncio in a table.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <vector>

#include "loopstep/loopstep.hpp"

using namespace loopstep;

namespace {

double seconds_of(const std::function<void()>& work) {
    const auto start = std::chrono::steady_clock::now();
    work();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Best of three runs, in nanoseconds per operation.
void report(const char* name, long operations, const std::function<void()>& work) {
    double best = 1e30;
    for (int run = 0; run < 3; ++run) best = std::min(best, seconds_of(work));
    std::printf("{\"name\": \"%s\", \"ns_per_op\": %.1f, \"ops\": %ld}\n", name, best * 1e9 / operations, operations);
    std::fflush(stdout);
}

coro<void> yielder(long switches) {
    for (long i = 0; i < switches; ++i) co_await sleep(0);
}

void round_robin(int tasks, long total_switches) {
    event_loop loop;
    std::vector<task_ptr<void>> running;
    for (int t = 0; t < tasks; ++t) running.push_back(create_task(loop, yielder(total_switches / tasks)));
    while (loop.step().kind != step_kind::idle) {
    }
}

coro<int> trivial() { co_return 1; }

coro<long> create_and_await(event_loop& loop, long count) {
    long total = 0;
    for (long i = 0; i < count; ++i) total += co_await create_task(loop, trivial());
    co_return total;
}

}  // namespace

int main(int argc, char** argv) {
    const long operations = argc > 1 ? std::atol(argv[1]) : 1'000'000;
    report("switch_1_task", operations, [&] { round_robin(1, operations); });
    report("switch_100_tasks", operations, [&] { round_robin(100, operations); });
    report("create_task_await", operations, [&] {
        event_loop loop;
        run(loop, create_and_await(loop, operations));
    });
    return 0;
}

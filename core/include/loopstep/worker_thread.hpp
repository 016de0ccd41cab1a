// asyncio.to_thread / loop.run_in_executor(None, ...) on the virtual clock: a blocking
// function runs on a worker thread of the loop's default executor, beside the loop. Threads
// run instantly in virtual time: a thread runs from where it is to its next time.sleep (or
// its end) at once, in one piece; a time.sleep in it lets virtual time pass for the thread
// alone while the loop goes on; its end is handed to the loop as a callback, as
// call_soon_threadsafe does. Deterministic: only one thing runs at a time.
//
// In the trace a thread is a task row: task_created with future 0 (a thread has no future
// of its own; every task has one) and its name as detail ("asyncio_0", as CPython names the
// default executor's threads), task_resumed when it runs, task_suspended (future 0) while
// it sleeps, with a timer_set naming it, and task_completed / task_failed when it ends.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "loopstep/event_loop.hpp"

namespace loopstep {

// What a thread did in one go: went to sleep, or ended.
struct thread_step {
    std::optional<double> sleep;  // seconds of time.sleep; none: the thread's function ended
    int line = 0;                 // the program line it sleeps or ended at, for the trace (0: unknown)
    std::string detail;           // what it sleeps in ("time.sleep(2)"), or its outcome text
    bool failed = false;          // it ended with an exception
};

// The default executor's threads (concurrent.futures.ThreadPoolExecutor): a new thread is
// named prefix_N, N counting the executor's threads; an idle thread takes the next job
// before a new one is started. CPython caps the pool at min(32, CPUs + 4) threads; this
// pool has no cap, so a program's timing never depends on the machine.
class thread_pool {
public:
    explicit thread_pool(std::string prefix = "asyncio") : prefix_(std::move(prefix)) {}
    std::string take_thread();
    void give_back(std::string name) { idle_.push_back(std::move(name)); }
    std::size_t threads_started() const { return started_; }

private:
    std::string prefix_;
    std::vector<std::string> idle_;  // longest idle first
    std::size_t started_ = 0;
};

class worker_thread : public std::enable_shared_from_this<worker_thread> {
public:
    // Runs the thread's function on until it sleeps or ends.
    using body = std::function<thread_step()>;

    // Runs `run` at once up to its first sleep, and again each time a sleep is over. Once it
    // has ended, `deliver` runs as a loop callback (scheduled at that moment) to settle the
    // future the program awaits. The pool must outlive the thread.
    static std::shared_ptr<worker_thread> start(event_loop& loop, thread_pool& pool, body run, std::function<void()> deliver);

    task_id id() const { return id_; }
    const std::string& name() const { return name_; }
    bool finished() const { return finished_; }

    worker_thread(event_loop& loop, thread_pool& pool, body run, std::function<void()> deliver);

private:
    void run_until_sleep();

    event_loop& loop_;
    thread_pool& pool_;
    body run_;
    std::function<void()> deliver_;
    task_id id_;
    std::string name_;
    bool finished_ = false;
};

}  // namespace loopstep

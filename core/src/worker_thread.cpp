#include "loopstep/worker_thread.hpp"


namespace loopstep {

std::string thread_pool::take_thread() {
    if (!idle_.empty()) {
        std::string name = std::move(idle_.front());
        idle_.erase(idle_.begin());
        return name;
    }
    return prefix_ + "_" + std::to_string(started_++);
}

worker_thread::worker_thread(event_loop& loop, thread_pool& pool, body run, std::function<void()> deliver)
    : loop_(loop), pool_(pool), run_(std::move(run)), deliver_(std::move(deliver)), id_(loop.next_task_id()),
      name_(pool.take_thread()) {}

std::shared_ptr<worker_thread> worker_thread::start(event_loop& loop, thread_pool& pool, body run, std::function<void()> deliver) {
    auto thread = std::make_shared<worker_thread>(loop, pool, std::move(run), std::move(deliver));
    if (loop.tracing()) loop.emit(trace_kind::task_created, thread->id_, 0, 0, 0, thread->name_);
    thread->run_until_sleep();
    return thread;
}

void worker_thread::run_until_sleep() {
    if (loop_.tracing()) loop_.emit(trace_kind::task_resumed, id_);
    thread_step step = run_();
    if (step.sleep) {
        if (loop_.tracing()) loop_.emit_at_line(step.line, trace_kind::task_suspended, id_, 0, 0, step.detail);
        auto self = shared_from_this();
        loop_.call_at(loop_.time() + *step.sleep, [self] { self->run_until_sleep(); }, name_ + " wakes", id_);
        return;
    }
    finished_ = true;
    if (loop_.tracing()) {
        loop_.emit_at_line(step.line, step.failed ? trace_kind::task_failed : trace_kind::task_completed, id_, 0, 0, step.detail);
    }
    pool_.give_back(name_);
    loop_.call_soon(std::move(deliver_), name_ + " done");
    run_ = nullptr;
}

}  // namespace loopstep

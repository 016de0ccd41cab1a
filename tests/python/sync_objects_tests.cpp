// The program's Queues, Events, Locks, Semaphores and Conditions in the trace and the recording
// (trace.hpp's sync_view, recording.hpp's snapshot::sync_objects): their state at every step.
// The expected states follow from each program's logic; those of the first program were also
// checked against CPython 3.11 on the oracle's virtual clock (q._queue, q._putters, ready._waiters,
// lock._waiters, each task's _fut_waiter) after each print.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "loopstep/python/run_program.hpp"
#include "loopstep/recording.hpp"
#include "recorded_program.hpp"

using loopstep::snapshot;
using loopstep::sync_view;
using loopstep::task_id;
using loopstep::trace_kind;
using loopstep::testing::record;

namespace {

// A producer and a consumer share a Queue of maxsize 2; two tasks wait for an Event a third
// sets at 0.5 s; three workers take turns with a Lock, each holding it for 2 s.
constexpr const char* shared_objects = R"(import asyncio

async def producer(q):
    for i in range(4):
        await q.put(f"item-{i}")
        print("put", i, q.qsize())
    await q.put(None)

async def consumer(q):
    while True:
        await asyncio.sleep(1)
        item = await q.get()
        q.task_done()
        if item is None:
            break
        print("got", item)

async def waiter(ready, n):
    await ready.wait()
    print("waiter", n, "saw the event")

async def setter(ready):
    await asyncio.sleep(0.5)
    print("setting")
    ready.set()

async def worker(lock, n):
    async with lock:
        print("worker", n, "has the lock")
        await asyncio.sleep(2)

async def main():
    q = asyncio.Queue(maxsize=2)
    ready = asyncio.Event()
    lock = asyncio.Lock()
    tasks = [asyncio.create_task(producer(q), name="producer"),
             asyncio.create_task(consumer(q), name="consumer")]
    tasks += [asyncio.create_task(waiter(ready, n), name=f"waiter-{n}") for n in (1, 2)]
    tasks.append(asyncio.create_task(setter(ready), name="setter"))
    tasks += [asyncio.create_task(worker(lock, n), name=f"worker-{n}") for n in (1, 2, 3)]
    await asyncio.gather(*tasks)

asyncio.run(main())
)";

// The state just after the program printed `text` (the output event whose text starts with it).
snapshot after_print(const loopstep::recording& run, const std::string& text) {
    for (std::size_t i = 0; i < run.events().size(); ++i) {
        const auto& event = run.events()[i];
        if (event.kind == trace_kind::output && event.detail.rfind(text, 0) == 0) return run.at(i + 1);
    }
    FAIL("nothing printed " << text);
    return run.latest();
}

const sync_view& object_named(const snapshot& state, const std::string& name) {
    for (const auto& object : state.sync_objects) {
        if (object.name == name) return object;
    }
    FAIL("no sync object named " << name);
    return state.sync_objects.front();
}

std::vector<std::string> names(const snapshot& state, const std::vector<task_id>& tasks) {
    std::vector<std::string> out;
    for (task_id id : tasks) {
        const auto* task = state.find_task(id);
        out.push_back(task ? task->name : "?");
    }
    return out;
}

using strings = std::vector<std::string>;

}  // namespace

TEST_CASE("a Queue shows its items, its maxsize and the tasks waiting to put, step by step", "[sync]") {
    const auto run = record(shared_objects);
    REQUIRE(run->result.exit_code == 0);
    const snapshot two = after_print(run->run, "put 1 2");
    const sync_view& full = object_named(two, "q");
    CHECK(full.kind == "Queue");
    CHECK(full.line == 33);
    CHECK(full.value == 2);  // maxsize
    CHECK(full.items == strings{"'item-0'", "'item-1'"});
    CHECK(full.size == 2);
    CHECK(full.flag);  // full
    CHECK(full.unfinished == 2);
    CHECK(full.waiting == 0);
    CHECK(full.blocked_count == 0);  // the producer has not tried its third put yet

    // The producer's third put waits: the queue is full until the consumer takes one at 1 s.
    const snapshot blocked = after_print(run->run, "worker 1 has the lock");
    CHECK(names(blocked, object_named(blocked, "q").blocked) == strings{"producer"});
    CHECK(object_named(blocked, "q").blocked_count == 1);

    const snapshot got = after_print(run->run, "got item-0");
    const sync_view& one = object_named(got, "q");
    CHECK(one.items == strings{"'item-1'"});
    CHECK_FALSE(one.flag);
    CHECK(one.blocked_count == 0);  // the producer was woken: it is ready, no longer waiting
    CHECK(one.unfinished == 1);     // task_done() ran before the print

    const snapshot last = after_print(run->run, "got item-3");
    CHECK(object_named(last, "q").items == strings{"None"});
}

TEST_CASE("an Event shows whether it is set and the tasks waiting for it", "[sync]") {
    const auto run = record(shared_objects);
    REQUIRE(run->result.exit_code == 0);
    const snapshot before = after_print(run->run, "setting");
    const sync_view& unset = object_named(before, "ready");
    CHECK(unset.kind == "Event");
    CHECK(unset.line == 34);
    CHECK_FALSE(unset.flag);
    CHECK(names(before, unset.waiters) == strings{"waiter-1", "waiter-2"});
    CHECK(unset.waiting == 2);

    const snapshot after = after_print(run->run, "waiter 1 saw the event");
    const sync_view& set = object_named(after, "ready");
    CHECK(set.flag);
    CHECK(set.waiters.empty());  // set() woke both: they are ready, not waiting
    CHECK(set.waiting == 0);
}

TEST_CASE("a Lock shows the task holding it and the tasks waiting in line", "[sync]") {
    const auto run = record(shared_objects);
    REQUIRE(run->result.exit_code == 0);
    const snapshot first = after_print(run->run, "worker 1 has the lock");
    const sync_view& taken = object_named(first, "lock");
    CHECK(taken.kind == "Lock");
    CHECK(taken.line == 35);
    CHECK(taken.flag);
    CHECK(names(first, {taken.owner}) == strings{"worker-1"});
    CHECK(taken.waiters.empty());  // workers 2 and 3 have not run yet

    const snapshot contended = after_print(run->run, "setting");
    CHECK(names(contended, object_named(contended, "lock").waiters) == strings{"worker-2", "worker-3"});

    // At 2 s worker-1 lets go: the lock is free, worker-2 woken (ready) until it runs and takes it.
    const snapshot handed = after_print(run->run, "got item-1");
    const sync_view& free = object_named(handed, "lock");
    CHECK_FALSE(free.flag);
    CHECK(free.owner == 0);
    CHECK(names(handed, free.waiters) == strings{"worker-3"});

    const snapshot second = after_print(run->run, "worker 2 has the lock");
    CHECK(names(second, {object_named(second, "lock").owner}) == strings{"worker-2"});
    CHECK(names(second, object_named(second, "lock").waiters) == strings{"worker-3"});

    const snapshot third = after_print(run->run, "worker 3 has the lock");
    CHECK(names(third, {object_named(third, "lock").owner}) == strings{"worker-3"});
    CHECK(object_named(third, "lock").waiting == 0);
}

TEST_CASE("the state is there from the event after the object is made, at any cursor", "[sync]") {
    const auto run = record(shared_objects);
    REQUIRE(run->result.exit_code == 0);
    CHECK(run->run.at(0).sync_objects.empty());
    std::size_t first = 0;
    while (first < run->run.events().size() && run->run.events()[first].sync.empty()) ++first;
    REQUIRE(first < run->run.events().size());
    const snapshot made = run->run.at(first + 1);
    REQUIRE(made.sync_objects.size() == 3);
    CHECK(made.sync_objects[0].name == "q");
    CHECK(made.sync_objects[1].name == "ready");
    CHECK(made.sync_objects[2].name == "lock");
    CHECK(made.sync_objects[0].items.empty());
    // Folding from a keyframe gives what folding from the start gives, at every cursor.
    for (std::size_t cursor = 0; cursor <= run->run.events().size(); cursor += 7) {
        snapshot folded;
        for (std::size_t i = 0; i < cursor; ++i) loopstep::apply(folded, run->run.events()[i]);
        CHECK(run->run.at(cursor).sync_objects == folded.sync_objects);
    }
}

TEST_CASE("objects are named after the variable or attribute storing them as made, else numbered", "[sync]") {
    const auto run = record(R"(import asyncio

class Pool:
    def __init__(self):
        self.slots = asyncio.Semaphore(2)

def make_queue():
    return asyncio.LifoQueue()

async def main():
    pool = Pool()
    queues = [asyncio.Queue() for _ in range(2)]
    mine = make_queue()  # made inside make_queue, which returns it: no name there
    cond = asyncio.Condition()
    await asyncio.sleep(0)
    print(len(queues), pool.slots.locked(), mine.empty(), cond.locked())

asyncio.run(main())
)");
    REQUIRE(run->result.output == "2 False True False\n");
    const snapshot end = run->run.at(run->run.events().size() - 1);
    std::vector<std::string> seen;
    for (const auto& object : end.sync_objects) seen.push_back(object.name + " " + object.kind + " @" + std::to_string(object.line));
    CHECK(seen == strings{"self.slots Semaphore @5", "Queue #1 Queue @12", "Queue #2 Queue @12", "LifoQueue #1 LifoQueue @8",
                          "cond Condition @14"});
    CHECK(object_named(end, "self.slots").value == 2);
}

TEST_CASE("a Semaphore shows its value and waiters; a Condition its holder and both lines", "[sync]") {
    const auto run = record(R"(import asyncio

async def holder(sem, n):
    async with sem:
        print("holding", n)
        await asyncio.sleep(1)

async def waiter(cond):
    async with cond:
        await cond.wait()
        print("notified")

async def notifier(cond):
    await asyncio.sleep(0.5)
    async with cond:
        print("notifying")
        cond.notify_all()
        await asyncio.sleep(0.1)
        print("releasing")

async def main():
    sem = asyncio.Semaphore(1)
    cond = asyncio.Condition()
    await asyncio.gather(holder(sem, 1), holder(sem, 2), waiter(cond), waiter(cond), notifier(cond))

asyncio.run(main())
)");
    REQUIRE(run->result.exit_code == 0);
    const snapshot one = after_print(run->run, "notifying");
    const sync_view& sem = object_named(one, "sem");
    CHECK(sem.kind == "Semaphore");
    CHECK(sem.value == 0);
    CHECK(sem.flag);  // no slot free
    CHECK(names(one, sem.waiters) == strings{"Task-3"});  // holder 2 waits for holder 1's slot
    const sync_view& held = object_named(one, "cond");
    CHECK(held.flag);
    CHECK(names(one, {held.owner}) == strings{"Task-6"});
    CHECK(names(one, held.waiters) == strings{"Task-4", "Task-5"});

    // notify_all() woke both waiters; they now wait to take the lock back from the notifier.
    const snapshot notified = after_print(run->run, "releasing");
    const sync_view& relock = object_named(notified, "cond");
    CHECK(relock.waiting == 0);
    CHECK(names(notified, relock.blocked) == strings{"Task-4", "Task-5"});
}

TEST_CASE("an object the program lets go of leaves the view; a program without any records none", "[sync]") {
    const auto run = record(R"(import asyncio

async def main():
    lock = asyncio.Lock()
    await asyncio.sleep(1)
    lock = None
    await asyncio.sleep(1)

asyncio.run(main())
)");
    REQUIRE(run->result.exit_code == 0);
    CHECK(run->run.latest().sync_objects.empty());
    bool seen = false;
    for (const auto& event : run->run.events()) seen = seen || !event.sync.empty();
    CHECK(seen);

    const auto plain = record("import asyncio\n\nasync def main():\n    await asyncio.sleep(1)\n\nasyncio.run(main())\n");
    for (const auto& event : plain->run.events()) CHECK(event.sync.empty());
}

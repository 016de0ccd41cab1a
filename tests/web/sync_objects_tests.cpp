// The loop panel's queues, events and locks (web/model/sync_objects.hpp) and state()'s
// syncObjects: the words for each object at a step, and the same as data. Expected values follow
// from the program: a producer fills a Queue of maxsize 2 before a slow consumer takes from it,
// two tasks wait for an Event, three workers take turns with a Lock.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "lesson_app.hpp"
#include "model/app_state.hpp"
#include "model/state_json.hpp"
#include "model/sync_objects.hpp"

using namespace loopstep;
using namespace loopstep::web;

namespace {

const char* const program = R"(import asyncio

async def producer(q):
    for i in range(3):
        await q.put({"job": i, "payload": "x" * 60})
        print("put", i)

async def consumer(q):
    await asyncio.sleep(1)
    while True:
        item = await q.get()
        print("got", item["job"])
        q.task_done()

async def waiter(ready):
    await ready.wait()

async def worker(lock):
    async with lock:
        await asyncio.sleep(1)

async def main():
    q = asyncio.Queue(maxsize=2)
    ready = asyncio.Event()
    lock = asyncio.Lock()
    asyncio.create_task(consumer(q), name="consumer")
    tasks = [asyncio.create_task(producer(q), name="producer")]
    tasks += [asyncio.create_task(waiter(ready), name=f"waiter-{n}") for n in (1, 2)]
    tasks += [asyncio.create_task(worker(lock), name=f"worker-{n}") for n in (1, 2, 3)]
    await asyncio.sleep(0.5)
    print("checkpoint")
    ready.set()
    await asyncio.gather(*tasks)

asyncio.run(main())
)";

// The cursor just after the program printed `text`.
std::size_t after_print(const app_state& app, const std::string& text) {
    const auto& events = app.run.events();
    for (std::size_t i = 0; i < events.size(); ++i) {
        if (events[i].kind == trace_kind::output && events[i].detail.rfind(text, 0) == 0) return i + 1;
    }
    FAIL("nothing printed " << text);
    return 0;
}

const shown_sync_object& shown_named(const std::vector<shown_sync_object>& shown, const std::string& name) {
    for (const shown_sync_object& object : shown) {
        if (object.heading.rfind(name + ":", 0) == 0) return object;
    }
    FAIL("no object " << name);
    return shown.front();
}

}  // namespace

TEST_CASE("the loop panel says what each queue, event and lock holds and who waits in it", "[sync]") {
    app_state app = program_app(program);
    seek(app, after_print(app, "checkpoint"));
    const std::vector<shown_sync_object> shown = sync_objects_shown(app.view, 30);
    REQUIRE(shown.size() == 3);

    const shown_sync_object& q = shown_named(shown, "q");
    CHECK(q.heading == "q: Queue(maxsize=2), line 23");
    // Two dicts, each cut to 30 characters; the producer's third put waits.
    CHECK(q.state == "2 items, full: {'job': 0, 'payload': 'xxxx..., {'job': 1, 'payload': 'xxxx...");
    CHECK(q.waits == std::vector<std::string>{"waiting in put(): producer"});

    const shown_sync_object& ready = shown_named(shown, "ready");
    CHECK(ready.heading == "ready: Event(), line 24");
    CHECK(ready.state == "not set");
    CHECK(ready.waits == std::vector<std::string>{"waiting in wait(): waiter-1, waiter-2"});

    const shown_sync_object& lock = shown_named(shown, "lock");
    CHECK(lock.heading == "lock: Lock(), line 25");
    CHECK(lock.state == "locked by worker-1");
    CHECK(lock.waits == std::vector<std::string>{"waiting in acquire(): worker-2, worker-3"});
}

TEST_CASE("the panel follows the cursor: the event set, a job taken and not yet marked done", "[sync]") {
    app_state app = program_app(program);
    seek(app, after_print(app, "got 0"));  // at 1 s: the consumer took the first job
    std::vector<shown_sync_object> shown = sync_objects_shown(app.view, 12);
    CHECK(shown_named(shown, "ready").state == "set");
    CHECK(shown_named(shown, "ready").waits.empty());
    CHECK(shown_named(shown, "q").state == "1 item: {'job': 1...; 1 item got, not task_done() yet");
    CHECK(shown_named(shown, "q").waits.empty());  // the producer was woken: ready to put its last job
    CHECK(shown_named(shown, "lock").state == "locked by worker-1");  // its sleep ends at 1 s too, after the consumer's
    seek(app, after_print(app, "got 2"));
    shown = sync_objects_shown(app.view, 12);
    CHECK(shown_named(shown, "q").state == "empty; 1 item got, not task_done() yet");  // task_done() comes after the print
}

TEST_CASE("state() lists the sync objects with their state as data", "[sync]") {
    app_state app = program_app(program);
    seek(app, after_print(app, "checkpoint"));
    const std::string json = state_json(app);
    CHECK(json.find("\"syncObjects\":[{\"name\":\"q\",\"kind\":\"Queue\",\"line\":23,") != std::string::npos);
    CHECK(json.find("\"maxsize\":2,\"size\":2,\"items\":[\"{'job': 0, 'payload': '") != std::string::npos);
    CHECK(json.find("\"putters\":[\"producer\"],\"putterCount\":1") != std::string::npos);
    CHECK(json.find("\"name\":\"ready\",\"kind\":\"Event\",\"line\":24,") != std::string::npos);
    CHECK(json.find("\"isSet\":false,\"waiters\":[\"waiter-1\",\"waiter-2\"],\"waiterCount\":2") != std::string::npos);
    CHECK(json.find("\"locked\":true,\"owner\":\"worker-1\",\"waiters\":[\"worker-2\",\"worker-3\"],\"waiterCount\":2") !=
          std::string::npos);
    seek(app, 0);
    CHECK(state_json(app).find("\"syncObjects\":[]") != std::string::npos);
}

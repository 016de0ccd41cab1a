# PriorityQueue: workers always take the most urgent job (smallest tuple first), whatever the order it was put in
# relies on: equal-deadline timers fire FIFO
import asyncio


async def worker(name, queue, log):
    while True:
        priority, job = await queue.get()
        log.append(f"{name}:{job}")
        print(f"{asyncio.get_running_loop().time()} {name} does {job} (priority {priority})")
        await asyncio.sleep(priority)
        queue.task_done()


async def main():
    queue = asyncio.PriorityQueue()
    for item in [(3, "backup"), (1, "page on-call"), (2, "send invoices"), (1, "fix outage"), (5, "tidy"), (2, "reply")]:
        queue.put_nowait(item)
    print("queued:", queue.qsize(), type(queue).__name__)
    log = []
    workers = [asyncio.create_task(worker(f"w{i}", queue, log)) for i in range(2)]
    await queue.join()
    print("all done at", asyncio.get_running_loop().time(), log)
    for w in workers:
        w.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
    q = asyncio.PriorityQueue()
    q.put_nowait(1)
    try:
        q.put_nowait("two")
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())

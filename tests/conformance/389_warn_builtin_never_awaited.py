# forgetting await on asyncio's own coroutines: CPython warns for each, naming it as it is qualified
import asyncio


async def main():
    q = asyncio.Queue()
    q.put("job")
    print("queue size after q.put without await:", q.qsize())
    asyncio.sleep(1)
    lock = asyncio.Lock()
    lock.acquire()
    print("locked:", lock.locked())
    event = asyncio.Event()
    waiting = event.wait()
    waiting = None
    task = asyncio.create_task(asyncio.sleep(5))
    task.cancel()
    await asyncio.gather(asyncio.sleep(0), return_exceptions=True)
    print("task cancelled:", task.cancelled())
    for _ in range(2):
        q.put("again")
    print("done")


asyncio.run(main())

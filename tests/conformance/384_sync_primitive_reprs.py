# The reprs of Lock, Event, Condition, Semaphore, BoundedSemaphore, Barrier and the queues (address cut out), and Queue's str
import asyncio

def show(x):
    text = repr(x)
    if " at 0x" in text:
        head, tail = text.split(" at 0x")
        text = head + tail[tail.index(" "):] if " " in tail else head + ">"
    print(text)

async def main():
    lock = asyncio.Lock(); show(lock); await lock.acquire(); show(lock)
    event = asyncio.Event(); show(event); event.set(); show(event)
    show(asyncio.Condition())
    sem = asyncio.Semaphore(2); show(sem); await sem.acquire(); await sem.acquire(); show(sem)
    show(asyncio.BoundedSemaphore(1))
    show(asyncio.Barrier(2))
    q = asyncio.Queue(); show(q); print(str(q)); q.put_nowait(1); q.put_nowait([2]); show(q); print(q)
    small = asyncio.Queue(maxsize=1); show(small)
    show(asyncio.PriorityQueue())
    stack = asyncio.LifoQueue(); stack.put_nowait("a"); stack.put_nowait("b"); show(stack)
    getter = asyncio.create_task(small.get())
    await asyncio.sleep(0)
    show(small)
    small.put_nowait("x"); small.task_done()
    await asyncio.sleep(0)
    small.put_nowait("y")
    putter = asyncio.create_task(small.put("z"))
    await asyncio.sleep(0)
    show(small)
    event.clear()
    waiters = [asyncio.create_task(event.wait()) for _ in range(2)]
    await asyncio.sleep(0)
    show(event)
    for t in waiters + [putter, getter]:
        t.cancel()
    await asyncio.sleep(0)

asyncio.run(main())

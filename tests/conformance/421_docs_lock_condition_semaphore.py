# https://docs.python.org/3/library/asyncio-sync.html
# adapted: the docs' usage fragments for Lock, Condition and Semaphore, run by tasks that sleep
import asyncio

async def locked_work(lock, name):
    async with lock:
        # access shared state
        print(name, "has the lock")
        await asyncio.sleep(1)

async def cond_waiter(cond, name):
    async with cond:
        await cond.wait()
        print(name, "was notified")

async def limited(sem, name):
    async with sem:
        # work with shared resource
        print(name, "in the semaphore at", asyncio.get_running_loop().time())
        await asyncio.sleep(1)

async def main():
    lock = asyncio.Lock()
    await asyncio.gather(locked_work(lock, "a"), locked_work(lock, "b"))

    cond = asyncio.Condition()
    waiters = [asyncio.create_task(cond_waiter(cond, n)) for n in ("x", "y", "z")]
    await asyncio.sleep(0)
    async with cond:
        cond.notify(2)
    await asyncio.sleep(0)
    async with cond:
        cond.notify_all()
    await asyncio.gather(*waiters)

    sem = asyncio.Semaphore(2)
    await asyncio.gather(*(limited(sem, n) for n in "pqrst"))

asyncio.run(main())

# Condition(lock) shares an existing Lock: holding the lock is holding the condition; notify(n) wakes n waiters
import asyncio


async def waiter(cond, name, log):
    async with cond:
        await cond.wait()
        log.append(name)
        print(f"{name} woke at {asyncio.get_running_loop().time()}, lock held: {cond.locked()}")


async def main():
    lock = asyncio.Lock()
    cond = asyncio.Condition(lock)
    log = []
    tasks = [asyncio.create_task(waiter(cond, f"t{i}", log)) for i in range(5)]
    await asyncio.sleep(1)
    async with lock:
        print("via the lock, cond.locked():", cond.locked())
        cond.notify(2)
    await asyncio.sleep(1)
    async with cond:
        cond.notify(10)
    await asyncio.gather(*tasks)
    print(log, lock.locked())
    try:
        await cond.wait()
    except RuntimeError as e:
        print("RuntimeError:", e)


asyncio.run(main())

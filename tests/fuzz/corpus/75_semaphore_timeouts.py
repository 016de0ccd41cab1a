# waiting for a semaphore can time out; the timed-out waiter leaves the queue without a slot
import asyncio

async def holder(sem, seconds):
    async with sem:
        await asyncio.sleep(seconds)

async def impatient(sem, name, patience, log):
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(patience):
            async with sem:
                log.append(f"t={loop.time()} {name} got a slot")
                await asyncio.sleep(1)
    except TimeoutError:
        log.append(f"t={loop.time()} {name} gave up")

async def main():
    sem = asyncio.Semaphore(1)
    log = []
    await asyncio.gather(holder(sem, 3), impatient(sem, "quick", 1.5, log),
                         impatient(sem, "patient", 10, log), impatient(sem, "late", 4.5, log))
    print("\n".join(log))
    print("free at the end?", not sem.locked(), "t =", asyncio.get_running_loop().time())

asyncio.run(main())

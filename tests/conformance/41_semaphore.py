# Semaphore(2): at most two holders; locked() means the next acquire would wait
import asyncio

async def download(sem, name, seconds, log):
    loop = asyncio.get_running_loop()
    async with sem:
        log.append(f"t={loop.time():.0f} {name} starts")
        await asyncio.sleep(seconds)
        log.append(f"t={loop.time():.0f} {name} ends")
    return seconds

async def main():
    sem = asyncio.Semaphore(2)
    log = []
    print("locked?", sem.locked())
    jobs = [("a", 4), ("b", 1), ("c", 2), ("d", 1.5), ("e", 3)]
    tasks = [asyncio.create_task(download(sem, n, s, log)) for n, s in jobs]
    await asyncio.sleep(0)
    print("locked with two holders?", sem.locked())
    total = sum(await asyncio.gather(*tasks))
    print("\n".join(log))
    print("work:", total, "s, wall:", asyncio.get_running_loop().time(), "s")
    await sem.acquire()
    print("acquired by hand, locked?", sem.locked())
    sem.release()
    sem.release()
    print("released twice, locked?", sem.locked())

asyncio.run(main())

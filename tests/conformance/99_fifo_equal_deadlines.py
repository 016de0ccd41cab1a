# five timers due at the same instant fire in the order they were scheduled
# relies on: equal-deadline timers fire FIFO
import asyncio

async def runner(name, log):
    await asyncio.sleep(1)
    log.append(name)

async def chained(name, first, log):
    await asyncio.sleep(first)
    await asyncio.sleep(2 - first)
    log.append(name)

async def main():
    log = []
    await asyncio.gather(*[runner(f"r{i}", log) for i in range(5)])
    print("same delay, same start:", log)
    log = []
    await asyncio.gather(chained("a", 1.5, log), chained("b", 0.5, log), chained("c", 1, log),
                         chained("d", 0.25, log), chained("e", 1.75, log))
    print("same deadline, scheduled in order d b c a e:", log)
    print("clock:", asyncio.get_running_loop().time())

asyncio.run(main())

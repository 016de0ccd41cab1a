# Lock: waiters acquire in the order they asked, and a newcomer queues behind them
import asyncio

async def use_printer(lock, name, seconds, log):
    loop = asyncio.get_running_loop()
    log.append(f"t={loop.time():.1f} {name} wants the printer")
    async with lock:
        log.append(f"t={loop.time():.1f} {name} prints")
        await asyncio.sleep(seconds)
    log.append(f"t={loop.time():.1f} {name} done")

async def main():
    lock = asyncio.Lock()
    log = []
    print("locked at start?", lock.locked())
    first = asyncio.create_task(use_printer(lock, "ann", 3, log))
    others = [asyncio.create_task(use_printer(lock, n, 1, log)) for n in ["bob", "cid", "dee"]]
    await asyncio.sleep(1)
    print("locked while ann prints?", lock.locked())
    await asyncio.sleep(1.5)
    late = asyncio.create_task(use_printer(lock, "eve", 1, log))
    await asyncio.gather(first, late, *others)
    print("\n".join(log))
    print("locked at end?", lock.locked())

asyncio.run(main())

# awaiting a coroutine runs it inline now; create_task runs it concurrently later
import asyncio

async def step(name, log, seconds=1):
    log.append(f"{name} begins")
    await asyncio.sleep(seconds)
    log.append(f"{name} ends")
    return name

async def main():
    log = []
    coro = step("inline", log)
    log.append("coroutine object made, nothing ran")
    log.append("got " + await coro)
    t1 = asyncio.create_task(step("task-1", log))
    t2 = asyncio.create_task(step("task-2", log, 1.5))
    log.append("two tasks made, nothing ran")
    log.append("got " + await t1)
    log.append("t2 done already? " + str(t2.done()))
    log.append("got " + await t2)
    print("\n".join(log))
    print("total time:", asyncio.get_running_loop().time())
    print(type(coro).__name__, type(t1).__name__, type(step).__name__)

asyncio.run(main())

# timeout vs work due at the same instant: the earlier timer fires first, and all due timers fire before woken tasks resume
# relies on: equal-deadline timers fire FIFO
import asyncio

async def job(seconds):
    await asyncio.sleep(seconds)
    return "job finished"

async def main():
    loop = asyncio.get_running_loop()
    try:
        print(await asyncio.wait_for(job(3), timeout=3))
    except TimeoutError:
        print("wait_for(job(3), 3): TimeoutError at", loop.time())
    t = asyncio.create_task(job(3))
    await asyncio.sleep(0)
    try:
        print(await asyncio.wait_for(asyncio.shield(t), timeout=3), "at", loop.time())
    except TimeoutError:
        print("shielded task timed out at", loop.time())
    try:
        async with asyncio.timeout(2):
            await asyncio.sleep(2)
        print("sleep(2) inside timeout(2) finished")
    except TimeoutError:
        print("timeout(2) around sleep(2): TimeoutError at", loop.time())

asyncio.run(main())

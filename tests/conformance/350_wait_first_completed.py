# asyncio.wait(FIRST_COMPLETED): returns (done, pending) once one task finishes; the rest keep running until cancelled
import asyncio


async def fetch(name, delay):
    await asyncio.sleep(delay)
    return f"{name} after {delay}s"


async def main():
    loop = asyncio.get_running_loop()
    tasks = [asyncio.create_task(fetch(n, d), name=n) for n, d in [("slow", 3), ("fast", 1), ("mid", 2)]]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print("at", loop.time(), "done:", [t.get_name() for t in done])
    print("pending:", sorted(t.get_name() for t in pending))
    for t in done:
        print("result:", t.result())
    for t in pending:
        t.cancel()
    done, pending = await asyncio.wait(pending)
    print("after cancel:", sorted((t.get_name(), t.cancelled()) for t in done), len(pending))
    print(type(done).__name__, asyncio.FIRST_COMPLETED, asyncio.ALL_COMPLETED)


asyncio.run(main())

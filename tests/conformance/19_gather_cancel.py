# cancelling a task blocked in gather() cancels every child that is still running
import asyncio

async def step(name, seconds):
    try:
        await asyncio.sleep(seconds)
        print(f"{name} finished")
        return name
    except asyncio.CancelledError:
        print(f"{name} cancelled")
        raise

async def runner():
    try:
        return await asyncio.gather(step("one", 1), step("two", 3), step("three", 5))
    except asyncio.CancelledError:
        print("runner: gather was cancelled")
        raise

async def main():
    t = asyncio.create_task(runner())
    await asyncio.sleep(2)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("main: runner cancelled at", asyncio.get_running_loop().time())
    print("empty gather:", await asyncio.gather())

asyncio.run(main())

# asyncio.to_thread: a blocking time.sleep in a worker thread takes virtual time without blocking the loop
import asyncio
import time


def blocking_io(seconds):
    print(f"blocking_io starts at {time.monotonic()}")
    time.sleep(seconds)
    print(f"blocking_io ends at {time.monotonic()}")
    return f"slept {seconds}s"


async def ticker():
    for i in range(5):
        print(f"tick {i} at {asyncio.get_running_loop().time()}")
        await asyncio.sleep(1)


async def main():
    tick = asyncio.create_task(ticker())
    result = await asyncio.to_thread(blocking_io, 2.5)
    print("to_thread returned", repr(result), "at", time.monotonic())
    await tick
    print("the same call without a thread blocks everything:")
    tick = asyncio.create_task(ticker())
    await asyncio.sleep(0)
    blocking_io(2)
    await tick


asyncio.run(main())

# An async generator producing ticks with asyncio.sleep, consumed by async for
import asyncio
import time


async def ticker(interval, count):
    for n in range(count):
        yield n
        await asyncio.sleep(interval)


async def main():
    start = time.monotonic()
    async for tick in ticker(0.5, 4):
        print(f"tick {tick} at {time.monotonic() - start:.1f}s")
    print("ticker finished")


asyncio.run(main())

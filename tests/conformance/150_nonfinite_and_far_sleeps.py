# NaN and infinite sleeps as CPython handles them, and a sleep far beyond the clock's precision.
import asyncio, time

async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    await asyncio.sleep(float('nan'))
    print("nan sleep took", loop.time() - start)
    for length in (float('nan'), float('inf'), -float('inf'), 1e10, -1):
        try:
            time.sleep(length)
        except (ValueError, OverflowError) as e:
            print(length, type(e).__name__, e)
    try:
        await asyncio.wait_for(asyncio.sleep(float('inf')), 5)
    except TimeoutError:
        print("timed out at", loop.time() - start)
    try:
        await asyncio.wait_for(asyncio.sleep(1), float('nan'))
    except TimeoutError:
        print("nan timeout at", loop.time() - start)
    await asyncio.sleep(-float('inf'))
    await asyncio.sleep(1e12)
    print("a far sleep ends at", loop.time() - start)

asyncio.run(main())

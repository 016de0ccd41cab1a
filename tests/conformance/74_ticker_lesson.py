# a ticker and a slow job share the loop; ticks keep their schedule while the job awaits
import asyncio
import time

async def ticker(stop):
    n = 0
    while not stop.is_set():
        print(f"tick {n} at {time.monotonic():.1f}")
        n += 1
        await asyncio.sleep(1)
    return n

async def slow_job(stop):
    print("job: downloading")
    await asyncio.sleep(3.5)
    print(f"job: done at {time.monotonic():.1f}")
    stop.set()

async def main():
    stop = asyncio.Event()
    ticks, _ = await asyncio.gather(ticker(stop), slow_job(stop))
    print("ticks:", ticks, "| finished at", time.monotonic())

asyncio.run(main())

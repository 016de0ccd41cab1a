# time.sleep() blocks the whole loop; overdue timers then fire in deadline order
import asyncio
import time

async def heartbeat(name, period, beats):
    for _ in range(beats):
        await asyncio.sleep(period)
        print(f"{name} beat at {time.monotonic():.2f}")

async def hog():
    await asyncio.sleep(0.5)
    print(f"hog blocks at {time.monotonic():.2f}")
    time.sleep(2)
    print(f"hog unblocks at {time.monotonic():.2f}")

async def main():
    await asyncio.gather(heartbeat("slow", 1.0, 3), heartbeat("fast", 0.7, 3), hog())
    print(f"all done at {time.monotonic():.2f}")

asyncio.run(main())

# Task-heavy: 10,000 tasks each awaiting asyncio.sleep 10 times (100,000 task switches).
import asyncio


async def worker(n):
    total = 0
    for step in range(10):
        await asyncio.sleep(0.01 * (n % 7 + 1))
        total += step
    return total


async def main():
    results = await asyncio.gather(*(worker(n) for n in range(10_000)))
    print(len(results), sum(results), asyncio.get_running_loop().time())


asyncio.run(main())

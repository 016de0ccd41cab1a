# Simulated network delays, as in asyncio tutorials (e.g. realpython.com "Async IO in Python"):
# await asyncio.sleep(random.uniform(...)) with a seed so the run repeats.
import asyncio
import random

random.seed(444)


async def fetch(name):
    delay = random.uniform(0.5, 2)
    print(f"{name}: waiting {delay:.3f}s")
    await asyncio.sleep(delay)
    print(f"{name}: done at {asyncio.get_running_loop().time():.3f}")
    return name, round(delay, 3)


async def main():
    results = await asyncio.gather(*(fetch(f"site-{i}") for i in range(5)))
    print(results)


asyncio.run(main())

# gather() returns results in argument order, not in the order the children finish
import asyncio

async def fetch(name, seconds):
    await asyncio.sleep(seconds)
    print(f"  {name} arrived at t={asyncio.get_running_loop().time()}")
    return f"{name}:{seconds}"

async def twice(x):
    await asyncio.sleep(0)
    return x * 2

async def main():
    results = await asyncio.gather(fetch("slow", 3), fetch("fast", 1), fetch("mid", 2))
    print(results)
    t = asyncio.create_task(fetch("task", 0.5))
    mixed = await asyncio.gather(twice(21), t, twice("ab"))
    print(mixed)
    nested = await asyncio.gather(asyncio.gather(twice(1), twice(2)), twice(3))
    print(nested, type(nested).__name__)

asyncio.run(main())

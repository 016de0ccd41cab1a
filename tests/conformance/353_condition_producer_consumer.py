# asyncio.Condition: consumers wait (lock released) until the producer notifies; each notify() wakes one
import asyncio

items = []


async def consumer(cond, name):
    async with cond:
        while not items:
            print(f"{name} waits")
            await cond.wait()
        item = items.pop(0)
        print(f"{name} took {item} at {asyncio.get_running_loop().time()}")


async def producer(cond):
    for i in range(3):
        await asyncio.sleep(1)
        async with cond:
            items.append(f"item{i}")
            print("produced", items[-1], "locked:", cond.locked())
            cond.notify()


async def main():
    cond = asyncio.Condition()
    consumers = [asyncio.create_task(consumer(cond, n)) for n in ("c1", "c2", "c3")]
    await producer(cond)
    await asyncio.gather(*consumers)
    print("locked at the end:", cond.locked())


asyncio.run(main())

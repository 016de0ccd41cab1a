# An async generator drains a queue filled by producer tasks in a TaskGroup
import asyncio


async def drain(queue, expected):
    for _ in range(expected):
        item = await queue.get()
        yield item


async def produce(queue, name, count, delay):
    for i in range(count):
        await asyncio.sleep(delay)
        await queue.put(f"{name}-{i}")


async def main():
    queue = asyncio.Queue()
    results = []
    async with asyncio.TaskGroup() as tg:
        tg.create_task(produce(queue, "A", 3, 0.3))
        tg.create_task(produce(queue, "B", 2, 0.5))
        async for item in drain(queue, 5):
            now = asyncio.get_running_loop().time()
            print(f"{now:.1f} got {item}")
            results.append(item)
    print(len(results), "items")


asyncio.run(main())

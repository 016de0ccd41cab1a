# ERROR: uncaught IndexError from a task result, raised where the task is awaited
import asyncio

async def pick(items, i):
    await asyncio.sleep(0.5)
    return items[i]

async def main():
    items = ["a", "b", "c"]
    for i in [0, 2, 3]:
        task = asyncio.create_task(pick(items, i))
        print("picked", await task)
    print("never reached")

asyncio.run(main())

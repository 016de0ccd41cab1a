# created tasks start only when main yields, and they start in creation order
import asyncio

async def worker(name):
    print(f"{name} started")
    await asyncio.sleep(0)
    print(f"{name} resumed")

async def main():
    tasks = []
    for name in ["alpha", "beta", "gamma"]:
        tasks.append(asyncio.create_task(worker(name)))
        print(f"created {name}")
    print("main yields now")
    await asyncio.sleep(0)
    print("main back after one sleep(0)")
    print([t.done() for t in tasks])
    await asyncio.sleep(0)
    print("main back after two sleep(0)")
    print([t.done() for t in tasks])
    await asyncio.sleep(0)
    print([t.done() for t in tasks])

asyncio.run(main())

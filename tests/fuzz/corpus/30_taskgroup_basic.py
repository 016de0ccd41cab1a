# TaskGroup waits for all its tasks, including ones created later by its own children
import asyncio

async def job(name, seconds):
    await asyncio.sleep(seconds)
    print(f"{name} done at t={asyncio.get_running_loop().time():.0f}")
    return name.upper()

async def spawner(tg):
    await asyncio.sleep(1)
    tg.create_task(job("late child", 4))
    return "spawned"

async def main():
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(job("one", 1))
        t2 = tg.create_task(job("two", 2), name="second")
        t3 = tg.create_task(spawner(tg))
        print("inside the block, nothing has run yet:", t1.done(), t2.get_name())
    print("block exited at", asyncio.get_running_loop().time())
    print("results:", t1.result(), t2.result(), t3.result())
    async with asyncio.TaskGroup() as tg:
        pass
    print("an empty group exits at once")

asyncio.run(main())

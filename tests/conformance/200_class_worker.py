# A class-based worker: __init__, instance attributes, async methods awaited through self
import asyncio


class Worker:
    def __init__(self, name, delay):
        self.name = name
        self.delay = delay
        self.done = []

    async def handle(self, job):
        await asyncio.sleep(self.delay)
        self.done.append(job)
        return f"{self.name} finished {job}"

    async def run(self, jobs):
        for job in jobs:
            print(await self.handle(job))
        return len(self.done)


async def main():
    fast = Worker("fast", 0.5)
    slow = Worker("slow", 1.5)
    counts = await asyncio.gather(fast.run(["a", "b", "c"]), slow.run(["x", "y"]))
    print("counts:", counts)
    print(fast.done, slow.done, f"{asyncio.get_running_loop().time():.1f}")


asyncio.run(main())

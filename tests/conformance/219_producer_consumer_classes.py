# Producer and consumer classes sharing an asyncio.Queue, with a stats object updated by both
import asyncio

class Stats:
    def __init__(self):
        self.produced = 0
        self.consumed = []
    def __str__(self):
        return f"produced={self.produced} consumed={len(self.consumed)}"

class Producer:
    def __init__(self, queue, stats):
        self.queue, self.stats = queue, stats

    async def run(self, n):
        for i in range(n):
            await asyncio.sleep(0.3)
            await self.queue.put(f"item{i}")
            self.stats.produced += 1
        await self.queue.put(None)

class Consumer:
    def __init__(self, queue, stats):
        self.queue, self.stats = queue, stats

    async def run(self):
        while True:
            item = await self.queue.get()
            if item is None:
                return
            await asyncio.sleep(0.5)
            self.stats.consumed.append(item)
            print(f"{asyncio.get_running_loop().time():.1f} consumed {item}")

async def main():
    queue, stats = asyncio.Queue(maxsize=2), Stats()
    await asyncio.gather(Producer(queue, stats).run(4), Consumer(queue, stats).run())
    print(stats)

asyncio.run(main())

# A plain generator produces jobs; a producer task feeds them into a queue for two workers
import asyncio


def jobs(count):
    for n in range(1, count + 1):
        yield f"job-{n}", n * 0.5


async def producer(queue):
    for name, cost in jobs(5):
        await queue.put((name, cost))
        print("queued", name)
    for _ in range(2):
        await queue.put(None)


async def worker(wid, queue):
    while True:
        item = await queue.get()
        if item is None:
            break
        name, cost = item
        await asyncio.sleep(cost)
        print(f"worker {wid} did {name} ({cost}s)")


async def main():
    queue = asyncio.Queue(maxsize=2)
    await asyncio.gather(producer(queue), worker(1, queue), worker(2, queue))
    print("all done at", asyncio.get_running_loop().time())


asyncio.run(main())

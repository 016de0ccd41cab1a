# Producer/consumer with random work times (after the asyncio Queue tutorials), seeded.
import asyncio
import random
import time

random.seed(7)


async def producer(queue, name):
    for i in range(3):
        await asyncio.sleep(random.uniform(0.1, 1.0))
        item = random.randint(1, 100)
        await queue.put((name, item))
        print(f"{time.perf_counter():.3f} {name} produced {item}")


async def consumer(queue):
    while True:
        name, item = await queue.get()
        await asyncio.sleep(random.expovariate(2.0))
        print(f"{time.perf_counter():.3f} consumed {item} from {name}")
        queue.task_done()


async def main():
    queue = asyncio.Queue()
    consumers = [asyncio.create_task(consumer(queue)) for _ in range(2)]
    await asyncio.gather(*(producer(queue, f"p{i}") for i in range(3)))
    await queue.join()
    for c in consumers:
        c.cancel()
    print("done at", round(time.perf_counter(), 3))


asyncio.run(main())

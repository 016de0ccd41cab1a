# a bounded queue: put() waits while the queue is full, get() waits while it is empty
import asyncio

async def producer(queue, n):
    loop = asyncio.get_running_loop()
    for i in range(n):
        await queue.put(f"order-{i}")
        print(f"t={loop.time():.1f} produced order-{i} (queue size {queue.qsize()})")
        await asyncio.sleep(0.5)
    await queue.put(None)
    print(f"t={loop.time():.1f} producer done")

async def consumer(queue):
    loop = asyncio.get_running_loop()
    served = []
    while True:
        item = await queue.get()
        if item is None:
            return served
        await asyncio.sleep(2)
        served.append(item[-1])
        print(f"t={loop.time():.1f} served {item}")

async def main():
    queue = asyncio.Queue(maxsize=2)
    _, served = await asyncio.gather(producer(queue, 5), consumer(queue))
    print("served:", "".join(served))

asyncio.run(main())

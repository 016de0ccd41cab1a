# wait_for around queue.get(): a timed-out get() takes nothing from the queue
import asyncio

async def late_producer(queue):
    await asyncio.sleep(3)
    await queue.put("first")
    await queue.put("second")
    await queue.put("third")

async def main():
    loop = asyncio.get_running_loop()
    queue = asyncio.Queue()
    asyncio.create_task(late_producer(queue))
    for attempt in range(3):
        try:
            item = await asyncio.wait_for(queue.get(), timeout=1.25)
            print(f"t={loop.time()} attempt {attempt}: got {item}")
        except TimeoutError:
            print(f"t={loop.time()} attempt {attempt}: nothing yet")
    print("size:", queue.qsize())
    item = await queue.get()
    print(f"t={loop.time()} got {item}, size now {queue.qsize()}")
    print(f"t={loop.time()} then {await queue.get()}, empty: {queue.empty()}")

asyncio.run(main())

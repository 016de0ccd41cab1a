# ERROR: get_nowait() on an empty queue raises QueueEmpty, printed with its module path
import asyncio

async def main():
    queue = asyncio.Queue()
    for job in ["a", "b"]:
        queue.put_nowait(job)
    while True:
        job = queue.get_nowait()
        print("processing", job, "left:", queue.qsize())

asyncio.run(main())

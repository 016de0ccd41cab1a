# ERROR: calling task_done() more times than items were taken raises ValueError
import asyncio

async def main():
    queue = asyncio.Queue()
    queue.put_nowait("job")
    print("got", await queue.get())
    queue.task_done()
    print("unfinished work marked done; join returns:", await queue.join())
    queue.task_done()

asyncio.run(main())

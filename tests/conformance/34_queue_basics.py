# Queue bookkeeping: qsize/empty/full, put_nowait/get_nowait, QueueFull and QueueEmpty
import asyncio

async def main():
    q = asyncio.Queue(maxsize=3)
    print("empty:", q.empty(), "full:", q.full(), "size:", q.qsize(), "max:", q.maxsize)
    for item in ["a", "b", "c"]:
        q.put_nowait(item)
    print("empty:", q.empty(), "full:", q.full(), "size:", q.qsize())
    try:
        q.put_nowait("d")
    except asyncio.QueueFull as e:
        print("QueueFull raised", repr(e), type(e).__name__)
    print("FIFO:", q.get_nowait(), await q.get(), q.get_nowait())
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty raised")
    unbounded = asyncio.Queue()
    for i in range(1000):
        unbounded.put_nowait(i)
    print("unbounded full?", unbounded.full(), "size", unbounded.qsize(), "maxsize", unbounded.maxsize)
    await q.put(("tuple", 1))
    print(await q.get())

asyncio.run(main())

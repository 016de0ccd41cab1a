# several consumers blocked in get() are served in the order they started waiting
import asyncio

async def consumer(name, queue, log):
    item = await queue.get()
    log.append(f"{name} got {item}")

async def main():
    queue = asyncio.Queue()
    log = []
    tasks = [asyncio.create_task(consumer(n, queue, log)) for n in ["ann", "bob", "cid"]]
    await asyncio.sleep(0)
    print("all waiting, queue empty:", queue.empty())
    for item in ["x", "y"]:
        queue.put_nowait(item)
    print("put two, size right after:", queue.qsize())
    await asyncio.sleep(0)
    print(log)
    await queue.put("z")
    await asyncio.gather(*tasks)
    print(log)
    full = asyncio.Queue(maxsize=1)
    full.put_nowait(1)
    putter = asyncio.create_task(full.put(2))
    await asyncio.sleep(0)
    print("putter blocked:", not putter.done(), "| got", full.get_nowait())
    await putter
    print("putter done, queue holds", full.get_nowait())

asyncio.run(main())

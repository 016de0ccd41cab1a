# the 12-URL example with a queue and 3 workers: 12 requests / 3 workers x 5 s = 20 s
import asyncio

URLS = [f"https://example.com/page/{i}" for i in range(12)]

async def worker(name, queue, counts):
    while True:
        url = await queue.get()
        await asyncio.sleep(5)
        counts[name] = counts.get(name, 0) + 1
        queue.task_done()

async def main():
    loop = asyncio.get_running_loop()
    queue = asyncio.Queue()
    for url in URLS:
        queue.put_nowait(url)
    counts = {}
    workers = [asyncio.create_task(worker(f"w{i}", queue, counts)) for i in range(3)]
    await queue.join()
    print(f"all {len(URLS)} fetched at t={loop.time():.0f}")
    print("per worker:", sorted(counts.items()))
    for w in workers:
        w.cancel()
    results = await asyncio.gather(*workers, return_exceptions=True)
    print([type(r).__name__ for r in results])
    print("queue empty?", queue.empty())

asyncio.run(main())

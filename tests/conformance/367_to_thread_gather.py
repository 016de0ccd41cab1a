# five blocking requests (time.sleep) on worker threads with gather overlap: 5 x 5 s take 5 s (CPython pools at least 5 threads)
import asyncio
import time


def fetch_blocking(url):
    time.sleep(5)
    return len(url)


async def fetch(url):
    size = await asyncio.to_thread(fetch_blocking, url)
    return f"{url}: {size}"


async def main():
    urls = [f"https://example.com/page{i}" for i in range(5)]
    start = time.perf_counter()
    results = await asyncio.gather(*(fetch(u) for u in urls))
    print(results[0], results[-1], len(results))
    print(f"with threads: {time.perf_counter() - start:.1f} s")
    start = time.perf_counter()
    for u in urls[:3]:
        fetch_blocking(u)
    print(f"3 without threads: {time.perf_counter() - start:.1f} s")


asyncio.run(main())

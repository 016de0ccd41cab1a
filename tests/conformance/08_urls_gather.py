# the 12-URL example with gather: all requests wait together, 5 s in total
import asyncio
import time

URLS = [f"https://example.com/page/{i}" for i in range(12)]

async def fetch(url):
    await asyncio.sleep(5)
    return len(url)

async def main():
    start = time.monotonic()
    sizes = await asyncio.gather(*(fetch(u) for u in URLS))
    elapsed = time.monotonic() - start
    print(f"concurrent: {len(sizes)} pages in {elapsed:.0f} s")
    print(sizes)
    print("speed-up:", (5 * len(URLS)) / elapsed, f"= {5 * len(URLS) / elapsed:.1f}x")

asyncio.run(main())

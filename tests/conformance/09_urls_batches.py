# the 12-URL example in batches of 4: each batch waits for its slowest request
import asyncio

URLS = [f"https://example.com/page/{i}" for i in range(12)]

async def fetch(url, seconds):
    await asyncio.sleep(seconds)
    return url.split("/")[-1]

async def main():
    loop = asyncio.get_running_loop()
    done = []
    for start in range(0, len(URLS), 4):
        batch = URLS[start:start + 4]
        delays = [5 if i % 2 == 0 else 3 for i in range(len(batch))]
        names = await asyncio.gather(*[fetch(u, d) for u, d in zip(batch, delays)])
        done.extend(names)
        print(f"batch {start // 4 + 1}: pages {', '.join(names)} done at t={loop.time():.0f}")
    print(f"{len(done)} pages, total {loop.time():.0f} s")

asyncio.run(main())

# the 12-URL example limited to 3 requests in flight with a Semaphore: 4 rounds x 5 s
import asyncio

URLS = [f"https://example.com/page/{i}" for i in range(12)]
in_flight = 0
peak = 0

async def fetch(sem, url):
    global in_flight, peak
    async with sem:
        in_flight += 1
        peak = max(peak, in_flight)
        await asyncio.sleep(5)
        in_flight -= 1
    return url.split("/")[-1]

async def main():
    loop = asyncio.get_running_loop()
    sem = asyncio.Semaphore(3)
    pages = await asyncio.gather(*[fetch(sem, u) for u in URLS])
    print("pages:", " ".join(pages))
    print(f"peak in flight: {peak}, total time: {loop.time():.0f} s")
    print("semaphore free again?", not sem.locked())

asyncio.run(main())

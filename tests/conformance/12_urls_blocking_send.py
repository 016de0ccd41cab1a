# the 12-URL example when sending blocks (time.sleep 1 s) but waiting is async (4 s)
import asyncio
import time

URLS = [f"https://example.com/page/{i}" for i in range(12)]

async def fetch(url, log):
    time.sleep(1)                    # a blocking send: nobody else runs
    log.append(f"sent page {url.split('/')[-1]:>2} at {time.monotonic():4.0f}")
    await asyncio.sleep(4)           # waiting for the reply lets others run
    return url

async def main():
    log = []
    start = time.monotonic()
    await asyncio.gather(*[fetch(u, log) for u in URLS])
    print("\n".join(log[:3] + ["..."] + log[-2:]))
    print(f"blocking send: {time.monotonic() - start:.0f} s instead of 5 s")

asyncio.run(main())

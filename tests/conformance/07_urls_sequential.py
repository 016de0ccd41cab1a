# the 12-URL example, one request at a time: 12 x 5 s = 60 s
import asyncio
import time

URLS = [f"https://example.com/page/{i}" for i in range(12)]

async def fetch(url):
    await asyncio.sleep(5)          # send the request and wait for the reply
    return f"<html for {url}>"

async def main():
    start = time.monotonic()
    pages = []
    for url in URLS:
        pages.append(await fetch(url))
        if len(pages) % 4 == 0:
            print(f"{len(pages):>2} pages after {time.monotonic() - start:4.0f} s")
    print(f"sequential: {len(pages)} pages in {time.monotonic() - start:.0f} s")
    print(pages[0])
    print(pages[-1])

asyncio.run(main())

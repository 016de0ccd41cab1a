# ERROR: a coroutine object can be awaited only once; the second await is a RuntimeError
import asyncio

async def fetch():
    await asyncio.sleep(1)
    return "page"

async def main():
    coro = fetch()
    print("first await:", await coro)
    print("second await:", await coro)

asyncio.run(main())

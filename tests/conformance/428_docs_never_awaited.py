# https://docs.python.org/3/library/asyncio-dev.html#detect-never-awaited-coroutines
import asyncio

async def test():
    print("never scheduled")

async def main():
    test()

asyncio.run(main())

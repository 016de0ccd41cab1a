# ERROR: TypeError when adding a str and an int inside an async task that main awaits
import asyncio

async def label(n):
    await asyncio.sleep(0)
    return "item " + n

async def main():
    print(await label("one"))
    print(await label(str(2)))
    print(await label(3))

asyncio.run(main())

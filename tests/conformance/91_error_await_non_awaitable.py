# ERROR: awaiting a plain value is a TypeError naming the type
import asyncio

def not_async():
    return 42

async def main():
    print("before")
    value = await asyncio.sleep(0, result=1)
    print("awaited sleep:", value)
    print(await not_async())

asyncio.run(main())

# asyncio.sleep(delay, result=...) returns result; zero and negative delays just yield
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    value = await asyncio.sleep(1, result="coffee ready")
    print(value, "at", loop.time())
    print(await asyncio.sleep(0, result=42), "at", loop.time())
    print(await asyncio.sleep(0), "(sleep returns None by default)")
    print(await asyncio.sleep(-5, result="negative"), "at", loop.time())
    print(await asyncio.sleep(2.5, result=[1, 2]), "at", loop.time())
    total = 0
    for d in [0.25, 0.5, 0.25]:
        total += await asyncio.sleep(d, result=d)
    print("slept", total, "now", loop.time())
    print(await asyncio.sleep(delay=1, result=None), loop.time())

asyncio.run(main())

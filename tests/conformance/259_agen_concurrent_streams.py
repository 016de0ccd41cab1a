# Two tasks each consume their own async generator stream; their ticks interleave in time
import asyncio


async def stream(name, interval, count):
    for i in range(count):
        await asyncio.sleep(interval)
        yield f"{name}{i}"


async def consume(name, interval, count):
    seen = []
    async for item in stream(name, interval, count):
        print(f"{asyncio.get_running_loop().time():.1f} {item}")
        seen.append(item)
    return seen


async def main():
    fast, slow = await asyncio.gather(consume("fast", 0.3, 4), consume("slow", 0.5, 3))
    print(fast)
    print(slow)


asyncio.run(main())

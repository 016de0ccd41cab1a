# as_completed yields results in finishing order; with timeout= it raises TimeoutError
import asyncio

async def fetch(name, seconds):
    await asyncio.sleep(seconds)
    return name, seconds

async def main():
    loop = asyncio.get_running_loop()
    jobs = [fetch("slow", 3), fetch("fast", 1), fetch("medium", 2)]
    order = []
    for next_done in asyncio.as_completed(jobs):
        name, seconds = await next_done
        order.append(name)
        print(f"t={loop.time():.0f}: {name} ({seconds} s)")
    print("order:", order)
    start = loop.time()
    got = []
    try:
        for fut in asyncio.as_completed([fetch("a", 1.5), fetch("b", 9), fetch("c", 0.5)], timeout=4):
            got.append((await fut)[0])
    except TimeoutError:
        print("timed out after", loop.time() - start, "s with", got)

asyncio.run(main())

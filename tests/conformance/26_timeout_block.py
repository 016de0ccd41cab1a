# async with asyncio.timeout(): expiry raises TimeoutError at the block, inner code sees cancel
import asyncio

async def work(name, seconds):
    try:
        await asyncio.sleep(seconds)
        print(f"{name}: done")
    except asyncio.CancelledError:
        print(f"{name}: cancelled by the timeout")
        raise

async def main():
    loop = asyncio.get_running_loop()
    async with asyncio.timeout(5):
        await work("quick", 1)
    print("after quick block, t =", loop.time())
    try:
        async with asyncio.timeout(2):
            await work("first", 1)
            await work("second", 10)
            print("never printed")
    except TimeoutError:
        print("block timed out, t =", loop.time())
    async with asyncio.timeout(None):
        await work("no limit", 4)
    try:
        async with asyncio.timeout(10):
            async with asyncio.timeout(1):
                await work("nested", 5)
    except TimeoutError:
        print("inner timeout fired first, t =", loop.time())
    print("end, t =", loop.time())

asyncio.run(main())

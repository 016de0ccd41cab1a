# Breaking out of async for leaves the generator suspended; aclose() runs its finally block
import asyncio


async def sensor():
    n = 0
    try:
        while True:
            n += 1
            await asyncio.sleep(0.2)
            yield n
    finally:
        print("sensor closing")
        await asyncio.sleep(0.1)
        print("sensor closed at", round(asyncio.get_running_loop().time(), 1))


async def main():
    readings = sensor()
    async for value in readings:
        print("reading", value)
        if value == 3:
            break
    await readings.aclose()
    await readings.aclose()
    print("done")


asyncio.run(main())

# asend() and athrow() on an async generator; the generator awaits between values
import asyncio


async def accumulator():
    total = 0
    while True:
        try:
            value = yield total
        except KeyError:
            print("reset requested")
            total = 0
            continue
        await asyncio.sleep(0.1)
        total += value


async def main():
    acc = accumulator()
    print(await acc.asend(None))
    print(await acc.asend(5))
    print(await acc.asend(7))
    print(await acc.athrow(KeyError("reset")))
    print(await acc.asend(1))
    await acc.aclose()
    print("time", round(asyncio.get_running_loop().time(), 1))


asyncio.run(main())

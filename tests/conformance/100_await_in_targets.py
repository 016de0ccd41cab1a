# await in every part of an assignment: subscript keys and values, slices, for targets, defaults
import asyncio


async def value(x):
    await asyncio.sleep(0)
    return x


async def main():
    d = {}
    d[await value("key")] = await value(1)
    print(d)
    x = [0, 1, 2, 3, 4, 5]
    print(x[0:await value(3)], x[await value(1):], x[::await value(2)])
    x[await value(0)] = await value("first")
    print(x)
    for d[await value("loop")] in [1, 2]:
        print("turn", d)
    async def with_default(a=await value(5), *, b=await value("kw")):
        return a, b
    print(await with_default(), await with_default(await value(6)))
    pair = [await value("left"), await value("right")]
    a, b = await value(pair)
    print(a, b, {await value("k"): await value("v")}, (await value(1), await value(2)))


asyncio.run(main())

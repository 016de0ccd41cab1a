# comprehensions that await: each turn awaits in order, and other tasks run in between
import asyncio

items = [1, 2]


async def grow():
    await asyncio.sleep(0)
    items.append(3)
    print("grew", items)


async def double(x):
    await asyncio.sleep(0)
    return 2 * x


async def main():
    task = asyncio.create_task(grow())
    doubled = [await double(i) for i in items]
    print(doubled)
    await task
    print({i: await double(i) for i in items if i != 2})
    print({await double(i) for i in range(3)})
    print(sum([await double(i) for i in range(4) for j in range(2)]))


asyncio.run(main())

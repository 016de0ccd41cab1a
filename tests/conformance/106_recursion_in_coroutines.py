# deep recursion counts frames: plain calls and awaited coroutines reach the limit alike
import asyncio


def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


async def adepth(n):
    if n == 0:
        return 0
    return 1 + await adepth(n - 1)


async def forever(n):
    return await forever(n + 1)


async def main():
    print(depth(900), await adepth(900))
    try:
        await forever(0)
    except RecursionError as e:
        print("coroutines:", e)
    print(sorted([3, 1, 2], key=lambda x: depth(x * 100)))


print(depth(950))
asyncio.run(main())

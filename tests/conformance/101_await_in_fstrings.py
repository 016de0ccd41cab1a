# await inside f-string fields and their format specs
import asyncio


async def width():
    await asyncio.sleep(1)
    return 8


async def main():
    name = "tea"
    print(f"[{name:>{await width()}}]")
    print(f"{await asyncio.sleep(0, 3.14159):.{await asyncio.sleep(0, 2)}f} at {asyncio.get_running_loop().time()}")
    print(f"{await asyncio.sleep(0, 'x')!r} {await asyncio.sleep(0, 42)=}")


asyncio.run(main())

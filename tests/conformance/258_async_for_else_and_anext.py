# async for ... else, anext() with and without a default, and StopAsyncIteration
import asyncio


async def letters(text):
    for ch in text:
        await asyncio.sleep(0.1)
        yield ch


async def main():
    async for ch in letters("ab"):
        print("letter", ch)
    else:
        print("loop ended normally")
    async for ch in letters("xyz"):
        if ch == "y":
            print("break at", ch)
            break
    else:
        print("not printed")
    gen = letters("q")
    print(await anext(gen))
    print(await anext(gen, "default"))
    try:
        await gen.__anext__()
    except StopAsyncIteration:
        print("StopAsyncIteration")


asyncio.run(main())

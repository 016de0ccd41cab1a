# the classic bug: calling a coroutine function without await runs nothing; CPython warns on stderr when it is dropped
import asyncio


async def save(record):
    await asyncio.sleep(1)
    print("saved", record)


async def main():
    save("first")
    print("called save() without await: nothing was saved")
    pending = save("second")
    print("a coroutine object:", type(pending).__name__)
    pending = None
    await save("third")
    print("done")


asyncio.run(main())

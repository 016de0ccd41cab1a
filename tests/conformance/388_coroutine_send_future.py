# A coroutine driven by hand inside a running loop: an await of a Future yields the Future itself, and the next send gets its result
import asyncio

async def main():
    loop = asyncio.get_running_loop()

    async def waits(fut):
        print("waiting")
        value = await fut
        print("woke with", value)
        return value * 2

    fut = loop.create_future()
    c = waits(fut)
    print(c.send(None) is fut)
    try:
        c.send(None)
    except RuntimeError as e:
        print(e)
    fut = loop.create_future()
    c = waits(fut)
    c.send(None)
    fut.set_result(21)
    try:
        c.send("ignored")
    except StopIteration as e:
        print("result:", e.value)

asyncio.run(main())

# except* handlers that await, and what they raise
import asyncio


async def fail(n):
    await asyncio.sleep(n)
    raise ValueError(f"task {n} failed")


async def main():
    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(fail(1))
            group.create_task(fail(2))
    except* ValueError as errors:
        await asyncio.sleep(1)
        print("handled", len(errors.exceptions), "at", asyncio.get_running_loop().time())
    try:
        raise ExceptionGroup("two", [KeyError("k"), TypeError("t")])
    except* KeyError:
        print("key error, then", await asyncio.sleep(1, "a sleep"))
    except* TypeError as t:
        print("type error", t.exceptions)
    try:
        try:
            raise ExceptionGroup("one", [OSError("disk")])
        except* OSError:
            await asyncio.sleep(0)
            raise RuntimeError("while handling")
    except ExceptionGroup as outer:
        print(type(outer).__name__, [type(e).__name__ for e in outer.exceptions])


asyncio.run(main())

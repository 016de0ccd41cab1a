# an exception in the TaskGroup body itself cancels the children and joins the ExceptionGroup
import asyncio

async def child(name):
    try:
        await asyncio.sleep(5)
        return name
    except asyncio.CancelledError:
        print(f"{name} cancelled")
        raise

async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.TaskGroup() as tg:
            t = tg.create_task(child("worker"))
            await asyncio.sleep(1)
            raise RuntimeError("the body gave up")
    except* RuntimeError as eg:
        print("caught:", eg.exceptions, "at", loop.time())
    print("worker cancelled?", t.cancelled())
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child("quick"))
            raise KeyError("missing")
    except* KeyError as eg:
        print("caught:", repr(eg.exceptions[0]), "| message:", eg)

asyncio.run(main())

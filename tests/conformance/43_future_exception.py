# set_exception: awaiting raises it, result() re-raises it, exception() returns it
import asyncio

async def fail_later(fut):
    await asyncio.sleep(1)
    fut.set_exception(RuntimeError("server closed the connection"))

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    asyncio.create_task(fail_later(fut))
    try:
        await fut
    except RuntimeError as e:
        print("await raised:", type(e).__name__, "-", e)
    print("done?", fut.done(), "| exception():", repr(fut.exception()))
    try:
        fut.result()
    except Exception as e:
        print("result() raised:", repr(e))
    f2 = loop.create_future()
    f2.set_exception(ValueError("bad"))
    results = await asyncio.gather(f2, asyncio.sleep(1, result="ok"), return_exceptions=True)
    print(results)

asyncio.run(main())

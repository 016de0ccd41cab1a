# a Future's done-callbacks run via the loop after set_result, even if added once it is done; result() and exception()
import asyncio


def on_done(fut):
    print("on_done sees", fut.result(), "at", asyncio.get_running_loop().time())


async def resolve_later(fut, value):
    await asyncio.sleep(2)
    print("setting the result")
    fut.set_result(value)
    print("set; callbacks have not run yet")


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.add_done_callback(on_done)
    asyncio.create_task(resolve_later(fut, "answer"))
    print("awaited:", await fut)
    fut.add_done_callback(on_done)
    print("added to a done future")
    await asyncio.sleep(0)
    failed = loop.create_future()
    failed.set_exception(ValueError("nope"))
    print(failed.done(), repr(failed.exception()))
    try:
        failed.set_result(1)
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    cancelled = loop.create_future()
    print(cancelled.cancel(), cancelled.cancelled(), cancelled.cancel())


asyncio.run(main())

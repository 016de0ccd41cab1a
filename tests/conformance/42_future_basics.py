# a Future from loop.create_future(): set_result wakes every awaiting task
import asyncio

async def resolver(fut, delay):
    await asyncio.sleep(delay)
    print("resolver: setting the result")
    fut.set_result({"status": 200})

async def listener(name, fut):
    value = await fut
    print(f"{name} got {value}")
    return name

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    print("done?", fut.done(), "| type:", type(fut).__name__)
    asyncio.create_task(resolver(fut, 2))
    names = await asyncio.gather(listener("first", fut), listener("second", fut))
    print(names, "at t =", loop.time())
    print("done?", fut.done(), "| result:", fut.result(), "| exception:", fut.exception())
    print("awaiting a done future:", await fut)
    ready = loop.create_future()
    ready.set_result(7)
    print("set before await:", await ready, "cancelled?", ready.cancelled())

asyncio.run(main())

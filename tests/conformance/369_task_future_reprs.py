# how tasks and futures print: state, name, the coroutine and the line it is at, what it waits for, result or exception
import asyncio

async def work(n):
    await asyncio.sleep(n)
    return n * 3

async def fail():
    raise ValueError("broken")

async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(work(1))
    print(t)
    await asyncio.sleep(0)
    print(t)
    await t
    print(t)
    bad = asyncio.create_task(fail(), name="failing")
    await asyncio.gather(bad, return_exceptions=True)
    print(bad)
    stopped = asyncio.create_task(work(5))
    await asyncio.sleep(0)
    stopped.cancel()
    await asyncio.sleep(0)
    print(stopped)
    f = loop.create_future()
    print(f)
    f.set_result([1, "two"])
    print(f, repr(f))
    g = loop.create_future()
    g.set_exception(KeyError("k"))
    print(g, g.exception())
    h = loop.create_future()
    h.cancel()
    print(h)

asyncio.run(main())

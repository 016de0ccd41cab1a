# asyncio.wait(FIRST_EXCEPTION) returns at the first failure; wait() never raises the tasks' errors itself
import asyncio


async def job(name, delay, fail):
    await asyncio.sleep(delay)
    if fail:
        raise ValueError(f"{name} failed")
    return name


async def main():
    tasks = [asyncio.create_task(job("a", 1, False), name="a"),
             asyncio.create_task(job("b", 2, True), name="b"),
             asyncio.create_task(job("c", 3, False), name="c")]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    print("now", asyncio.get_running_loop().time())
    for t in sorted(done, key=lambda t: t.get_name()):
        print(t.get_name(), "error:", repr(t.exception()))
    print("still running:", [t.get_name() for t in pending])
    done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_EXCEPTION)
    print("all done at", asyncio.get_running_loop().time(), [t.result() for t in done], pending)
    try:
        await asyncio.wait([])
    except ValueError as e:
        print("ValueError:", e)
    try:
        await asyncio.wait(tasks, return_when="SOMETIMES")
    except ValueError as e:
        print("ValueError:", e)


asyncio.run(main())

# without return_exceptions, gather raises the first error but the other children keep running
import asyncio

async def job(name, seconds, fail=False):
    await asyncio.sleep(seconds)
    if fail:
        raise RuntimeError(f"{name} broke")
    print(f"{name} finished at t={asyncio.get_running_loop().time():.0f}")
    return name

async def main():
    a = asyncio.create_task(job("a", 1))
    c = asyncio.create_task(job("c", 4))
    try:
        await asyncio.gather(a, job("b", 2, fail=True), c)
    except RuntimeError as e:
        print("gather raised:", e, "at", asyncio.get_running_loop().time())
    print("c still running?", not c.done(), "| c cancelled?", c.cancelled())
    print("c result later:", await c)
    try:
        await asyncio.gather(job("x", 1.5, fail=True), job("y", 1, fail=True))
    except RuntimeError as e:
        print("first error to happen wins:", e)
    await asyncio.sleep(1)

asyncio.run(main())

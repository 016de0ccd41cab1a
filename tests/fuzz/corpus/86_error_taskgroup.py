# ERROR: an uncaught ExceptionGroup from a TaskGroup; the traceback ends with a box-drawing line
import asyncio

async def job(name, seconds, fail=False):
    await asyncio.sleep(seconds)
    if fail:
        raise ValueError(f"{name} failed")
    print(f"{name} done")

async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(job("first", 1))
        tg.create_task(job("second", 2, fail=True))
    print("never reached")

asyncio.run(main())

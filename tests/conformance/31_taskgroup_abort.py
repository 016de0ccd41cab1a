# one failing task aborts the TaskGroup: siblings are cancelled, the block raises an ExceptionGroup
import asyncio

async def job(name, seconds, fail=False):
    try:
        await asyncio.sleep(seconds)
        if fail:
            raise ValueError(f"{name} got bad data")
        print(f"{name} done")
        return name
    except asyncio.CancelledError:
        print(f"{name} cancelled at t={asyncio.get_running_loop().time():.0f}")
        raise

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(job("fast", 1))
            tg.create_task(job("broken", 2, fail=True))
            tg.create_task(job("slow", 10))
            print("body finished; now waiting for the tasks")
        print("never printed")
    except* ValueError as eg:
        print(type(eg).__name__, "|", eg)
        print("sub-exceptions:", [str(e) for e in eg.exceptions])
    print("main continues at t =", asyncio.get_running_loop().time())

asyncio.run(main())

# "Task exception was never retrieved" as CPython prints it: the task's repr with its coroutine, then the traceback through nested calls
import asyncio

def check(n):
    if n > 1:
        raise ValueError(f"bad {n}")

async def job(n):
    await asyncio.sleep(n)
    check(n)

async def main():
    asyncio.create_task(job(2), name="second")
    await asyncio.sleep(3)
    print("main ends")

asyncio.run(main())

# https://docs.python.org/3/library/asyncio-task.html#asyncio.wait
# adapted: the docs' fragment runs inside main() and prints what it checks
import asyncio

async def foo():
    return 42

async def main():
    task = asyncio.create_task(foo())
    done, pending = await asyncio.wait({task})

    if task in done:
        # Everything will work as expected now.
        print(len(done), len(pending), task.result())

asyncio.run(main())

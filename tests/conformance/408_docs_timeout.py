# https://docs.python.org/3/library/asyncio-task.html#timeouts
# adapted: long_running_task() (left undefined by the docs) sleeps for an hour
import asyncio

async def long_running_task():
    await asyncio.sleep(3600)

async def main():
    try:
        async with asyncio.timeout(10):
            await long_running_task()
    except TimeoutError:
        print("The long operation timed out, but we've handled it.")

    print("This statement will run regardless.")

asyncio.run(main())

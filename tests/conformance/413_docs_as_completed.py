# https://docs.python.org/3/library/asyncio-task.html#asyncio.as_completed
# adapted: the docs' loop over as_completed gets three coroutines that sleep, as awaitables
import asyncio

async def work(name, delay):
    await asyncio.sleep(delay)
    return f"{name} after {delay}s"

async def main():
    aws = [work("slow", 3), work("fast", 1), work("middle", 2)]
    for coro in asyncio.as_completed(aws):
        earliest_result = await coro
        print(earliest_result)

asyncio.run(main())

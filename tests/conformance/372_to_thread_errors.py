# an exception in a worker thread comes back at the await; to_thread passes keyword arguments on
import asyncio
import time


def parse(text, sep=","):
    time.sleep(1)
    return [int(part) for part in text.split(sep)]


async def main():
    print(await asyncio.to_thread(parse, "1;2;3", sep=";"))
    try:
        await asyncio.to_thread(parse, "4,five,6")
    except ValueError as e:
        print("ValueError:", e, "at", time.monotonic())
    task = asyncio.create_task(asyncio.to_thread(parse, "7,8"))
    print("task started?", task.done())
    await asyncio.sleep(0.5)
    print("half way:", task.done())
    print(await task, "at", time.monotonic())


asyncio.run(main())

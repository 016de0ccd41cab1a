# loop.run_in_executor(None, f, *args) returns a Future at once; the function runs on a worker thread
import asyncio
import time


def crunch(label, seconds):
    time.sleep(seconds)
    return f"{label} took {seconds}s"


async def main():
    loop = asyncio.get_running_loop()
    started = time.monotonic()
    futures = [loop.run_in_executor(None, crunch, f"job{i}", 0.5 * i) for i in (3, 1, 2)]
    print("submitted:", [f.done() for f in futures], type(futures[0]).__name__)
    for next_done in asyncio.as_completed(futures):
        print(await next_done, "at", time.monotonic())
    print("all in", time.monotonic() - started, "s, not", 0.5 * 6)
    print(await loop.run_in_executor(None, sum, [1, 2, 3]))
    try:
        await loop.run_in_executor(None, crunch, "bad", -1)
    except ValueError as e:
        print("ValueError from the thread:", e)


asyncio.run(main())

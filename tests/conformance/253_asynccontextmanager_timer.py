# contextlib.asynccontextmanager timing a block, also when the block raises
import asyncio
import time
from contextlib import asynccontextmanager


@asynccontextmanager
async def timed(label):
    start = time.perf_counter()
    print(f"[{label}] start")
    try:
        yield label.upper()
    finally:
        print(f"[{label}] took {time.perf_counter() - start:.2f}s")


async def main():
    async with timed("download") as name:
        print("inside", name)
        await asyncio.sleep(1.25)
    try:
        async with timed("parse"):
            await asyncio.sleep(0.5)
            raise ValueError("bad data")
    except ValueError as error:
        print("caught:", error)


asyncio.run(main())

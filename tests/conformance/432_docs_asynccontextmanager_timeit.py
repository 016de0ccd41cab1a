# https://docs.python.org/3/library/contextlib.html#contextlib.asynccontextmanager
# adapted: main's "... async code ..." is a one-second sleep
import asyncio
import time
from contextlib import asynccontextmanager

@asynccontextmanager
async def timeit():
    now = time.monotonic()
    try:
        yield
    finally:
        print(f'it took {time.monotonic() - now}s to run')

@timeit()
async def main():
    # ... async code ...
    await asyncio.sleep(1)

asyncio.run(main())

# An asynccontextmanager that handles the body's exception and suppresses it
import asyncio
from contextlib import asynccontextmanager


@asynccontextmanager
async def ignoring(kind):
    try:
        yield
    except kind as error:
        print("suppressed:", repr(error))
        await asyncio.sleep(0.1)


async def main():
    async with ignoring(ZeroDivisionError):
        print(1 / 0)
    print("after first block")
    try:
        async with ignoring(KeyError):
            raise ValueError("not ignored")
    except ValueError as error:
        print("propagated:", error)
    async with ignoring(KeyError):
        print("no error")
    print("end", asyncio.get_running_loop().time())


asyncio.run(main())

# contextlib.suppress (classes and tuples of classes, in sync and async code), contextmanager in a with, asyncio.Runner as a context manager
import asyncio
from contextlib import suppress, contextmanager

with suppress(KeyError, (ValueError, ZeroDivisionError)):
    print(1 / 0)
print("after the suppressed error")

@contextmanager
def tag(name):
    print("<" + name + ">")
    yield name.upper()
    print("</" + name + ">")

with tag("b") as shout:
    print(shout)

async def main():
    with suppress(asyncio.TimeoutError):
        await asyncio.wait_for(asyncio.sleep(5), 1)
    print("timed out quietly at", asyncio.get_running_loop().time())
    try:
        with suppress(KeyError):
            raise ValueError("not mine")
    except ValueError as e:
        print("went through:", e)
    return "main done"

asyncio.run(main())
s = suppress(KeyError)
print(type(s).__name__, s.__exit__(None, None, None), s.__exit__(KeyError, KeyError("k"), None))

with asyncio.Runner() as runner:
    print(runner.run(main()))
    print(runner.run(asyncio.sleep(1, result="slept")))
    print(runner.get_loop().time())

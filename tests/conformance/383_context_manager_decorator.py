# contextmanager and asynccontextmanager managers used as decorators: each call runs inside a fresh manager, which sees and may swallow its exception
import asyncio
from contextlib import contextmanager, asynccontextmanager

@contextmanager
def tag(name):
    print("<" + name + ">")
    try:
        yield
    except KeyError:
        print("swallowed")
    finally:
        print("</" + name + ">")

@tag("h1")
def title(text):
    print(text)
    return len(text)

print(title("hello"), title("again"))
def missing():
    return {}["k"]
print(tag("p")(missing)())

@asynccontextmanager
async def span(label):
    print("enter", label)
    await asyncio.sleep(0.5)
    yield label
    print("exit", label, asyncio.get_running_loop().time())
@span("work")
async def work(n):
    await asyncio.sleep(n)
    return n * 2

async def main():
    print(await work(1))
    print(await asyncio.gather(work(1), work(2)))

asyncio.run(main())

# async for over a class with __aiter__ and an async __anext__ (PEP 492), in loops and comprehensions, and the TypeErrors of a bad one
import asyncio

class Countdown:
    def __init__(self, start):
        self.n = start

    def __aiter__(self):
        return self

    async def __anext__(self):
        await asyncio.sleep(0.1)
        if self.n <= 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n + 1

class Pages:
    def __init__(self, pages):
        self.pages = pages
    def __aiter__(self):
        return Countdown(self.pages)

class NoNext:
    def __aiter__(self):
        return 5

async def main():
    async for n in Countdown(3):
        print("tick", n)
    print([p async for p in Pages(2)])
    for bad in (NoNext(), object()):
        try:
            async for _ in bad:
                pass
        except TypeError as e:
            print(e)
    print(asyncio.get_running_loop().time())

asyncio.run(main())

# https://peps.python.org/pep-0492/#asynchronous-iterators-and-async-for
# adapted: fetch_data (left as "..." by the PEP) sleeps and pops from a list
import asyncio

class AsyncIterable:
    def __init__(self, items):
        self.items = list(items)

    def __aiter__(self):
        return self

    async def __anext__(self):
        data = await self.fetch_data()
        if data:
            return data
        else:
            raise StopAsyncIteration

    async def fetch_data(self):
        await asyncio.sleep(0.2)
        return self.items.pop(0) if self.items else None

async def main():
    async for data in AsyncIterable(["spam", "ham", "eggs"]):
        print(data)

asyncio.run(main())

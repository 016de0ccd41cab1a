# asynccontextmanager guarding a resource with a Semaphore, used by concurrent tasks
import asyncio
from contextlib import asynccontextmanager

pool = asyncio.Semaphore(2)


@asynccontextmanager
async def connection(name):
    async with pool:
        await asyncio.sleep(0.1)
        print(f"{name}: connected")
        try:
            yield f"conn<{name}>"
        finally:
            print(f"{name}: released")


async def query(name, seconds):
    async with connection(name) as conn:
        await asyncio.sleep(seconds)
        print(f"{name}: query on {conn} done")
        return seconds


async def main():
    results = await asyncio.gather(query("a", 1), query("b", 0.5), query("c", 0.2))
    print(results, asyncio.get_running_loop().time())


asyncio.run(main())

# __name__ and __file__, and the main guard every tutorial uses.
import asyncio
import random


async def worker(n):
    await asyncio.sleep(random.random())
    return n * n


async def main():
    print(__name__, __file__.endswith(".py"))
    print(await asyncio.gather(*(worker(i) for i in range(4))))


if __name__ == "__main__":
    random.seed(2024)
    asyncio.run(main())

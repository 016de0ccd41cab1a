# Async comprehensions: list, set and dict comprehensions over an async generator, with filters
import asyncio


async def fetch_numbers(n):
    for i in range(n):
        await asyncio.sleep(0.1)
        yield i * i


async def main():
    squares = [x async for x in fetch_numbers(6)]
    print(squares)
    even = [x async for x in fetch_numbers(6) if x % 2 == 0]
    print(even)
    as_set = {x % 3 async for x in fetch_numbers(5)}
    print(sorted(as_set))
    as_dict = {x: str(x) async for x in fetch_numbers(3)}
    print(as_dict)
    print(round(asyncio.get_running_loop().time(), 1))


asyncio.run(main())

# functools.partial with asyncio tasks, and functools.reduce.
import asyncio
import functools


async def download(url, retries, timeout=1.0):
    await asyncio.sleep(timeout)
    return f"{url} (retries={retries}, timeout={timeout})"


def power(base, exponent):
    return base**exponent


async def main():
    fetch = functools.partial(download, retries=3)
    results = await asyncio.gather(fetch("a.com"), fetch("b.com", timeout=0.5))
    print(results)
    square = functools.partial(power, exponent=2)
    print(square(7), [square(n) for n in range(5)], functools.partial(power, 2)(10))
    print(functools.reduce(lambda a, b: a + b, [1, 2, 3, 4]), functools.reduce(lambda a, b: a * b, range(1, 6), 10))
    print(functools.reduce(max, [3, 9, 2]))
    try:
        functools.reduce(lambda a, b: a, [])
    except TypeError as error:
        print("TypeError:", error)


asyncio.run(main())

# https://www.oreilly.com/library/view/using-asyncio-in/9781492075325/ (C. Hattingh, Using Asyncio in Python), ch. 3 "Async Comprehensions"
import asyncio

async def doubler(n):
    for i in range(n):
        yield i, i * 2
        await asyncio.sleep(0.1)

async def main():
    result = [x async for x in doubler(3)]
    print(result)
    result = {x: y async for x, y in doubler(3)}
    print(result)
    result = {x async for x in doubler(3)}
    print(result)

asyncio.run(main())

# https://www.oreilly.com/library/view/using-asyncio-in/9781492075325/ (C. Hattingh, Using Asyncio in Python), ch. 3 "Coroutines" (throw)
import asyncio

async def f():
    try:
        while True: await asyncio.sleep(0)
    except asyncio.CancelledError:
        print('I was cancelled!')
    else:
        return 111

coro = f()
coro.send(None)
coro.send(None)
coro.throw(asyncio.CancelledError)

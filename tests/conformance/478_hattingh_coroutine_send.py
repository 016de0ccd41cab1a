# https://www.oreilly.com/library/view/using-asyncio-in/9781492075325/ (C. Hattingh, Using Asyncio in Python), ch. 3 "Coroutines"
async def f():
    return 123

coro = f()
try:
    coro.send(None)
except StopIteration as e:
    print('The answer was:', e.value)

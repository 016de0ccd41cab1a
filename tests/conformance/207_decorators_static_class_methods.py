# Decorators: a plain @deco on an async def, a @deco(args) factory, a class decorator
import asyncio

calls = []

def logged(func):
    async def wrapper(*args):
        calls.append(func.__name__)
        return await func(*args)
    return wrapper

def repeat(times):
    def decorate(func):
        def wrapper(x):
            return [func(x) for _ in range(times)]
        return wrapper
    return decorate

def register(cls):
    calls.append("registered " + cls.__name__)
    return cls

@register
class Config:
    delay = 0.5

@logged
async def pause(seconds):
    await asyncio.sleep(seconds)
    return seconds * 100

@repeat(3)
def shout(word):
    return word.upper()

async def main():
    print(await pause(Config.delay), await pause(0.02), shout("hi"), calls, pause.__name__)

asyncio.run(main())

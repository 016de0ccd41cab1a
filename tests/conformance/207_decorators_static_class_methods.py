# Decorators: a plain @deco, a @deco(args) factory, @staticmethod and @classmethod, a class decorator
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
    default_delay = 0.5

    def __init__(self, delay):
        self.delay = delay

    @classmethod
    def default(cls):
        return cls(cls.default_delay)

    @staticmethod
    def clamp(x):
        return max(0, min(x, 10))


@logged
async def pause(config):
    await asyncio.sleep(config.delay)
    return Config.clamp(config.delay * 100)


@repeat(3)
def shout(word):
    return word.upper()


async def main():
    print(await pause(Config.default()), await pause(Config(0.02)), shout("hi"), calls)


asyncio.run(main())

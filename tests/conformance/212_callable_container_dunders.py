# __call__, __getitem__, __setitem__, __contains__, __len__, __bool__ and __add__ on user classes
import asyncio


class RateLimiter:
    def __init__(self, per_second):
        self.per_second = per_second
        self.calls = 0

    def __call__(self, name):
        self.calls += 1
        return 1 / self.per_second

    def __bool__(self):
        return self.calls < 3


class Registry:
    def __init__(self):
        self.items = {}

    def __getitem__(self, key):
        return self.items[key]

    def __setitem__(self, key, value):
        self.items[key] = value

    def __contains__(self, key):
        return key in self.items

    def __len__(self):
        return len(self.items)

    def __add__(self, other):
        merged = Registry()
        merged.items = {**self.items, **other.items}
        return merged


async def main():
    limit = RateLimiter(4)
    while limit:
        await asyncio.sleep(limit("req"))
    reg = Registry()
    reg["a"] = 1
    print(limit.calls, asyncio.get_running_loop().time(), reg["a"], "a" in reg, "b" not in reg, len(reg))
    other = Registry()
    other["b"] = 2
    print((reg + other).items, len(reg + other))
    print(reg["missing"])


asyncio.run(main())

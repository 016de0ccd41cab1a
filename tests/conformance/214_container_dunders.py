# __getitem__, __setitem__, __contains__, __len__ and __add__ on a registry class, and the error inside __getitem__
import asyncio

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
    reg, other = Registry(), Registry()
    reg["a"] = 1
    await asyncio.sleep(0.1)
    other["b"] = 2
    reg["a"] += 10
    print(reg["a"], "a" in reg, "b" not in reg, len(reg), (reg + other).items, len(reg + other))
    print(reg["missing"])

asyncio.run(main())

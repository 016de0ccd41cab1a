# __eq__, __lt__ and __hash__: sorted(), min(), max(), sets and dict keys of user objects; __eq__ alone is unhashable
import asyncio

class Priority:
    def __init__(self, level, name):
        self.level = level
        self.name = name

    def __eq__(self, other):
        return isinstance(other, Priority) and self.level == other.level

    def __lt__(self, other):
        return self.level < other.level

    def __hash__(self):
        return hash(self.level)

    def __repr__(self):
        return f"Priority({self.level}, {self.name!r})"

class Tag:
    def __init__(self, text):
        self.text = text

    def __eq__(self, other):
        return self.text == other.text

async def main():
    items = [Priority(3, "low"), Priority(1, "high"), Priority(2, "mid")]
    await asyncio.sleep(0)
    print(sorted(items), min(items), max(items).name)
    print(Priority(1, "a") == Priority(1, "b"), Priority(1, "a") != Priority(2, "a"), Priority(2, "x") > Priority(1, "y"))
    print(len({Priority(1, "a"), Priority(1, "b"), Priority(2, "c")}), {Priority(5, "k"): "v"})
    print(Priority(2, "q") in items, Tag("a") == Tag("a"), Tag("a") in [Tag("b"), Tag("a")])
    print({Tag("x")})

asyncio.run(main())

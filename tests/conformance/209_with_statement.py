# The plain with statement on a class: __enter__/__exit__, the exception passed in, suppression, nesting
import asyncio


class Section:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()

    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type, repr(exc), tb is None)
        return self.suppress


async def main():
    with Section("a") as label:
        print("inside", label)
    with Section("outer"), Section("inner", suppress=True):
        raise KeyError("swallowed")
    for i in range(3):
        with Section(f"loop{i}"):
            if i == 1:
                continue
            await asyncio.sleep(1)
    try:
        with asyncio.Lock():
            pass
    except TypeError as e:
        print("TypeError:", e)
    with Section("last"):
        1 / 0


asyncio.run(main())

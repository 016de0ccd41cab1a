# __repr__ and __str__ in print, str(), repr(), f-strings with !r, containers, and the default repr's shape
import asyncio


class Task:
    def __init__(self, name, state="pending"):
        self.name = name
        self.state = state

    def __repr__(self):
        return f"Task({self.name!r}, state={self.state!r})"

    def __str__(self):
        return f"{self.name} [{self.state}]"


class OnlyRepr:
    def __repr__(self):
        return "<only repr>"


class Plain:
    pass


async def main():
    t = Task("download")
    print(t)
    print(repr(t), str(t), [t], {"k": t}, (t,))
    await asyncio.sleep(0.1)
    t.state = "done"
    print(f"{t} / {t!r} / {t!s:>20}|")
    print(OnlyRepr(), str(OnlyRepr()), f"{OnlyRepr()}")
    plain = Plain()
    text = repr(plain)
    print(text.startswith("<__main__.Plain object at 0x"), text.endswith(">"), str(plain) == text)


asyncio.run(main())

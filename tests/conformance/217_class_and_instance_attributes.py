# Class attributes shared and shadowed, counters on the class, getattr/setattr/hasattr/vars, and an AttributeError hint
import asyncio

class Session:
    active = 0
    timeout = 30
    retries = 2

    def __init__(self, user):
        self.user = user
        Session.active += 1

    def close(self):
        Session.active -= 1

async def main():
    a, b = Session("ann"), Session("bob")
    b.timeout = 5
    print(Session.active, a.timeout, b.timeout, Session.timeout, vars(b))
    await asyncio.sleep(1)
    a.close()
    setattr(a, "note", "idle")
    print(Session.active, getattr(a, "note"), getattr(b, "note", "none"), hasattr(a, "close"), hasattr(a, "open"))
    for name in ["user", "retries"]:
        print(name, getattr(b, name))
    print(type(a).__name__, a.__class__.__name__, Session.__name__, isinstance(a, Session))
    print(b.retires)

asyncio.run(main())

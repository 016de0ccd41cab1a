# A coroutine driven by hand with send(): sleep(0) yields None, StopIteration carries the result, a finished one cannot be reused
import asyncio

async def answer():
    return 123

async def ticker():
    try:
        await asyncio.sleep(0)
        got = await asyncio.sleep(0, result="r")
        print("sleep(0) gave", got)
        await asyncio.sleep(1)
    except RuntimeError as e:
        print("at the await:", e)
    return "end"

c = answer()
try:
    c.send(None)
except StopIteration as e:
    print("value", e.value, repr(e))
for action in ("send", "throw"):
    try:
        c.send(None) if action == "send" else c.throw(ValueError("late"))
    except RuntimeError as e:
        print(action, "again:", e)
print("close after end:", c.close())
c = ticker()
print(c.send(None), c.send(7), c.__name__, c.__qualname__)
try:
    c.send(None)
except StopIteration as e:
    print("stop", e.value)
c = ticker()
try:
    c.send(1)
except TypeError as e:
    print(e)
c.close()

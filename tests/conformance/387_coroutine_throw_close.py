# throw() and close() on a coroutine driven by hand: into a paused await, before it starts, GeneratorExit ignored, StopIteration inside
import asyncio

async def guarded():
    try:
        while True:
            await asyncio.sleep(0)
    except asyncio.CancelledError:
        print("cancelled inside")
        raise

async def stubborn():
    try:
        await asyncio.sleep(0)
    finally:
        await asyncio.sleep(0)

async def stops():
    raise StopIteration(3)

def attempt(action, *args):
    try:
        action(*args)
    except BaseException as e:
        print(type(e).__name__, e, repr(e.__cause__) if e.__cause__ else "")

attempt(guarded().throw, KeyError("k"))
c = guarded()
c.send(None)
attempt(c.throw, asyncio.CancelledError)
c = guarded()
c.send(None)
print("close:", c.close())
c = stubborn()
c.send(None)
attempt(c.close)
attempt(stops().send, None)
c = guarded()
c.send(None)
attempt(c.throw, ValueError, "two")

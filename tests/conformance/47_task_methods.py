# Task state methods: done, cancelled, result, exception, get_name on each kind of outcome
import asyncio

async def succeed():
    await asyncio.sleep(1)
    return "ok"

async def explode():
    await asyncio.sleep(1)
    raise IndexError("list index out of range")

async def main():
    good = asyncio.create_task(succeed(), name="good")
    bad = asyncio.create_task(explode(), name="bad")
    gone = asyncio.create_task(succeed(), name="gone")
    print([t.done() for t in (good, bad, gone)])
    gone.cancel()
    await asyncio.sleep(2)
    for t in (good, bad, gone):
        state = "cancelled" if t.cancelled() else "finished"
        print(f"{t.get_name():>5}: done={t.done()} {state}", end=" ")
        if t.cancelled():
            print("(no result)")
        elif t.exception() is not None:
            print("exception:", repr(t.exception()))
        else:
            print("result:", t.result())
    try:
        bad.result()
    except IndexError as e:
        print("bad.result() re-raises:", e)

asyncio.run(main())

# a task cancelled before its first step never runs its body, not even its try/finally
import asyncio

async def job(name):
    print(f"{name}: body runs")
    try:
        await asyncio.sleep(1)
    finally:
        print(f"{name}: finally")
    return name

async def main():
    doomed = asyncio.create_task(job("doomed"))
    lucky = asyncio.create_task(job("lucky"))
    print("cancel ->", doomed.cancel())
    print("done?", doomed.done(), "cancelled?", doomed.cancelled())
    await asyncio.sleep(0)
    print("after one step: done?", doomed.done(), "cancelled?", doomed.cancelled())
    print("lucky result:", await lucky)
    try:
        doomed.result()
    except asyncio.CancelledError:
        print("result() raised CancelledError")
    try:
        doomed.exception()
    except asyncio.CancelledError:
        print("exception() raised CancelledError too")
    print("cancel a finished task ->", lucky.cancel(), doomed.cancel())

asyncio.run(main())

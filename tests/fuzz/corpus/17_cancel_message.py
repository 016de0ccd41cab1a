# cancel(msg) delivers the message inside the task and to whoever awaits it
import asyncio

async def job():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError as e:
        print("inside:", repr(e), "| str:", str(e))
        raise

async def quiet():
    await asyncio.sleep(5)

async def main():
    t = asyncio.create_task(job())
    await asyncio.sleep(1)
    t.cancel("user pressed stop")
    try:
        await t
    except asyncio.CancelledError as e:
        print("outside:", repr(e), "| args:", e.args)
    q = asyncio.create_task(quiet())
    await asyncio.sleep(0)
    q.cancel()
    try:
        await q
    except asyncio.CancelledError as e:
        print("no message:", repr(e), "| str is empty:", str(e) == "")
    print(isinstance(asyncio.CancelledError(), Exception))

asyncio.run(main())

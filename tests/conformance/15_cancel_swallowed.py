# a task that swallows CancelledError finishes normally; two cancel() calls, one CancelledError
import asyncio

async def stubborn():
    caught = 0
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        caught += 1
        print("stubborn: ignoring the cancel")
    await asyncio.sleep(1)
    return f"finished anyway (caught {caught})"

async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(stubborn())
    await asyncio.sleep(1)
    print("cancel:", t.cancel())
    print("cancel again:", t.cancel())
    result = await t
    print(result)
    print("cancelled:", t.cancelled(), "| finished at", loop.time())
    print("cancel after done:", t.cancel())

asyncio.run(main())

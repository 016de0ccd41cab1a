# cancelling a sleeping task: CancelledError appears at its await; cleanup may still await
import asyncio

async def download(log):
    loop = asyncio.get_running_loop()
    try:
        log.append("download: start")
        await asyncio.sleep(10)
        log.append("download: finished")
    except asyncio.CancelledError:
        log.append(f"download: cancelled at {loop.time():.0f}")
        await asyncio.sleep(1)
        log.append(f"download: cleanup done at {loop.time():.0f}")
        raise
    finally:
        log.append("download: finally")

async def main():
    loop = asyncio.get_running_loop()
    log = []
    t = asyncio.create_task(download(log))
    await asyncio.sleep(2)
    t.cancel()
    log.append(f"main: cancel requested at {loop.time():.0f}")
    try:
        await t
    except asyncio.CancelledError:
        log.append(f"main: saw CancelledError at {loop.time():.0f}")
    print("\n".join(log))
    print("cancelled:", t.cancelled(), "done:", t.done())

asyncio.run(main())

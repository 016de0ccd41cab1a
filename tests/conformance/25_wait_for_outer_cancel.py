# cancelling the task that sits in wait_for cancels the inner awaitable as well
import asyncio

async def query(log):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        log.append("query cancelled")
        raise

async def client(log):
    try:
        await asyncio.wait_for(query(log), timeout=5)
    except asyncio.CancelledError:
        log.append("client cancelled")
        raise
    except TimeoutError:
        log.append("client timed out")

async def main():
    log = []
    t = asyncio.create_task(client(log))
    await asyncio.sleep(2)
    t.cancel()
    done = await asyncio.gather(t, return_exceptions=True)
    print(log, type(done[0]).__name__)
    log.clear()
    await asyncio.gather(client(log))
    print(log, "at", asyncio.get_running_loop().time())

asyncio.run(main())

# gather(return_exceptions=True) puts exceptions, even CancelledError, into the result list
import asyncio

async def ok(n):
    await asyncio.sleep(n)
    return n * 10

async def fail(n, exc_type):
    await asyncio.sleep(n)
    raise exc_type(f"failure after {n} s")

async def main():
    loop = asyncio.get_running_loop()
    victim = asyncio.create_task(ok(9))
    coros = [ok(1), fail(2, ValueError), victim, fail(3, KeyError), ok(4)]
    gathering = asyncio.gather(*coros, return_exceptions=True)
    await asyncio.sleep(0.5)
    victim.cancel()
    results = await gathering
    for r in results:
        if isinstance(r, (Exception, asyncio.CancelledError)):
            print("exception:", type(r).__name__, repr(str(r)))
        else:
            print("value:", r)
    print(f"finished at t={loop.time():.1f}")

asyncio.run(main())

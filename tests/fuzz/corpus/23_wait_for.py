# wait_for: returns the value in time; on timeout the inner task is already cancelled and done
import asyncio

async def download(name, seconds):
    try:
        await asyncio.sleep(seconds)
        return f"{name} finished"
    except asyncio.CancelledError:
        print(f"  {name} was cancelled")
        raise

async def main():
    loop = asyncio.get_running_loop()
    print(await asyncio.wait_for(download("fast", 1), timeout=3), f"t={loop.time():.0f}")
    print(await asyncio.wait_for(download("unlimited", 7), timeout=None), f"t={loop.time():.0f}")
    inner = asyncio.create_task(download("slow", 10))
    try:
        await asyncio.wait_for(inner, timeout=2.5)
    except asyncio.TimeoutError as e:
        print("timed out at", loop.time(), "| repr:", repr(e))
    print("inner done?", inner.done(), "cancelled?", inner.cancelled())
    print("asyncio.TimeoutError is TimeoutError:", asyncio.TimeoutError is TimeoutError)
    try:
        await asyncio.wait_for(download("instant", 0), timeout=0)
    except TimeoutError:
        print("timeout=0 gives up before the coroutine even starts")

asyncio.run(main())

# wait_for whose inner coroutine swallows the cancellation returns its value, no TimeoutError
import asyncio

async def stubborn():
    try:
        await asyncio.sleep(10)
        return "normal result"
    except asyncio.CancelledError:
        print("stubborn: cancelled, but returning a fallback")
        return "fallback result"

async def slow_cleanup():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        await asyncio.sleep(3)
        print("slow_cleanup: cleanup took 3 s")
        raise

async def main():
    loop = asyncio.get_running_loop()
    result = await asyncio.wait_for(stubborn(), timeout=1)
    print("wait_for returned:", result, "at", loop.time())
    try:
        await asyncio.wait_for(slow_cleanup(), timeout=1)
    except TimeoutError:
        print("TimeoutError only after the cleanup, at", loop.time())

asyncio.run(main())

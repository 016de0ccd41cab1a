# ERROR: an uncaught TimeoutError from wait_for; its traceback's last line is just "TimeoutError"
import asyncio

async def fetch(seconds):
    await asyncio.sleep(seconds)
    return f"reply after {seconds} s"

async def main():
    for seconds in [1, 2, 4]:
        print(await asyncio.wait_for(fetch(seconds), timeout=3))

asyncio.run(main())

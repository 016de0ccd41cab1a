# ERROR: an exception escaping main() propagates out of asyncio.run after leftover tasks are cancelled
import asyncio

async def helper():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("helper cancelled during asyncio.run shutdown")
        raise

async def main():
    asyncio.create_task(helper())
    await asyncio.sleep(1)
    print("main about to fail")
    raise ValueError("config file is empty")

asyncio.run(main())
print("never reached")

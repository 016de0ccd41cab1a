# ERROR: awaiting a cancelled task re-raises CancelledError, which ends asyncio.run (module-qualified name)
import asyncio

async def download():
    await asyncio.sleep(5)
    return "data"

async def main():
    t = asyncio.create_task(download())
    await asyncio.sleep(1)
    t.cancel()
    print("cancelled the download, now awaiting it")
    print(await t)

asyncio.run(main())

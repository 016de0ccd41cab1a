# cancelling a task that awaits another task cancels the awaited one too, and vice versa
import asyncio

async def inner(tag):
    try:
        await asyncio.sleep(10)
        return "inner done"
    except asyncio.CancelledError:
        print(f"{tag} inner: cancelled")
        raise

async def outer(tag, child):
    try:
        return await child
    except asyncio.CancelledError:
        print(f"{tag} outer: cancelled")
        raise

async def main():
    child = asyncio.create_task(inner("A"))
    parent = asyncio.create_task(outer("A", child))
    await asyncio.sleep(1)
    parent.cancel()
    await asyncio.sleep(0)
    print("A child cancelled?", child.cancelled(), "| parent done?", parent.done())
    await asyncio.sleep(0)
    print("A child cancelled?", child.cancelled(), "| parent cancelled?", parent.cancelled())
    child2 = asyncio.create_task(inner("B"))
    parent2 = asyncio.create_task(outer("B", child2))
    await asyncio.sleep(1)
    child2.cancel()
    results = await asyncio.gather(parent2, return_exceptions=True)
    print("B parent result:", type(results[0]).__name__, "| cancelled?", parent2.cancelled())

asyncio.run(main())

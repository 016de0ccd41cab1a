# shield(): cancelling the waiter does not cancel the shielded task, which keeps running
import asyncio

async def save(name):
    await asyncio.sleep(3)
    print(f"{name} saved at t={asyncio.get_running_loop().time():.0f}")
    return f"{name}.dat"

async def impatient(task):
    try:
        return await asyncio.shield(task)
    except asyncio.CancelledError:
        print("impatient: cancelled while waiting")
        raise

async def main():
    important = asyncio.create_task(save("report"))
    waiter = asyncio.create_task(impatient(important))
    await asyncio.sleep(1)
    waiter.cancel()
    await asyncio.gather(waiter, return_exceptions=True)
    print("waiter cancelled?", waiter.cancelled(), "| important cancelled?", important.cancelled())
    print("result still arrives:", await important)
    try:
        await asyncio.wait_for(asyncio.shield(save("backup")), timeout=1)
    except TimeoutError:
        print("wait_for gave up at", asyncio.get_running_loop().time())
    await asyncio.sleep(3)
    print("end at", asyncio.get_running_loop().time())

asyncio.run(main())

# https://docs.python.org/3/library/asyncio-sync.html#asyncio.Barrier
# adapted: print(b) shows the barrier's repr without its memory address (which differs each run)
import asyncio

def show(b):
    print(repr(b).split(" at 0x")[0] + " [" + repr(b).split(" [")[1])

async def example_barrier():
    # barrier with 3 parties
    b = asyncio.Barrier(3)

    # create 2 new waiting tasks
    asyncio.create_task(b.wait())
    asyncio.create_task(b.wait())

    await asyncio.sleep(0)
    show(b)

    # The third .wait() call passes the barrier
    await b.wait()
    show(b)
    print("barrier passed")

    await asyncio.sleep(0)
    show(b)

asyncio.run(example_barrier())

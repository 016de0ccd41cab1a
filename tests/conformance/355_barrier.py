# asyncio.Barrier(3): each party waits until all three arrived, then all continue; wait() gives the arrival index
# relies on: equal-deadline timers fire FIFO
import asyncio


async def runner(barrier, name, warmup):
    await asyncio.sleep(warmup)
    print(f"{name} ready at {asyncio.get_running_loop().time()}, waiting: {barrier.n_waiting}")
    index = await barrier.wait()
    print(f"{name} starts at {asyncio.get_running_loop().time()} (arrived #{index})")
    return index


async def main():
    barrier = asyncio.Barrier(3)
    print("parties:", barrier.parties, "broken:", barrier.broken)
    results = await asyncio.gather(runner(barrier, "ann", 2), runner(barrier, "bob", 1), runner(barrier, "cy", 3))
    print("indices:", results, "waiting now:", barrier.n_waiting)
    second = await asyncio.gather(runner(barrier, "ann", 1), runner(barrier, "bob", 1), runner(barrier, "cy", 0))
    print("second round:", second)
    try:
        await asyncio.wait_for(barrier.wait(), timeout=1)
    except TimeoutError:
        print("alone at the barrier: timed out; broken?", barrier.broken, "waiting:", barrier.n_waiting)


asyncio.run(main())

# Barrier.abort() breaks the barrier: waiters get BrokenBarrierError; reset() after abort makes it usable again
import asyncio


async def party(barrier, name):
    try:
        index = await barrier.wait()
        print(name, "passed as", index)
    except asyncio.BrokenBarrierError as e:
        print(name, "got", repr(e))


async def main():
    barrier = asyncio.Barrier(3)
    first = [asyncio.create_task(party(barrier, n)) for n in ("a", "b")]
    await asyncio.sleep(1)
    print("before abort: waiting", barrier.n_waiting, "broken", barrier.broken)
    await barrier.abort()
    await asyncio.gather(*first)
    print("after abort: broken", barrier.broken, "waiting", barrier.n_waiting)
    await party(barrier, "late")
    await barrier.reset()
    print("after reset: broken", barrier.broken)
    await asyncio.gather(party(barrier, "x"), party(barrier, "y"), party(barrier, "z"))
    print(isinstance(asyncio.BrokenBarrierError("x"), RuntimeError))


asyncio.run(main())

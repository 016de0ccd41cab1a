# every clock reads virtual time; sleeps jump it exactly, so 0.1 s steps accumulate float error
import asyncio
import time

async def main():
    loop = asyncio.get_running_loop()
    print(loop.time(), time.monotonic(), time.time(), time.perf_counter())
    await asyncio.sleep(1.5)
    print(loop.time(), time.monotonic() == loop.time(), time.perf_counter())
    start = loop.time()
    for _ in range(10):
        await asyncio.sleep(0.1)
    print("ten sleeps of 0.1 took", loop.time() - start)
    print("clock reads", loop.time(), f"(formatted {loop.time():.1f})")
    t0 = time.perf_counter()
    await asyncio.sleep(0.3)
    elapsed = time.perf_counter() - t0
    print("elapsed", elapsed, f"{elapsed:.3f}")

print("before run:", time.monotonic())
asyncio.run(main())
print("after run:", time.monotonic())
time.sleep(0.5)
print("after a blocking sleep:", time.time())

# BoundedSemaphore: like Semaphore, but releasing more often than acquiring is a ValueError
import asyncio


async def worker(sem, name):
    async with sem:
        print(f"{name} in at {asyncio.get_running_loop().time()}, locked: {sem.locked()}")
        await asyncio.sleep(1)


async def main():
    sem = asyncio.BoundedSemaphore(2)
    await asyncio.gather(*(worker(sem, f"w{i}") for i in range(5)))
    print(sem.locked(), isinstance(sem, asyncio.Semaphore), type(sem).__name__)
    await sem.acquire()
    sem.release()
    try:
        sem.release()
    except ValueError as e:
        print("ValueError:", e)
    plain = asyncio.Semaphore(1)
    plain.release()
    print("a plain Semaphore may go above its start:", plain.locked())


asyncio.run(main())

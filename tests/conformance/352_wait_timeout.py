# asyncio.wait(timeout=) returns what is done by then without cancelling the rest (unlike wait_for)
import asyncio


async def download(n):
    await asyncio.sleep(n)
    print(f"download {n} finished at {asyncio.get_running_loop().time()}")
    return n * 10


async def main():
    tasks = [asyncio.create_task(download(n)) for n in (1, 2, 4)]
    done, pending = await asyncio.wait(tasks, timeout=2.5)
    print("timeout at", asyncio.get_running_loop().time(), len(done), "done,", len(pending), "pending")
    print("results so far:", sorted(t.result() for t in done))
    print("pending cancelled?", [t.cancelled() for t in pending])
    done, pending = await asyncio.wait(tasks)
    print("all:", sorted(t.result() for t in done), "pending:", len(pending))
    done, pending = await asyncio.wait(tasks, timeout=10)
    print("already done, returns at once:", asyncio.get_running_loop().time(), len(done))


asyncio.run(main())

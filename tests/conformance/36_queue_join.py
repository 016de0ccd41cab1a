# task_done()/join(): join() returns once every item put has been marked done
import asyncio

async def worker(name, queue, log):
    while True:
        seconds = await queue.get()
        await asyncio.sleep(seconds)
        log.append(f"{name} finished a {seconds} s job at t={asyncio.get_running_loop().time()}")
        queue.task_done()

async def main():
    queue = asyncio.Queue()
    for seconds in [3, 1, 2.5, 1.5, 0.5]:
        queue.put_nowait(seconds)
    log = []
    workers = [asyncio.create_task(worker(f"w{i}", queue, log)) for i in range(2)]
    await queue.join()
    print("\n".join(log))
    print("joined at", asyncio.get_running_loop().time(), "| empty:", queue.empty())
    await queue.join()
    print("join() on a finished queue returns at once")
    for w in workers:
        w.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
    print("workers cancelled:", [w.cancelled() for w in workers])

asyncio.run(main())

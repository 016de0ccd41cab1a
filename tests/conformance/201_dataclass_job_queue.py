# A dataclass job queue: fields with defaults and default_factory, generated __init__, __repr__, __eq__
import asyncio
from dataclasses import dataclass, field


@dataclass
class Job:
    name: str
    cost: float = 1.0
    tags: list = field(default_factory=list)


async def worker(wid, queue, log):
    while True:
        job = await queue.get()
        await asyncio.sleep(job.cost)
        log.append((wid, job.name))
        queue.task_done()


async def main():
    queue = asyncio.Queue()
    for job in [Job("fetch", 2), Job("parse", tags=["cpu"]), Job("store", 0.5)]:
        print(job)
        queue.put_nowait(job)
    log = []
    workers = [asyncio.create_task(worker(i, queue, log)) for i in range(2)]
    await queue.join()
    for w in workers:
        w.cancel()
    print(log)
    print(Job("a") == Job("a"), Job("a") == Job("a", 2), Job("b").tags is Job("b").tags)


asyncio.run(main())

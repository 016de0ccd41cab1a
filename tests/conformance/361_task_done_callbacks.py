# Task.add_done_callback / remove_done_callback: callbacks get the task, run soon after it ends, in order
import asyncio


def report(task):
    if task.cancelled():
        print("callback:", task.get_name(), "was cancelled")
    elif task.exception() is not None:
        print("callback:", task.get_name(), "failed with", repr(task.exception()))
    else:
        print("callback:", task.get_name(), "returned", task.result())


def never(task):
    print("removed callback ran?!")


async def work(n):
    await asyncio.sleep(n)
    if n == 2:
        raise KeyError(n)
    return n * 100


async def main():
    tasks = [asyncio.create_task(work(n), name=f"work-{n}") for n in (1, 2, 3)]
    for t in tasks:
        t.add_done_callback(report)
        t.add_done_callback(never)
    print("removed:", tasks[0].remove_done_callback(never), tasks[1].remove_done_callback(never),
          tasks[2].remove_done_callback(never), tasks[2].remove_done_callback(never))
    tasks[2].cancel()
    results = await asyncio.gather(*tasks, return_exceptions=True)
    print("gathered:", results)
    await asyncio.sleep(0)
    print([(t.get_name(), t.done(), t.cancelled()) for t in tasks])


asyncio.run(main())

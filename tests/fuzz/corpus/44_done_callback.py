# add_done_callback: callbacks run soon after the task finishes, not inside it
import asyncio

log = []

def report(task):
    if task.cancelled():
        log.append(f"callback: {task.get_name()} was cancelled")
    elif task.exception() is not None:
        log.append(f"callback: {task.get_name()} failed with {repr(task.exception())}")
    else:
        log.append(f"callback: {task.get_name()} returned {task.result()}")

async def job(value, seconds):
    await asyncio.sleep(seconds)
    if value < 0:
        raise ValueError(value)
    log.append(f"job {value} returning")
    return value * 2

async def main():
    tasks = []
    for i, (value, seconds) in enumerate([(5, 1), (-1, 2), (7, 3)]):
        t = asyncio.create_task(job(value, seconds), name=f"job-{i}")
        t.add_done_callback(report)
        tasks.append(t)
    tasks[2].cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    log.append("gather returned")
    await asyncio.sleep(0)
    print("\n".join(log))

asyncio.run(main())

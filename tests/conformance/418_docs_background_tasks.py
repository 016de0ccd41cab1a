# https://docs.python.org/3/library/asyncio-task.html#creating-tasks
# adapted: the docs' fragment runs inside main(); some_coro (left undefined) sleeps and prints
import asyncio

async def some_coro(param):
    await asyncio.sleep(0.1 * (10 - param))
    print("done", param)

async def main():
    background_tasks = set()

    for i in range(10):
        task = asyncio.create_task(some_coro(param=i))

        # Add task to the set. This creates a strong reference.
        background_tasks.add(task)

        # To prevent keeping references to finished tasks forever,
        # make each task remove its own reference from the set after
        # completion:
        task.add_done_callback(background_tasks.discard)

    print(len(background_tasks), "tasks running")
    await asyncio.sleep(2)
    print(len(background_tasks), "tasks left")

asyncio.run(main())

# all_tasks() lists the tasks not yet done (main included); current_task() is the task running this code
import asyncio


async def sleeper(n):
    me = asyncio.current_task()
    print(f"{me.get_name()} sleeps {n}")
    await asyncio.sleep(n)


async def main():
    print("main is", asyncio.current_task().get_name())
    tasks = [asyncio.create_task(sleeper(n), name=f"sleeper-{n}") for n in (1, 2, 3)]
    print(sorted(t.get_name() for t in asyncio.all_tasks()))
    await asyncio.sleep(1.5)
    print(sorted(t.get_name() for t in asyncio.all_tasks()))
    print(len(asyncio.all_tasks()), asyncio.current_task() in asyncio.all_tasks())
    tasks[2].set_name("renamed")
    await asyncio.sleep(1)
    print(sorted(t.get_name() for t in asyncio.all_tasks()))
    await asyncio.gather(*tasks)
    print([t.get_name() for t in asyncio.all_tasks()])
    print(asyncio.current_task() is asyncio.current_task())


asyncio.run(main())
print(asyncio.current_task())

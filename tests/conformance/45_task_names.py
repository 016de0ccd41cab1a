# default task names count up from Task-1; gather() and wait_for() create tasks that use up numbers
import asyncio

async def who():
    await asyncio.sleep(0)
    return asyncio.current_task().get_name()

async def main():
    me = asyncio.current_task()
    print("main task:", me.get_name())
    t = asyncio.create_task(who())
    print("created:", t.get_name(), "| named:", asyncio.create_task(who(), name="fetcher").get_name())
    print("it reports:", await t)
    print("gathered coroutines:", await asyncio.gather(who(), who()))
    print("via wait_for:", await asyncio.wait_for(who(), timeout=1))
    print("awaited directly runs in main:", await who())
    print("next task:", asyncio.create_task(who()).get_name())
    print("current_task is main?", asyncio.current_task() is me)

asyncio.run(main())

# Condition.wait_for(predicate) re-checks after every wake-up; notify_all wakes every waiter, which then take the lock in turn
import asyncio

state = {"level": 0}


async def watcher(cond, name, wanted):
    def high_enough():
        print(f"  {name} checks level {state['level']}")
        return state["level"] >= wanted

    async with cond:
        result = await cond.wait_for(high_enough)
        print(f"{name} sees level {state['level']} (>= {wanted}): {result}")


async def main():
    cond = asyncio.Condition()
    tasks = [asyncio.create_task(watcher(cond, f"w{n}", n)) for n in (1, 2, 3)]
    for level in (1, 2, 3):
        await asyncio.sleep(1)
        async with cond:
            state["level"] = level
            print("level", level)
            cond.notify_all()
    await asyncio.gather(*tasks)
    try:
        cond.notify()
    except RuntimeError as e:
        print("RuntimeError:", e)


asyncio.run(main())

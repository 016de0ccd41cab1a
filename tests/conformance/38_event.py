# Event: waiters block until set(); they wake in waiting order; clear() re-arms it
import asyncio

async def waiter(event, name, log):
    log.append(f"{name} waits")
    await event.wait()
    log.append(f"{name} released at t={asyncio.get_running_loop().time():.0f}")

async def main():
    event = asyncio.Event()
    log = []
    print("is_set:", event.is_set())
    tasks = [asyncio.create_task(waiter(event, n, log)) for n in ["w1", "w2", "w3"]]
    await asyncio.sleep(2)
    log.append("main sets the event")
    event.set()
    log.append(f"right after set: is_set={event.is_set()}")
    await asyncio.gather(*tasks)
    print("\n".join(log))
    print("wait() on a set event returns", await event.wait())
    event.clear()
    print("after clear:", event.is_set())
    late = asyncio.create_task(event.wait())
    await asyncio.sleep(1)
    print("late waiter done?", late.done())
    event.set()
    event.set()
    print("late waiter result:", await late)

asyncio.run(main())

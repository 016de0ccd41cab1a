# asyncio.Runner (3.11): several run() calls share one loop and the Task-N numbering; close() ends it
import asyncio


async def step(n):
    await asyncio.sleep(n)
    me = asyncio.current_task()
    print(f"step {n} in {me.get_name()} at {asyncio.get_running_loop().time()}")
    return n + 1


runner = asyncio.Runner()
loop = runner.get_loop()
print("loop running?", loop.is_running())
print(runner.run(step(1)))
print(runner.run(step(2)))
print(runner.get_loop() is loop)
runner.close()
print("closed loop:", loop.is_closed())
try:
    runner.get_loop()
except RuntimeError as e:
    print("RuntimeError:", e)
print(asyncio.run(step(1)))

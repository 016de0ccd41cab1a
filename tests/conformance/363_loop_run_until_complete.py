# the pre-asyncio.run style: new_event_loop, run_until_complete, call_soon/call_later/call_at, run_forever until stop(), close()
# relies on: equal-deadline timers fire FIFO
import asyncio


async def compute(x):
    await asyncio.sleep(1)
    print("computed", x, "at", loop.time())
    return x * x


def hello(name):
    print("hello", name, "at", loop.time())


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
print("running:", loop.is_running(), "closed:", loop.is_closed())
print("result:", loop.run_until_complete(compute(4)))
task = loop.create_task(compute(5))
loop.call_soon(hello, "soon")
loop.call_later(0.5, hello, "later")
loop.call_at(loop.time() + 3, loop.stop)
loop.run_forever()
print("stopped at", loop.time(), "task done:", task.done(), task.result())
print(asyncio.get_event_loop() is loop)
print(loop.run_until_complete(asyncio.gather(compute(1), compute(2))))
loop.close()
print("closed:", loop.is_closed())
try:
    loop.run_forever()
except RuntimeError as e:
    print("RuntimeError:", e)

# LifoQueue hands out the newest item first (a stack); maxsize, full() and QueueFull work as in Queue
import asyncio


async def main():
    stack = asyncio.LifoQueue(maxsize=3)
    for page in ["home", "about", "contact"]:
        await stack.put(page)
    print("full:", stack.full(), "size:", stack.qsize())
    try:
        stack.put_nowait("blog")
    except asyncio.QueueFull:
        print("QueueFull")
    while not stack.empty():
        print("back to", await stack.get())
    try:
        stack.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")

    async def late_push():
        await asyncio.sleep(2)
        stack.put_nowait("late")

    pusher = asyncio.create_task(late_push())
    print("got", await stack.get(), "at", asyncio.get_running_loop().time())
    await pusher
    print(isinstance(stack, asyncio.Queue), type(stack).__name__)


asyncio.run(main())

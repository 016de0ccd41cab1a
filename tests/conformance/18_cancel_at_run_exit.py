# when main() returns, asyncio.run cancels the tasks still pending before closing the loop
import asyncio

async def background(name, seconds):
    try:
        await asyncio.sleep(seconds)
        print(f"{name} finished")
    except asyncio.CancelledError:
        now = asyncio.get_running_loop().time()
        print(f"{name} cancelled by asyncio.run at t={now}")
        raise
    finally:
        print(f"{name} finally")

async def main():
    asyncio.create_task(background("quick", 1))
    asyncio.create_task(background("forever", 100))
    await asyncio.sleep(2)
    print("main returns")
    return "main result"

print(asyncio.run(main()))
print("after run")

# sleep(0) yields to every other ready task: a FIFO round robin
import asyncio

async def counter(name, steps):
    for i in range(steps):
        print(f"{name}{i}", end=" ")
        await asyncio.sleep(0)
    print(f"[{name} done]", end=" ")

async def main():
    await asyncio.gather(counter("a", 3), counter("b", 1), counter("c", 4))
    print()
    log = []

    async def spinner(tag):
        for _ in range(2):
            log.append(tag)
            await asyncio.sleep(0)

    tasks = [asyncio.create_task(spinner(t)) for t in "xyz"]
    log.append("M")
    await asyncio.sleep(0)
    log.append("M")
    await asyncio.gather(*tasks)
    log.append("M")
    print("".join(log))

asyncio.run(main())

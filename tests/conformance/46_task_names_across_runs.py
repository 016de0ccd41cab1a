# the Task-N counter is process-wide: a second asyncio.run continues the numbering
import asyncio

async def child():
    return asyncio.current_task().get_name()

async def main(label):
    names = [asyncio.current_task().get_name()]
    for _ in range(2):
        names.append(await asyncio.create_task(child()))
    print(label, names)
    return len(names)

total = 0
for label in ["first run:", "second run:", "third run:"]:
    total += asyncio.run(main(label))
print("tasks named:", total)

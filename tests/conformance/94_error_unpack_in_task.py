# ERROR: a task's exception surfaces through gather in main; sibling output before it still prints
import asyncio

async def parse(line):
    await asyncio.sleep(len(line) / 10)
    key, value = line.split("=")
    print(f"parsed {key} -> {value}")
    return key

async def main():
    keys = await asyncio.gather(parse("a=1"), parse("bb=2"), parse("c=3=4"), parse("long_key=5"))
    print(keys)

asyncio.run(main())

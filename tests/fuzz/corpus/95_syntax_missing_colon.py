# SYNTAX ERROR: a def without its colon; nothing runs, CPython reports the expected ':'
import asyncio

print("this line never runs")

async def fetch(url)
    await asyncio.sleep(1)
    return url

asyncio.run(fetch("x"))
print("done")

# SYNTAX ERROR: an unclosed parenthesis is reported at the line where it opened
import asyncio

async def main():
    results = await asyncio.gather(
        asyncio.sleep(1, result="a"),
        asyncio.sleep(2, result="b"),
    print(results)

asyncio.run(main())
print("done")

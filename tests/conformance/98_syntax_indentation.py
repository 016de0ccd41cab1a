# SYNTAX ERROR: a for loop without an indented body is an IndentationError (a SyntaxError subclass)
import asyncio

async def main():
    for i in range(3):
    await asyncio.sleep(i)
    print("done")

print("this line never runs")
asyncio.run(main())
print("after")

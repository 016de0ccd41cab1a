# asyncio.run returns the coroutine's value; print() with sep= and end=
import asyncio

async def greet(name):
    print("hello,", name, sep=" ", end="!\n")
    return len(name)

async def main():
    n = await greet("loop")
    print("length", n, sep=": ")
    print("a", "b", "c", sep="")
    print("no newline", end="")
    print(" ... continued")
    print()
    print("x", 1, 2.5, None, True, [1, "two"], (3,), {"k": 1.0}, sep=" | ")
    print("multi", "args", sep="\n", end="\n--\n")
    return n * 2

result = asyncio.run(main())
print("run returned", result)
print(asyncio.run(greet("again")))

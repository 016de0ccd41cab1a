# Was a bug (fixed): an await inside a slice bound (start, stop or step) stops the program with
# "RuntimeError: await evaluated synchronously (internal error)"; an await as a plain index works.
# CPython prints: [1, 2]  /  ello  /  [1, 3]
# STATUS: fails on the tree-walking evaluator (binary sha256 49ceba8fc2aa); passes on the bytecode VM
# that replaced it (c78fba3c9f1b onwards): kept as a regression check.
import asyncio

async def g(x):
    return x

async def main():
    xs = [1, 2, 3]
    print(xs[await g(0):2])
    print("hello"[await g(1):])
    print(xs[::await g(2)])

asyncio.run(main())

# Was a bug (fixed): an await inside an assignment target (subscript object or index, also of += and for-targets)
# stops the program with "RuntimeError: await evaluated synchronously (internal error)".
# CPython prints: {'a': 5}  /  [2, 2]  /  {'a': 5, 'z': 6}
# STATUS: fails on the tree-walking evaluator (binary sha256 49ceba8fc2aa); passes on the bytecode VM
# that replaced it (c78fba3c9f1b onwards): kept as a regression check.
import asyncio

async def g(x):
    return x

async def main():
    d = {"a": 1}
    d[await g("a")] = 5
    print(d)
    xs = [1, 2]
    xs[await g(0)] += 1
    print(xs)
    (await g(d))["z"] = 6
    print(d)

asyncio.run(main())

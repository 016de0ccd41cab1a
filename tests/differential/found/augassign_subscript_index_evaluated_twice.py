# Was a bug (fixed): `d[k()] += await v()` evaluates the subscript's index expression k() twice (once to load,
# once more to store) when the right-hand side awaits; CPython evaluates it once.
# CPython prints: key / {'a': 3}   (loopstep prints "key" twice)
# STATUS: fails on the tree-walking evaluator (binary sha256 49ceba8fc2aa); passes on the bytecode VM
# that replaced it (c78fba3c9f1b onwards): kept as a regression check.
import asyncio

def key():
    print("key")
    return "a"

async def two():
    return 2

async def main():
    d = {"a": 1}
    d[key()] += await two()
    print(d)

asyncio.run(main())

# augmented assignment evaluates its container and key once, also across an await
import asyncio

calls = []


def key():
    calls.append("key")
    return "a"


def box():
    calls.append("box")
    return counts


counts = {"a": 1}
counts[key()] += 1
box()[key()] *= 3
print(counts, calls)


async def bump(n):
    await asyncio.sleep(n)
    return n


async def main():
    totals = [0, 0]
    totals[len(calls) % 2] += await bump(2)
    counts[key()] -= await bump(1)
    print(totals, counts, calls)


asyncio.run(main())

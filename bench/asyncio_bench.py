"""CPython's asyncio on the same workloads as scheduler_bench.cpp (same JSON lines)."""
import asyncio
import json
import sys
import time


def report(name, operations, work):
    best = min(_seconds_of(work) for _ in range(3))
    print(json.dumps({"name": name, "ns_per_op": round(best * 1e9 / operations, 1), "ops": operations}), flush=True)


def _seconds_of(work):
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


async def yielder(switches):
    for _ in range(switches):
        await asyncio.sleep(0)


async def round_robin(tasks, total_switches):
    await asyncio.gather(*(yielder(total_switches // tasks) for _ in range(tasks)))


async def trivial():
    return 1


async def create_and_await(count):
    total = 0
    for _ in range(count):
        total += await asyncio.create_task(trivial())
    return total


def main():
    operations = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
    report("switch_1_task", operations, lambda: asyncio.run(round_robin(1, operations)))
    report("switch_100_tasks", operations, lambda: asyncio.run(round_robin(100, operations)))
    report("create_task_await", operations, lambda: asyncio.run(create_and_await(operations)))


if __name__ == "__main__":
    main()

# https://realpython.com/async-io-python/ (asyncq.py, makeitem)
# adapted: items are seeded random.randbytes payloads; each consumer checks a checksum and a hex digest instead of os.urandom's
import asyncio
import random

random.seed(444)


async def makeitem(size: int = 5) -> bytes:
    await asyncio.sleep(random.random())
    return random.randbytes(size)


def checksum(payload: bytes) -> int:
    return sum(payload) % 256


async def produce(name: int, q: asyncio.Queue) -> None:
    for n in range(3):
        item = await makeitem(3 + n)
        await q.put((name, item, checksum(item)))
        print(f"Producer {name} added <{item.hex()}> ({len(item)} bytes) to queue.")


async def consume(name: int, q: asyncio.Queue) -> None:
    while True:
        producer, item, expected = await q.get()
        ok = checksum(item) == expected
        print(f"Consumer {name} got {item!r} from {producer}: checksum {expected:#04x} ok={ok}"
              f" first={item[0]} last={item[-1]} hex={item.hex(':')}")
        q.task_done()


async def main():
    q = asyncio.Queue()
    producers = [asyncio.create_task(produce(n, q)) for n in range(2)]
    consumers = [asyncio.create_task(consume(n, q)) for n in range(2)]
    await asyncio.gather(*producers)
    await q.join()
    for c in consumers:
        c.cancel()
    rng = random.Random(2024)
    print(rng.randbytes(0), rng.randbytes(1), rng.randbytes(7))
    print(random.randbytes(16).hex(), random.getrandbits(8))

asyncio.run(main())

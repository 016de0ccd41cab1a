# github.com/concurrency-in-python-with-asyncio/concurrency-in-python-with-asyncio chapter_04/listing_4_7.py
# adapted: util.delay (util/delay_functions.py) inlined
import asyncio


async def delay(delay_seconds: int) -> int:
    print(f'sleeping for {delay_seconds} second(s)')
    await asyncio.sleep(delay_seconds)
    print(f'finished sleeping for {delay_seconds} second(s)')
    return delay_seconds


async def main():
    results = await asyncio.gather(delay(3), delay(1))
    print(results)


asyncio.run(main())

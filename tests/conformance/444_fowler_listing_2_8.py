# github.com/concurrency-in-python-with-asyncio/concurrency-in-python-with-asyncio chapter_02/listing_2_8.py
# adapted: util.delay (util/delay_functions.py) inlined
import asyncio


async def delay(delay_seconds: int) -> int:
    print(f'sleeping for {delay_seconds} second(s)')
    await asyncio.sleep(delay_seconds)
    print(f'finished sleeping for {delay_seconds} second(s)')
    return delay_seconds


async def main():
    sleep_for_three = asyncio.create_task(delay(3))
    print(type(sleep_for_three))
    result = await sleep_for_three
    print(result)

asyncio.run(main())

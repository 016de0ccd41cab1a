# github.com/concurrency-in-python-with-asyncio/concurrency-in-python-with-asyncio chapter_04/listing_4_10.py
# adapted: no network: aiohttp's session is a stand-in class, chapter_04.fetch_status sleeps 0.1 s and returns 200; util.async_timed dropped (it prints function reprs with addresses)
import asyncio


class ClientSession:  # stands in for aiohttp.ClientSession
    async def __aenter__(self):
        return self

    async def __aexit__(self, *args):
        pass


async def fetch_status(session: ClientSession, url: str, delay: int = 0) -> int:
    await asyncio.sleep(delay)
    await asyncio.sleep(0.1)  # async with session.get(url) as result:
    return 200  # return result.status


async def main():
    async with ClientSession() as session:
        fetchers = \
          [asyncio.create_task(fetch_status(session, 'https://example.com')),
           asyncio.create_task(fetch_status(session, 'https://example.com'))]

        done, pending = await asyncio.wait(fetchers)

        print(f'Done task count: {len(done)}')
        print(f'Pending task count: {len(pending)}')

        for done_task in done:
            result = await done_task
            print(result)


asyncio.run(main())

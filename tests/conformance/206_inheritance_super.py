# Inheritance with super(): overridden async methods call the base's, class attributes, isinstance/issubclass
import asyncio

class Fetcher:
    retries = 1
    created = 0

    def __init__(self, url):
        self.url = url
        Fetcher.created += 1

    async def fetch(self):
        await asyncio.sleep(1)
        return f"<{self.url}>"

    def describe(self):
        return f"{type(self).__name__}({self.url!r}, retries={self.retries})"

class CachingFetcher(Fetcher):
    retries = 3

    def __init__(self, url):
        super().__init__(url)
        self.cache = {}

    async def fetch(self):
        if self.url not in self.cache:
            self.cache[self.url] = await super().fetch()
        return "cached " + self.cache[self.url]

async def main():
    plain, caching = Fetcher("a.com"), CachingFetcher("b.org")
    print(await plain.fetch(), await caching.fetch(), await caching.fetch())
    print(plain.describe(), caching.describe(), Fetcher.created)
    print(isinstance(caching, Fetcher), isinstance(plain, CachingFetcher), issubclass(CachingFetcher, (int, Fetcher)))

asyncio.run(main())

# a common pattern: loop on wait(FIRST_COMPLETED) to handle results as they finish and add new work meanwhile
import asyncio


async def crawl(url, depth):
    await asyncio.sleep(len(url) % 4 + 1)
    links = [f"{url}/{i}" for i in range(2)] if depth < 2 else []
    return url, depth, links


async def main():
    pending = {asyncio.create_task(crawl("a.io", 0))}
    seen = 0
    while pending:
        done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
        for task in sorted(done, key=lambda t: t.result()[0]):
            url, depth, links = task.result()
            seen += 1
            print(f"{asyncio.get_running_loop().time():4} {url} (depth {depth}) -> {len(links)} links")
            for link in links:
                pending.add(asyncio.create_task(crawl(link, depth + 1)))
    print("pages:", seen)


asyncio.run(main())

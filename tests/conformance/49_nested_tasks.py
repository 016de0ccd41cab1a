# tasks that start tasks: a small crawler fans out and gathers results level by level
import asyncio

LINKS = {"home": ["about", "blog"], "about": ["team"], "blog": ["post1", "post2"],
         "team": [], "post1": ["home"], "post2": []}

async def crawl(page, depth, seen):
    if page in seen or depth > 2:
        return 0
    seen.append(page)
    await asyncio.sleep(len(seen) / 10)
    print(f"{'  ' * depth}{page} (t={asyncio.get_running_loop().time():.1f})")
    children = [asyncio.create_task(crawl(link, depth + 1, seen)) for link in LINKS[page]]
    counts = await asyncio.gather(*children)
    return 1 + sum(counts)

async def main():
    seen = []
    total = await crawl("home", 0, seen)
    print("pages:", total, "order seen:", seen)

asyncio.run(main())

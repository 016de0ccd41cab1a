# asyncio.iscoroutinefunction and iscoroutine: async def functions and their bound methods, not generators or plain functions; a custom runner built on them
import asyncio

async def fetch():
    await asyncio.sleep(1)
    return "fetched"

def plain():
    print("plain called")

def gen():
    yield 1

class Client:
    async def get(self):
        return "got"

print(asyncio.iscoroutinefunction(fetch), asyncio.iscoroutinefunction(plain), asyncio.iscoroutinefunction(gen), asyncio.iscoroutinefunction(Client().get), asyncio.iscoroutinefunction(Client.get))
c = fetch()
g = gen()
print(asyncio.iscoroutine(c), asyncio.iscoroutine(g), asyncio.iscoroutine(fetch))
c.close()

async def run_all(items):
    loop = asyncio.get_running_loop()
    tasks = []
    for item in items:
        if asyncio.iscoroutinefunction(item):
            tasks.append(asyncio.create_task(item()))
        elif asyncio.iscoroutine(item):
            tasks.append(asyncio.create_task(item))
        else:
            loop.call_soon(item)
    print(await asyncio.gather(*tasks))

loop = asyncio.new_event_loop()
loop.run_until_complete(run_all([fetch, Client().get(), plain]))
print(len(asyncio.all_tasks(loop=loop)))
loop.close()

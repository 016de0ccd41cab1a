# __call__ and __bool__ on a rate limiter object used in a while loop around asyncio.sleep
import asyncio

class RateLimiter:
    def __init__(self, per_second, budget):
        self.per_second = per_second
        self.budget = budget
        self.calls = 0

    def __call__(self, name):
        self.calls += 1
        print(f"{name} #{self.calls}")
        return 1 / self.per_second

    def __bool__(self):
        return self.calls < self.budget

async def main():
    limit = RateLimiter(4, 3)
    while limit:
        await asyncio.sleep(limit("req"))
    print(limit.calls, asyncio.get_running_loop().time(), bool(limit), callable(limit), callable(RateLimiter))
    print(not limit, "yes" if limit else "no")
    limit(1, 2)

asyncio.run(main())

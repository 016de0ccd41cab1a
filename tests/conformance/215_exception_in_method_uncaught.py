# A user exception raised in a method deep in a task, chained with raise ... from, then uncaught
import asyncio

class PaymentError(Exception):
    pass

class Gateway:
    def __init__(self, limit):
        self.limit = limit

    def check(self, amount):
        if amount > self.limit:
            raise ValueError(f"{amount} over limit {self.limit}")
        return amount

    async def charge(self, amount):
        await asyncio.sleep(1)
        try:
            return self.check(amount)
        except ValueError as e:
            raise PaymentError("charge refused") from e

async def main():
    gateway = Gateway(100)
    print(await gateway.charge(40))
    try:
        await gateway.charge(500)
    except PaymentError as e:
        print(type(e).__name__, e, "| cause:", repr(e.__cause__))
    task = asyncio.create_task(gateway.charge(900))
    await asyncio.sleep(2)
    print(task.done(), type(task.exception()).__name__)
    await task

asyncio.run(main())

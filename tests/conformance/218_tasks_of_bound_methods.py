# Tasks made from bound async methods, a lock held by the object, gather over methods of many instances
import asyncio

class Account:
    def __init__(self, owner, balance):
        self.owner = owner
        self.balance = balance
        self.lock = asyncio.Lock()

    async def withdraw(self, amount):
        async with self.lock:
            if self.balance < amount:
                return f"{self.owner}: refused {amount}"
            await asyncio.sleep(0.1)
            self.balance -= amount
            return f"{self.owner}: -{amount} -> {self.balance}"

    def __repr__(self):
        return f"Account({self.owner!r}, {self.balance})"

async def main():
    acct = Account("ann", 100)
    tasks = [asyncio.create_task(acct.withdraw(n)) for n in (60, 30, 20)]
    for t in tasks:
        print(await t)
    others = [Account(name, 10) for name in "xyz"]
    print(await asyncio.gather(*(a.withdraw(5) for a in others)))
    print(acct, others, asyncio.get_running_loop().time())

asyncio.run(main())

# An async context manager class: __aenter__ returns a value, __aexit__ sees the exception and may suppress it
import asyncio


class Connection:
    def __init__(self, host, suppress=False):
        self.host = host
        self.suppress = suppress
        self.open = False

    async def __aenter__(self):
        await asyncio.sleep(0.2)
        self.open = True
        print("connected to", self.host)
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0.1)
        self.open = False
        print("closed", self.host, exc_type.__name__ if exc_type else None, exc)
        return self.suppress

    async def query(self, sql):
        await asyncio.sleep(0.5)
        return f"{self.host}: {sql} -> 3 rows"


async def main():
    async with Connection("db1") as conn:
        print(await conn.query("SELECT 1"), conn.open)
    print("open after:", conn.open)
    async with Connection("db2", suppress=True) as conn:
        raise ValueError("bad query")
    print("suppressed")
    async with Connection("db3"):
        raise KeyError("lost")


asyncio.run(main())

# https://docs.python.org/3/library/contextlib.html#contextlib.asynccontextmanager
# adapted: acquire/release_db_connection (left undefined by the docs) sleep; the connection is a small class
import asyncio
from contextlib import asynccontextmanager

class Connection:
    def query(self, sql):
        return [("alice",), ("bob",)]

async def acquire_db_connection():
    await asyncio.sleep(0.1)
    print("connected")
    return Connection()

async def release_db_connection(conn):
    await asyncio.sleep(0.1)
    print("released")

@asynccontextmanager
async def get_connection():
    conn = await acquire_db_connection()
    try:
        yield conn
    finally:
        await release_db_connection(conn)

async def get_all_users():
    async with get_connection() as conn:
        return conn.query('SELECT ...')

print(asyncio.run(get_all_users()))

# @staticmethod and @classmethod: alternative constructors, cls in subclasses, calls on instances and classes
import asyncio

class Client:
    default_timeout = 0.5
    made = []

    def __init__(self, timeout):
        self.timeout = timeout
        Client.made.append(type(self).__name__)

    @classmethod
    def default(cls):
        return cls(cls.default_timeout)

    @staticmethod
    def clamp(x):
        return max(0, min(x, 10))

    async def get(self, path):
        await asyncio.sleep(self.timeout)
        return f"{path} in {self.clamp(self.timeout * 100)}"

class SlowClient(Client):
    default_timeout = 2

async def main():
    fast, slow = Client.default(), SlowClient.default()
    print(await fast.get("/a"), await slow.get("/b"), Client.clamp(-3), fast.clamp(42))
    print(Client.made, type(slow).__name__, slow.timeout, asyncio.get_running_loop().time())

asyncio.run(main())

# @property with a setter that validates, a read-only property, and the errors CPython gives
import asyncio


class Timer:
    def __init__(self, seconds):
        self.seconds = seconds

    @property
    def seconds(self):
        return self._seconds

    @seconds.setter
    def seconds(self, value):
        if value < 0:
            raise ValueError(f"negative timeout: {value}")
        self._seconds = value

    @property
    def millis(self):
        return int(self._seconds * 1000)


async def main():
    t = Timer(1.5)
    await asyncio.sleep(t.seconds)
    print(t.seconds, t.millis, vars(t))
    t.seconds = 2
    print(t.millis)
    try:
        t.seconds = -1
    except ValueError as e:
        print("ValueError:", e)
    t.millis = 5


asyncio.run(main())

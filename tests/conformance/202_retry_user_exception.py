# A user exception with super().__init__, extra attributes, str(), args, caught by class and base class
import asyncio


class RetryError(Exception):
    def __init__(self, message, attempts):
        super().__init__(message)
        self.attempts = attempts


class FlakyError(RetryError):
    pass


async def flaky(n, fail_times):
    for attempt in range(1, 5):
        await asyncio.sleep(0.1)
        if attempt > fail_times:
            return f"call {n} ok after {attempt}"
        print(f"call {n} attempt {attempt} failed")
    raise FlakyError(f"call {n} gave up", attempt)


async def main():
    print(await flaky(1, 2))
    try:
        await flaky(2, 9)
    except RetryError as e:
        print(type(e).__name__, "|", e, "|", e.args, "|", e.attempts, isinstance(e, Exception))
        print(repr(e))
    raise RetryError("final failure", 3)


asyncio.run(main())

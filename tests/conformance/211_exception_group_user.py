# User exceptions inside a TaskGroup: except* by user class and base class, and their attributes
import asyncio


class ServiceError(Exception):
    def __init__(self, service, code):
        super().__init__(f"{service} failed with {code}")
        self.service = service
        self.code = code


class TimeoutFailure(ServiceError):
    pass


async def call(service, delay, code):
    await asyncio.sleep(delay)
    if code == 408:
        raise TimeoutFailure(service, code)
    if code >= 500:
        raise ServiceError(service, code)
    return service


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(call("auth", 1, 200))
            tg.create_task(call("db", 2, 503))
            tg.create_task(call("cache", 2, 408))
    except* TimeoutFailure as group:
        print("timeouts:", [(e.service, e.code) for e in group.exceptions])
    except* ServiceError as group:
        print("errors:", [str(e) for e in group.exceptions])
    print(issubclass(TimeoutFailure, ServiceError), ServiceError("x", 1).code)


asyncio.run(main())

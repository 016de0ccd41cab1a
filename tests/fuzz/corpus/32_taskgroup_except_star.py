# except* splits one ExceptionGroup by type; every matching clause runs once
import asyncio

async def check(name, seconds, exc_type):
    await asyncio.sleep(seconds)
    if exc_type is not None:
        raise exc_type(f"{name} failed")
    return name

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(check("disk", 1, TypeError))
            tg.create_task(check("net", 1, ValueError))
            tg.create_task(check("cpu", 0.5, None))
    except* ValueError as eg:
        print("ValueError part:", [str(e) for e in eg.exceptions])
    except* TypeError as eg:
        print("TypeError part:", [str(e) for e in eg.exceptions])
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(check("only", 1, KeyError))
    except* (ValueError, TypeError):
        print("not this one")
    except* KeyError as eg:
        print("KeyError part:", len(eg.exceptions), repr(eg.exceptions[0]))
    print("done")

asyncio.run(main())

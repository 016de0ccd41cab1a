# datetime.now() on the virtual clock, timedelta arithmetic, isoformat and strftime.
import asyncio
from datetime import datetime, timedelta, date


async def job(name, seconds):
    start = datetime.now()
    await asyncio.sleep(seconds)
    elapsed = datetime.now() - start
    print(name, "took", elapsed, elapsed.total_seconds(), repr(elapsed))


async def main():
    print(datetime.now(), repr(datetime.now()), date.today())
    await asyncio.gather(job("short", 1.25), job("long", 90061.5))
    now = datetime.now()
    print(now.isoformat(), now.strftime("%Y/%m/%d %H:%M:%S.%f"), now.year, now.hour, now.weekday())
    deadline = now + timedelta(hours=2, minutes=30)
    print(deadline, deadline > now, deadline - now, (deadline - now) // timedelta(minutes=1))
    print(timedelta(days=-1), timedelta(seconds=-5), timedelta(0), timedelta(weeks=1, milliseconds=1), timedelta(minutes=1.5) * 2)
    d = datetime(2024, 2, 28, 23, 59, 59)
    print(d + timedelta(seconds=1), d + timedelta(days=2), d.replace(year=2023), d.isoformat(" "), d.date())
    print(datetime(2024, 1, 1) - datetime(2023, 1, 1), date(2024, 3, 1) - date(2024, 2, 1), datetime.fromtimestamp(1e9))


asyncio.run(main())

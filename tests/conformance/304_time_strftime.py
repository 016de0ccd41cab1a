# time.strftime, gmtime, localtime (UTC in the lesson) and the *_ns clocks, on the virtual clock.
import asyncio
import time


async def tick(label, delay):
    await asyncio.sleep(delay)
    print(time.strftime("%H:%M:%S"), label, time.time_ns(), time.perf_counter_ns(), time.monotonic_ns())


async def main():
    print(time.strftime("%Y-%m-%d %H:%M:%S"), time.time())
    await asyncio.gather(tick("a", 1.5), tick("b", 61), tick("c", 3600.25))
    print(time.gmtime())
    print(time.localtime(0))
    t = time.gmtime(1700000000)
    print(t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_wday, t.tm_yday, t[0], len(t), list(t)[:3])
    print(time.strftime("%a %A %b %B %d %j %I %p %y %%", t))
    print(time.strftime("%c | %x | %X | %D | %T | %F", t))
    print(time.ctime(1700000000.9), time.asctime(t))
    print(time.mktime(t))
    time.sleep(86400 * 400)
    print(time.ctime(), time.strftime("%Y-%m-%d"))


asyncio.run(main())

// A fixed 12-request program for the web model tests (their assertions name its lines): 5 s blocking send + 55 s wait.
#pragma once

namespace loopstep::web {

// 12 requests of 5 s blocking send + 55 s wait: 720 s one after another, 115 s overlapped.
inline constexpr const char* twelve_requests_program =
    R"(import asyncio, time

async def fetch(i):
    time.sleep(5)              # sending blocks the whole loop
    await asyncio.sleep(55)    # waiting for the reply lets others run
    return i

async def one_by_one():
    for i in range(12):
        await fetch(i)

async def concurrently():
    await asyncio.gather(*(fetch(i) for i in range(12)))

start = time.monotonic()
asyncio.run(one_by_one())
middle = time.monotonic()
print("one by one:", middle - start, "s")
asyncio.run(concurrently())
print("concurrently:", time.monotonic() - middle, "s")
)";

}  // namespace loopstep::web

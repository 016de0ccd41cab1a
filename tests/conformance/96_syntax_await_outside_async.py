# SYNTAX ERROR: await inside a plain def is rejected at compile time
import asyncio

print("this line never runs")

def fetch(url):
    await asyncio.sleep(1)
    return url

print(fetch("x"))
print("done")

# sys: argv, stdout.write, version_info, and sys.exit ending the program with a status.
import asyncio
import sys

print(len(sys.argv), sys.platform, sys.version_info[:2] >= (3, 8), sys.version_info.major)
n = sys.stdout.write("written with sys.stdout.write\n")
print(n)
print("to stderr", file=sys.stderr)


async def main():
    await asyncio.sleep(1)
    print("stopping")
    sys.exit(2)


try:
    asyncio.run(main())
finally:
    print("cleanup runs")

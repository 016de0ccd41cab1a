# send(): a running-average coroutine-style generator, primed with next()
def averager():
    total = 0
    count = 0
    average = None
    while True:
        value = yield average
        total += value
        count += 1
        average = total / count


avg = averager()
print(next(avg))
for v in [10, 20, 30, 5]:
    print(f"sent {v}, average {avg.send(v)}")
avg.close()
try:
    avg.send(1)
except StopIteration:
    print("closed generator raises StopIteration")
fresh = averager()
try:
    fresh.send(3)
except TypeError as error:
    print(error)

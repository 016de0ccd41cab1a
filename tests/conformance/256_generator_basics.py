# Generator functions: laziness, next() with a default, list/sum/max over generators, return value
def countdown(n):
    print("starting countdown")
    while n > 0:
        yield n
        n -= 1
    return "liftoff"


gen = countdown(3)
print(type(gen).__name__)
print(next(gen))
print(list(gen))
print(next(gen, "exhausted"))
print(sum(countdown(4)), max(countdown(2)))
for n in countdown(2):
    print("for got", n)
try:
    next(gen)
except StopIteration as stop:
    print("StopIteration", repr(stop.value))
it = countdown(1)
print(iter(it) is it, sorted(countdown(3)))

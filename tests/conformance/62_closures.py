# closures capture variables, not values: nonlocal counters, late binding, default-argument capture
def make_counter(start=0):
    count = start
    def bump(by=1):
        nonlocal count
        count += by
        return count
    return bump

a, b = make_counter(), make_counter(100)
print(a(), a(), a(5), b(), a())

late = []
for i in range(3):
    def show():
        return i
    late.append(show)
print([f() for f in late])

bound = []
for i in range(3):
    def show_now(i=i):
        return i
    bound.append(show_now)
print([f() for f in bound])

def make_multiplier(factor):
    def multiply(x):
        return x * factor
    return multiply

double, triple = make_multiplier(2), make_multiplier(3)
print(double(21), triple("ab"), make_multiplier(0.5)(9))
def outer():
    log = []
    def add(item):
        log.append(item)
        return len(log)
    return log, add("a"), add("b")
print(outer())

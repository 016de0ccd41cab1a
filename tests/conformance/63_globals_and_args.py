# global statements, default arguments (the shared mutable default), *args and keyword calls
total = 0

def add_to_total(amount):
    global total
    total += amount
    return total

def report(label, *values):
    return f"{label}: {', '.join(str(v) for v in values)} ({len(values)} values)"

def remember(item, seen=[]):
    seen.append(item)
    return seen

def describe(name, greeting="hello", punct="!"):
    return f"{greeting} {name}{punct}"

add_to_total(5)
add_to_total(10)
print("total:", total)
print(report("empty"))
print(report("nums", 1, 2, 3))
args = [4, 5]
print(report("spread", *args, 6), report(*"xyz"))
print(remember("a"), remember("b"), remember("c", []))
print(describe("loop"), describe("task", punct="?"), describe(greeting="hi", name="you"))
print(max(*[3, 9, 2]), sum([1, 2, 3], 10), "{}-{}".format(*"xy"))

def shadow():
    total = "local"
    return total

print(shadow(), total)

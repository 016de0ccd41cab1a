# while, for over every iterable kind, break, continue, pass and tuple unpacking
n = 27
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print("collatz steps:", steps)
for ch in "loop":
    if ch == "o":
        continue
    print(ch, end="")
print()
for key in {"b": 1, "a": 2}:
    print(key, end=" ")
for item in ("x", 1, None):
    pass
print("| last item:", item)
for i in range(100):
    if i * i > 50:
        break
print("first square over 50 is", i, "squared")
a, b = 1, 2
a, b = b, a + b
(c, d), e = (3, 4), 5
first, second = "xy"
print(a, b, c, d, e, first, second)
fib = [0, 1]
while True:
    if len(fib) >= 10:
        break
    fib.append(fib[-1] + fib[-2])
print(fib)
for i, (name, score) in enumerate([("ann", 3), ("bob", 5)]):
    print(i, name, score)
total = 0
for x in (v * 2 for v in range(4)):
    total += x
print("generator total:", total)

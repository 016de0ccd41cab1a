# enumerate, zip, range, len, abs, sum, min/max, isinstance, type names and conversions
names = ["ann", "bob", "cid"]
ages = (31, 25)
print(list(enumerate(names)), list(enumerate(names, start=1))[-1], list(zip(names, ages)))
print(list(zip(names, "xyz", range(10))), dict(zip(names, ages)), list(zip()))
print(list(range(5)), list(range(2, 11, 3)), list(range(10, 0, -3)), list(range(0)), range(1, 5))
print(len(range(0, 100, 7)), range(10)[-1], 5 in range(5), list(range(-3, 3))[::2])
print(abs(-7), abs(7.25), abs(-0.0), sum([]), sum([1.5, 2.5]), sum(range(101)), sum([[1], [2]], []))
print(min(3, 1, 2), max("a", "B"), min([(2, "b"), (2, "a")]), max([1, -5], key=abs))
for v in [1, 1.0, "1", True, None, [1], (1,), {1: 1}, {1}, range(1), len]:
    print(type(v).__name__, isinstance(v, int), isinstance(v, (str, list)), end=" / ")
print()
print(int("10") + int(2.9), float("1.5") * 2, str(12) * 2, bool(""), bool("False"), list("hi"))
print(tuple([1, 2]), list((3, 4)), dict([("a", 1)]), set([1, 1, 2]), list({"k": 1}), tuple("ab"))
print(len("hello"), len([1, [2, 3]]), len({"a": 1, "b": 2}), len(()), len({1, 2, 2}))
total = 0
for i, (name, age) in enumerate(zip(names, ages)):
    total += age * (i + 1)
    print(f"{i}: {name} is {age}")
print("weighted:", total, "| isinstance(True, int):", isinstance(True, int))

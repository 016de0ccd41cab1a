# comparison chains, mixed int/float/bool equality, ordering of str, list and tuple
x = 5
print(1 < x < 10, 1 < x > 10, 0 <= x <= 5 < 6, x == 5 == 5.0, 1 < 2 > 1.5 != 3)
print(1 == 1.0, True == 1, False == 0, 2 == "2", None == 0, 0.1 + 0.2 == 0.3, -0.0 == 0)
print("apple" < "banana", "Apple" < "apple", "a" < "ab", "" < "a", "abc" == "abc")
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], (2, "a") > (1, "z"), [] == [], (1,) == [1])
print([1, [2]] == [1, [2]], {"a": 1, "b": 2} == {"b": 2, "a": 1}, {1, 2} == {2, 1})
print(3 in [1, 2, 3], "ell" in "hello", "z" not in "hello", 2 in {2: "x"}, (1, 2) in [(1, 2)])
print(max(1, 1.0), min(1.0, 1), max([1, 2], [1, 2, 0]), max("9", "10"), sorted([2, 1.5, True]))
a = [1, 2]
b = a
c = [1, 2]
print(a == c, a is c, a is b, a is not c, None is None)
def cmp(p, q):
    return (p > q) - (p < q)
print(cmp(3, 5), cmp("b", "a"), cmp((1, 2), (1, 2)), cmp(2.5, 2))
count = 0
def probe(v):
    global count
    count += 1
    return v
print(probe(1) < probe(0) < probe(2), "evaluated", count, "operands")

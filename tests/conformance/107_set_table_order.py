# sets print in CPython's table order: constant displays, set(), union, symmetric difference, - and & each build their own table
print({13, 241, 3, 215, 4}, set([13, 241, 3, 215, 4]))
print({-1, 5, -3, 2}, {-5, 3, -9}, list({-7, 7, -1}), {(1, 2), (3, -4), (0, 0)})
print({8} | {13, 241, 3, 215, 4}, {9999, 30, 9, 222}.union({20, 9}))
print({7, 10000, 30, 100, 5} ^ set(range(6, 23)))
print(set(range(6, 23)) ^ {7, 10000, 30, 100})
big = set(range(0, 64, 3))
print(big - {3, 6, 9}, {1000, 64, 3, 128} - big)
print({64, 128, 3, 6, 256} & big, big & {64, 128, 3, 6, 256})
print({n * 1000003 % 97 for n in range(12)}, {-n for n in range(6)})
print({2 ** 61 - 1, 2 ** 61, -(2 ** 20), 0.5, 1.0, 2.5})
s = {1, 2}
s.remove(1)
s.add(9)
print(s)
t = set(range(10))
for n in range(0, 10, 2):
    t.discard(n)
t.add(16)
t.add(32)
print(t, t.pop(), t.pop(), t)
u = {5, 6}
u.update([40, 8], {24: 0, 7: 1})
print(u, sorted(u))

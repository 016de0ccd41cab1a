# in-place set operators change the set itself; <, <=, >, >= compare sets as subsets
a = {1, 3}
b = a
b -= {9}
b |= {5}
b &= {1, 3, 5}
b ^= {7}
print(a, b, a is b)
small, big = {1, 2}, {1, 2, 3}
print(small <= big, small > big, big >= small, small < big, small < small, small <= small)
print(small.issubset([1, 2, 5]), big.issuperset(range(3)), small.isdisjoint({4, 5}), small.isdisjoint([2]))
c = {10, 20, 30}
c.intersection_update({20, 30, 40}, [30, 20])
c.difference_update([20])
c.symmetric_difference_update({30, 1, 2})
print(c, c.union(), c.intersection(), c.difference({1}, [2]))
d = c.copy()
d.clear()
print(d, c, len(c))
try:
    a |= [1]
except TypeError as e:
    print("TypeError:", e)
try:
    print({1} < [1])
except TypeError as e:
    print("TypeError:", e)
try:
    set().pop()
except KeyError as e:
    print("KeyError:", e)
for items in ([1, [2]], [(1, [2])]):
    try:
        print(set(items))
    except TypeError as e:
        print("TypeError:", e)

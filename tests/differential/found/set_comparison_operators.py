# Was a bug (fixed): the subset/superset comparisons of sets (<=, <, >=, >) raise
# "TypeError: '<=' not supported between instances of 'set' and 'set'"; issubset() works.
# CPython prints: True False True True
a, b = {1, 2}, {1, 2, 3}
print(a <= b, a > b, b >= a, a < b)

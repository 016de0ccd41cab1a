# Was a bug (fixed): the order in which a set prints differs from CPython's for set displays of constants and for
# unions, although both hold non-negative ints (the README promises CPython's exact order): CPython
# sizes these sets' hash tables differently (a display of constants is copied from a frozenset,
# a union copies its left operand's table) from inserting the elements one by one, which loopstep
# matches. Also: set.update is missing (AttributeError). CPython prints:
# {241, 3, 4, 215, 13} / {241, 3, 4, 215, 8, 13} / {20, 30, 9, 222, 9999} / {3, 4, 8, 13, 241, 215}
print({13, 241, 3, 215, 4})
print({8} | {13, 241, 3, 215, 4})
print({9999, 30, 9, 222}.union({20, 9}))
print(set([13, 241, 3, 215, 4, 8]))

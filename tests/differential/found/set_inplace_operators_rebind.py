# Was a bug (fixed): the in-place set operators |=, -=, &=, ^= build a new set and rebind the name instead of
# updating the set in place, so another name for the same set does not see the change
# (list += is right). CPython prints: {1, 3, 5, 7} {1, 3, 5, 7} True
a = {1, 3}
b = a
b -= {9}
b |= {5}
b &= {1, 3, 5}
b ^= {7}
print(a, b, a is b)

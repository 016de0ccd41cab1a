# Was a bug (fixed): a ^ b lists its elements in a different order from CPython's (it seems to start from the
# other operand); a | b, a - b and a & b agree. CPython prints:
# {5, 6, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 10000, 30, 100}
# {6, 8, 9, 10, 11, 12, 13, 14, 15, 10000, 16, 17, 18, 19, 20, 21, 22, 30, 100}
print({7, 10000, 30, 100, 5} ^ set(range(6, 23)))
print(set(range(6, 23)) ^ {7, 10000, 30, 100})

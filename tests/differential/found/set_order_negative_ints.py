# Was a bug (fixed): a set holding negative ints prints (and iterates) in a different order from CPython's hash
# table (the README promises CPython's exact order for sets of ints). Non-negative ints are right.
# CPython prints: {2, 5, -3, -1} / {3, -9, -5} / [-7, -1, 7]
print({-1, 5, -3, 2})
print({-5, 3, -9})
print(list({-7, 7, -1}))

# Was a bug (fixed): the optional start/end arguments of str.startswith, str.endswith and str.count are rejected
# with "TypeError: startswith() takes exactly one argument (2 given)" (find and index take them).
# CPython prints: True 1 True 4
s = "banana"
print(s.startswith("an", 1), s.count("a", 2, 5), s.endswith("an", 0, 3), s.find("n", 3))

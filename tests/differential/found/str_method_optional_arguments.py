# BUG: optional start/end arguments of str.startswith/endswith/count/find/index are rejected with
# "TypeError: startswith() takes exactly one argument (2 given)" (and likewise for count).
# CPython prints: True 1 4
s = "banana"
print(s.startswith("an", 1), s.count("a", 2, 5), s.find("n", 3))

# containers that hold themselves print as [...] / {...}; deep nests raise RecursionError
a = [1]
a.append(a)
print(a)
d = {"k": 1}
d["self"] = d
print(d, len(str((a, d))))
deep = []
for i in range(100000):
    deep = [deep]
try:
    print(len(repr(deep)))
except RecursionError as e:
    print("repr:", e)
try:
    print(f"{deep}")
except RecursionError as e:
    print("f-string:", e)
other = []
for i in range(100000):
    other = [other]
try:
    print(deep == other)
except RecursionError as e:
    print("compare:", e)
try:
    print(deep < other)
except RecursionError as e:
    print("order:", e)
big = []
for i in range(1000000):
    big = [big]
big = None
print("freed")

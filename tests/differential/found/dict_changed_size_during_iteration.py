# Was a bug (fixed): adding a key to a dict while a for loop iterates over it does not raise
# "RuntimeError: dictionary changed size during iteration"; the loop just stops.
# CPython prints: a / error dictionary changed size during iteration / {'a': 1, 'b': 2}
d = {"a": 1}
try:
    for k in d:
        d["b"] = 2
        print(k)
except RuntimeError as e:
    print("error", e)
print(d)

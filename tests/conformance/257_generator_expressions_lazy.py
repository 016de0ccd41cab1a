# Generator expressions are lazy: items are computed only when asked for
def noisy(n):
    print("computing", n)
    return n * 10


gen = (noisy(x) for x in range(4))
print("created")
print(next(gen))
print("between")
print(list(gen))
print(list(gen))
print(sum(x * x for x in range(5)), any(x > 3 for x in range(5)))
pairs = ((a, b) for a in range(3) for b in "xy" if a != 1)
print(list(pairs))
words = ["async", "await", "yield"]
print(", ".join(w.upper() for w in words if "a" in w))
print(dict((w, len(w)) for w in words))

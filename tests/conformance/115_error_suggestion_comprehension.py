# ERROR: a misspelt name inside a comprehension is matched against the comprehension's own variables first
scores = [3, 1, 2]
c = 0
def count():
    print([s for s in scores if c <= 1])
    global c
    c += 1
count()
print(c, sorted(scores))
def twice(n):
    return [n * 2 for n in range(n)]
print(twice(3))
print([valeu * 2 for value in scores])

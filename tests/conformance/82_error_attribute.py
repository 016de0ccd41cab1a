# ERROR: AttributeError on a list method typo; CPython 3.11 suggests the close attribute name
results = []
for i in range(3):
    results.append(i * i)
    print("collected", results)
try:
    results.push(9)
except AttributeError as e:
    print("caught:", e)
results.apend(16)
print("never reached")

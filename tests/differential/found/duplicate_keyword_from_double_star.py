# Was a bug (fixed): a keyword given both explicitly and through **mapping is accepted silently (the mapping's
# value wins); CPython raises TypeError. Its last line:
# TypeError: __main__.f() got multiple values for keyword argument 'k'
def f(a, k=0):
    return a + k
print(f(1, k=2, **{"k": 3}))

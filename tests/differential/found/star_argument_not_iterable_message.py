# Was a bug (fixed): f(*x) with a non-iterable x raises TypeError with the generic message; CPython names the
# function. CPython prints: __main__.f() argument after * must be an iterable, not int
def f(*args):
    return args
try:
    f(*5)
except TypeError as e:
    print(e)

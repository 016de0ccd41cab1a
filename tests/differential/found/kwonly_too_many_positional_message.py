# Was a bug (fixed): calling a function that has keyword-only parameters with too many positional arguments
# gives CPython's short message; CPython mentions the keyword-only ones. CPython prints:
# top() takes 1 positional argument but 2 positional arguments (and 1 keyword-only argument) were given
def top(a, *, k):
    return a
try:
    top(1, 2, k=3)
except TypeError as e:
    print(e)

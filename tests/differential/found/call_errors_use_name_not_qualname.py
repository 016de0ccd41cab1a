# Was a bug (fixed): TypeErrors about a call's arguments name a nested function or lambda by __name__; CPython
# uses __qualname__. CPython prints: outer.<locals>.inner() missing 1 required positional argument: 'a'
# and: outer.<locals>.<lambda>() takes 1 positional argument but 2 were given
def outer():
    def inner(a):
        return a
    f = lambda a: a
    try:
        inner()
    except TypeError as e:
        print(e)
    try:
        f(1, 2)
    except TypeError as e:
        print(e)
outer()

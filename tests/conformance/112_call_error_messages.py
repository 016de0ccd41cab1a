# call errors name a nested function by its qualified name; a starred argument must be an iterable
def outer():
    def inner(a, b=2):
        return a + b
    try:
        inner()
    except TypeError as e:
        print(e)
    try:
        inner(1, 2, 3)
    except TypeError as e:
        print(e)
    try:
        inner(1, a=3)
    except TypeError as e:
        print(e)
    return inner
print(outer()(1), outer.__qualname__, outer().__qualname__)
def gather(*items):
    return items
for bad in (5, None):
    try:
        gather(*bad)
    except TypeError as e:
        print(e)
    try:
        gather(1, *bad)
    except TypeError as e:
        print(e)
print(gather(*"ab", *range(2)), gather(*[1], 2))

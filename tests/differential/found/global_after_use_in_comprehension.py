# Was a bug (fixed): a name used only inside a comprehension (its own scope) before a `global` statement in the
# enclosing function is rejected with "SyntaxError: name 'c' is used prior to global
# declaration"; CPython accepts it. CPython prints: ['a', 'b'] / 1
c = 0
def f():
    print([v for v in "ab" if c <= 1])
    global c
    c += 1
f()
print(c)

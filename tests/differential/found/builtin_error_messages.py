# Was a bug (fixed): TypeError messages of builtins and methods that differ from CPython 3.11's. Each line prints
# the message; CPython's are:
#   unhashable type: 'list'                                      ({(1, [2])}: the inner culprit)
#   can only join an iterable
#   count() takes at least 1 argument (0 given)
#   insert expected 2 arguments, got 1
#   tuple.count() takes exactly one argument (0 given)
#   str() takes at most 3 arguments (4 given)
#   'sepp' is an invalid keyword argument for print()
#   'reversed' is an invalid keyword argument for sort()
#   string indices must be integers, not 'float'
#   str.upper() takes no arguments (1 given)
#   sum() takes at least 1 positional argument (0 given)
cases = [lambda: {(1, [2])}, lambda: ", ".join(5), lambda: "abc".count(), lambda: [].insert(1),
         lambda: (1, 2).count(), lambda: str(1, 2, 3, 4), lambda: print(1, sepp=""),
         lambda: sorted([3, 1], reversed=True), lambda: "abc"[1.0], lambda: "s".upper(1), lambda: sum()]
for case in cases:
    try:
        case()
    except TypeError as e:
        print(e)

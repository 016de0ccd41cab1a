# builtins and methods reject bad arguments with CPython's own messages, which differ by how each is defined
def attempt(name, function, *args):
    try:
        print(name, "->", function(*args))
    except (TypeError, ValueError, OverflowError) as e:
        print(name, "->", repr(e))
half = 1.0
attempt("join", ", ".join, 5)
attempt("count", "abc".count)
attempt("insert", [].insert, 1)
attempt("tuple.count", (1, 2).count)
attempt("str", str, 1, 2, 3, 4)
attempt("upper", "s".upper, 1)
attempt("sum", sum)
attempt("dict", dict, [1, 2])
attempt("ord", ord, "ab")
attempt("zfill", "x".zfill, "3")
attempt("pop", [1].pop, "a")
attempt("round", round)
attempt("reversed", reversed, {1})
attempt("enumerate", enumerate, [1], "a")
attempt("overflow", pow, 10.0, 400)
attempt("chr", chr, "a")
attempt("startswith", "a".startswith, (1,))
attempt("center", "a".center, 5, "ab")
attempt("divmod", divmod, "a", 1)
attempt("pow", pow, 3, -1, 7)
for text in ("abc", [1]):
    try:
        print(text[half])
    except TypeError as e:
        print(e)
try:
    print(1, sepp="")
except TypeError as e:
    print(e)
try:
    sorted([3, 1], reversed=True)
except TypeError as e:
    print(e)

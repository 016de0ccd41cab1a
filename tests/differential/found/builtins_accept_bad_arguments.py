# Was a bug (fixed): three builtins return a value where CPython raises TypeError:
#   dict([1, 2]) returns {}      (CPython: cannot convert dictionary update sequence element #0 to a sequence)
#   ord('ab') returns 97         (CPython: ord() expected a character, but string of length 2 found)
#   'x'.zfill('3') returns 'x'   (CPython: 'str' object cannot be interpreted as an integer)
for f in (lambda: dict([1, 2]), lambda: ord("ab"), lambda: "x".zfill("3")):
    try:
        print(repr(f()))
    except TypeError as e:
        print("TypeError:", e)

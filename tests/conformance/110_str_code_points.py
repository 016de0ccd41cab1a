# str offsets, widths and counts are in code points, also for non-ASCII text; optional start/end arguments
s = "über café"
print(s.find("é"), s.index("c"), s.count(""), s.rfind("e"), len(s), s[5:])
print(s.zfill(11), repr(s.center(13, "·")), repr(s.ljust(10, "!")), repr(s.rjust(11)))
print(repr("ab".center(5)), repr("abc".center(6)), repr("[2.675".center(7)), repr("ab".center(5, "*")))
print("".find("", 1), "ab".find("", 3), "ab".find("", 2), "ab".rfind(""), "abc".count("", 1, 2))
word = "banana"
print(word.startswith("an", 1), word.count("a", 2, 5), word.endswith("an", 0, 3), word.find("n", 3))
print(word.startswith(("x", "ba")), word.endswith("na", -2), word.find("a", -3), word.rindex("an", 0, -1))
try:
    print("".index("", 1))
except ValueError as e:
    print("ValueError:", e)
print("-7".zfill(5), "+é".zfill(4), "ab".replace("", "-"), "é,ü".split(","), "a\u00a0b c".split())
print(" é ".strip(), "xéx".strip("x"), "éaé".strip("é"), "  a b  ".split(None, 1), "  a b  ".rsplit(None, 1))
print("line\u2028two\rthree\r\nfour".splitlines(), "tab\tend".expandtabs(4), "é" in s, s.partition(" "))
x = "s"
print(f"{x=}", f"{x=:}", f"{x=:>3}", f"{s=!s:.3}")

# common str methods: split edge cases, join, strip, case changes, replace, count, index
line = "  GET /index.html HTTP/1.1  "
print(repr(line.strip()), line.split(), line.strip().split(" ", 1))
print("a,b,,c,".split(","), "a  b".split(" "), "".split(), "".split(","), "one".split(","))
print("k=v=w".split("=", 1), "path/to/file".split("/")[-1], " x ".split(" "))
print("-".join(["2024", "01", "31"]), ", ".join("abc"), "".join([]), "+".join(str(i) for i in range(4)))
print("xxhixx".strip("x"), "\t tabbed\n".strip(), "..dots..".strip("."), "abcba".strip("ab"))
print("hELLO wORLD".capitalize(), "MiXeD".lower(), "MiXeD".upper(), "123abc".capitalize())
print("banana".replace("a", "o"), "banana".replace("an", "AN", 1), "aaa".replace("a", "bb"))
print("banana".count("a"), "banana".count("an"), "aaaa".count("aa"), "banana".count(""))
print("banana".index("n"), "banana".index("na", 3), "hello".startswith("he"), "hello".startswith(("x", "h")))
print("status: {} after {:.1f} s".format("ok", 2.345), "{}{}".format(1, [2]))
s = "async"
print(s[0], s[-1], s[1:3], s[::-1], s[10:], s[-100:2], len(s), "sync" in s, "as" + s * 2)
print(s.upper().lower() == s, "abc" < "abd", "Zebra" < "apple", "app" < "apple", "10" < "9")
words = "the loop runs one task at a time".split()
print(len(words), max(words, key=len), min(words), sorted(words)[:3], words.index("task"))
print(str(42) + "!", str(None), str(True), str([1, "a"]), str((1,)), str(3.0), str({}))

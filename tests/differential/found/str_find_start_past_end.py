# Was a bug (fixed): str.find/str.index with an empty substring and a start beyond the end of the string find it
# there; CPython finds nothing (-1, and index raises ValueError: substring not found).
# CPython prints: -1 -1 2 / ValueError substring not found
print("".find("", 1), "ab".find("", 3), "ab".find("", 2))
try:
    print("".index("", 1))
except ValueError as e:
    print("ValueError", e)

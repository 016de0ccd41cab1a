# Was a bug (fixed): with non-ASCII text, str.find/str.index return byte offsets, str.count("") counts bytes,
# and str.zfill pads to the byte length (len() and slicing correctly count code points).
# CPython prints: 8 5 10  /  00über café
s = "über café"
print(s.find("é"), s.index("c"), s.count(""))
print(s.zfill(11))

# Was a bug (fixed): islower()/isupper() return True for strings with no cased character at all; CPython needs
# at least one cased character. CPython prints: False False False True
print("3.5".islower(), "-7".isupper(), "".islower(), "a1".islower())

# case changes and character tests follow Unicode for any letter, as CPython's str does
s = "über café"
print(s.upper(), s.capitalize(), s.title(), s.swapcase())
print("straße".upper(), "STRASSE".lower(), "ǆemal".title(), "ﬁne".upper(), "İ".lower(), len("İ".lower()))
print("ΟΔΥΣΣΕΥΣ".lower(), "ΣΑΣ Σ".lower(), "ПРИВЕТ мир".swapcase(), "ŉ".upper())
print("über".isalpha(), "ü1".isalnum(), "٣".isdigit(), "٣".isdecimal(), "½".isnumeric(), "½".isdigit())
print("3.5".islower(), "-7".isupper(), "".islower(), "a1".islower(), "É".isupper(), "ǅ".istitle(), "ǅ".isupper())
print("Über Café".istitle(), "ÜBER".istitle(), "\u00a0\u2003".isspace(), "é".isascii(), "e".isascii())
print("Straße".casefold() == "STRASSE".casefold(), "ǅ".lower(), "ǅ".upper(), "σς".upper())
words = ["éclair", "Zebra", "apple", "Øre"]
print(sorted(words), sorted(words, key=lambda w: w.lower()), [w.lower() for w in words])
print(max("héllo"), min("Ωmega"), ord("é"), chr(233), ord("€"), "ΣΑΣ".title())

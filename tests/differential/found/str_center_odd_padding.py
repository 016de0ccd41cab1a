# Was a bug (fixed): str.center with an odd amount of padding puts the extra fill character on the wrong side.
# CPython's rule: left = pad // 2 + (pad & width & 1), so the extra character goes left when the
# target width is odd. CPython prints: '  ab ' ' abc  ' ' [2.675' '**ab*'
print(repr("ab".center(5)), repr("abc".center(6)), repr("[2.675".center(7)), repr("ab".center(5, "*")))

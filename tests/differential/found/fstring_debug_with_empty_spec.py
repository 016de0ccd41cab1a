# Was a bug (fixed): in an f-string, `{x=:}` (the `=` specifier with an empty format spec after the colon)
# formats with repr(); CPython uses format(x, '') there, i.e. str(). With a non-empty spec both agree.
# CPython prints: x='s' x=s x=  s
x = "s"
print(f"{x=}", f"{x=:}", f"{x=:>3}")

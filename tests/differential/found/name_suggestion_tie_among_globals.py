# Was a bug (fixed): when two global names are equally close to a misspelt one, CPython's "Did you mean" names the
# first defined; loopstep names another. CPython's last line:
# NameError: name 'total_c' is not defined. Did you mean: 'total_a'?
total_a = 1
total_b = 2
print(total_c)

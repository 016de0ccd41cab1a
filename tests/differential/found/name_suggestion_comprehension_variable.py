# Was a bug (fixed): a misspelt comprehension variable gets no "Did you mean" suggestion; CPython suggests the
# comprehension's own loop variable. CPython's last line:
# NameError: name 'valeu' is not defined. Did you mean: 'value'?
print([valeu for value in [5]])

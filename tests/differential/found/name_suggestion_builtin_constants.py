# Was a bug (fixed): True, False and None are names in builtins, so CPython's "Did you mean" can suggest them;
# loopstep does not. CPython's last line:
# NameError: name 'alue' is not defined. Did you mean: 'False'?
print(alue)

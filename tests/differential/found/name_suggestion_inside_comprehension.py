# Was a bug (fixed): a NameError raised inside a comprehension takes its "Did you mean" suggestion from the
# enclosing function's names instead of the comprehension's own scope (CPython 3.11 runs a
# comprehension in a frame of its own, whose locals are only its loop variables).
# CPython's last line: NameError: name 'valeu' is not defined   (no suggestion)
# loopstep's:          NameError: name 'valeu' is not defined. Did you mean: 'value'?
def f():
    value = 1
    return [valeu for x in [5]]
f()

# Was a bug (fixed): CPython 3.11's "Did you mean" for a NameError considers a function's plain locals only
# (co_varnames): a local that a nested scope captures (here the comprehension uses n) is a cell
# variable and is not suggested. loopstep suggests it. CPython's last line:
# NameError: name 'nx' is not defined
def main():
    n = 1
    print([n for v in [1]])
    print(nx)
main()

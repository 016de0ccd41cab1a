# the exact ZeroDivisionError messages for /, //, % on ints and floats
def attempt(label, a, b, op):
    try:
        if op == "/":
            result = a / b
        elif op == "//":
            result = a // b
        else:
            result = a % b
        print(f"{label}: {result}")
    except ZeroDivisionError as e:
        print(f"{label}: {type(e).__name__}: {e}")

attempt("int / int", 1, 0, "/")
attempt("int // int", 1, 0, "//")
attempt("int % int", 1, 0, "%")
attempt("float / int", 1.0, 0, "/")
attempt("float // float", 1.0, 0.0, "//")
attempt("float % float", 1.0, 0.0, "%")
attempt("int / float", 1, 0.0, "/")
attempt("zero / nonzero", 0, 5, "/")
attempt("negative zero", -0.0, 3, "//")
try:
    print(10 ** -1, 0 ** -1)
except ZeroDivisionError as e:
    print("power:", e)

# ERROR: unbounded recursion ends with RecursionError: maximum recursion depth exceeded
def countdown(n):
    if n == 0:
        return "liftoff"
    return countdown(n - 1)

print(countdown(10))
print(countdown(500))

def forgot_base_case(n):
    return forgot_base_case(n + 1) + 1

print(forgot_base_case(0))

# recursion: factorial with 64-bit ints, memoised fibonacci, nested-list flattening, RecursionError
def factorial(n):
    return 1 if n <= 1 else n * factorial(n - 1)

memo = {}
def fib(n):
    if n < 2:
        return n
    if n not in memo:
        memo[n] = fib(n - 1) + fib(n - 2)
    return memo[n]

def flatten(items):
    out = []
    for item in items:
        if isinstance(item, (list, tuple)):
            out.extend(flatten(item))
        else:
            out.append(item)
    return out

def hanoi(n, src, dst, via, moves):
    if n > 0:
        hanoi(n - 1, src, via, dst, moves)
        moves.append(src + dst)
        hanoi(n - 1, via, dst, src, moves)
    return moves

def forever(n):
    return forever(n + 1)

print(factorial(0), factorial(5), factorial(20))
print(fib(10), fib(50), fib(90), len(memo))
print(flatten([1, [2, (3, [4])], [], [[5]]]))
print(len(hanoi(10, "A", "C", "B", [])), hanoi(2, "A", "C", "B", []))
try:
    forever(0)
except RecursionError as e:
    print(type(e).__name__, "-", e)

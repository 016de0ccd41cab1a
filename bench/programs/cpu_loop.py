# CPU-bound: arithmetic, a function call and a list append per turn, no awaits.
def collatz_steps(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


longest = []
for start in range(1, 30_000):
    longest.append(collatz_steps(start))
print(len(longest), max(longest), sum(longest))

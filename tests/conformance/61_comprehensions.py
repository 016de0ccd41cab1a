# list/dict/set comprehensions and generator expressions, with filters and nesting
squares = [n * n for n in range(8)]
evens = [n for n in squares if n % 2 == 0]
print(squares, evens)
pairs = [(x, y) for x in range(3) for y in range(x)]
print(pairs, len(pairs))
matrix = [[r * 3 + c for c in range(3)] for r in range(3)]
print(matrix, [row[1] for row in matrix], [matrix[i][i] for i in range(3)])
transposed = [[row[c] for row in matrix] for c in range(3)]
print(transposed, [x for row in matrix for x in row if x % 4 == 0])
lengths = {w: len(w) for w in ["loop", "task", "future", "loop"]}
print(lengths, {v: k for k, v in lengths.items()})
print(sorted({n % 4 for n in range(20)}), sorted({c.upper() for c in "banana"}))
print(sum(x * x for x in range(5)), max(len(w) for w in lengths), min(-n for n in range(3)))
print(", ".join(f"{k}={v}" for k, v in lengths.items()), tuple(i for i in "ab"))
labels = ["even" if n % 2 == 0 else "odd" for n in range(5)]
print(labels, [n if n > 0 else -n for n in [-2, 3, -4]])
x = "outer"
result = [x for x in range(3)]
print(x, result, list(range(3)) == result)
print([c for c in "a1b2c3" if c in "0123456789"], [w[::-1] for w in "ab cd".split()])

# sets of small ints print in hash-table order (not sorted, not insertion order); membership and len
print({3, 1, 2}, {8, 1}, {1, 8}, {100, 5, 37}, {16, 8, 0}, {9, 3, 6, 0})
print(set(), set([2, 2, 2]), {0, False}, {1, True, 1.0}, len({1, 1.0, True}), {True, 2})
evens = set(range(0, 10, 2))
threes = {n for n in range(10) if n % 3 == 0}
print(evens, threes, set(range(12)), {n * 8 for n in range(4)})
print(sorted(evens, reverse=True), 4 in evens, 4 in threes, 4 not in threes, len(threes))
seen = []
duplicates = []
for word in "the cat and the dog and the bird".split():
    if word in seen:
        duplicates.append(word)
    else:
        seen.append(word)
print(sorted(set(seen)), duplicates, len(set(duplicates)), sorted(set(duplicates)))
tags = {"async", "await", "loop"}
print(sorted(tags), "await" in tags, len(tags), max(len(t) for t in tags), type(tags).__name__)
print(sorted(set([3, 1, 3, 2, 1])), list({5: 0, 1: 0, 3: 0}), list(set([3, 1, 3, 2, 1])))
both = [n for n in sorted(evens) if n in threes]
print("in both:", both, "| set of tuples:", {(1, 2), (1, 2)}, "| frozen order:", {10, 20, 30})

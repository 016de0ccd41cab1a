# itertools: the common iterators.
import itertools

print(list(itertools.islice(itertools.count(10, 5), 4)))
print(list(itertools.islice(itertools.cycle("ab"), 5)))
print(list(itertools.chain([1, 2], (3,), "xy")))
print(list(itertools.product("ab", [0, 1])), list(itertools.product([1, 2], repeat=2)))
print(list(itertools.permutations([1, 2, 3])), list(itertools.permutations("abc", 2)))
print(list(itertools.combinations(range(4), 2)), list(itertools.combinations_with_replacement("ab", 2)))
print(list(itertools.accumulate([1, 2, 3, 4])), list(itertools.accumulate([1, 2, 3], lambda a, b: a * b)))
print(list(itertools.accumulate([1, 2], initial=100)))
for key, group in itertools.groupby("aaabbc"):
    print(key, list(group))
for key, group in itertools.groupby([1, 3, 2, 4, 5], key=lambda n: n % 2):
    print(key, list(group))
print(list(itertools.zip_longest("abc", [1], fillvalue="-")))
print(list(itertools.islice(range(20), 2, 12, 3)), list(itertools.repeat("x", 3)))
print(list(itertools.takewhile(lambda n: n < 3, [1, 2, 3, 1])), list(itertools.dropwhile(lambda n: n < 3, [1, 2, 3, 1])))
print(list(itertools.starmap(pow, [(2, 3), (3, 2)])), list(itertools.compress("abcd", [1, 0, 1, 0])))
print(list(itertools.pairwise([1, 2, 3, 4])), list(itertools.filterfalse(lambda n: n % 2, range(6))))
counter = itertools.count()
print(next(counter), next(counter), next(counter))

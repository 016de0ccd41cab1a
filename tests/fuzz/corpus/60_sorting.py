# sorted(): stable, key=, reverse=True keeps equal items in original order, mixed types compare
people = [("ann", 31), ("bob", 25), ("cid", 31), ("dee", 19), ("eve", 25)]
print(sorted(people))
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
print(sorted(people, key=lambda p: (-p[1], p[0])))
print(sorted(["banana", "Apple", "cherry", "apple"]), sorted(["b", "A", "a"], key=lambda w: w.lower()))
words = ["to", "be", "or", "not", "to", "be"]
print(sorted(words, key=len), sorted(words, key=len, reverse=True))
print(sorted(set(words)), sorted({"x": 1, "a": 2}), sorted("sorted"), sorted((3, 1, 2), reverse=True))
print(sorted([3, 1.5, 2, -0.0, 0, True]), sorted([[2, 1], [1, 5], [1, 2]]), sorted([]))
scores = {"ann": 88, "bob": 95, "cid": 88, "dee": 70}
ranking = sorted(scores, key=lambda name: scores[name], reverse=True)
for place, name in enumerate(ranking, start=1):
    print(f"{place}. {name:<4} {scores[name]:>3}")
print(min(scores.values()), max(people)[0], min(people, key=len))
print(max(scores, key=len), max("hello"), min([4, 2, 8]), max(3, 7.5, -1), min("b", "a"))

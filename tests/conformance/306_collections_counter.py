# collections.Counter and defaultdict: word counts and grouping.
from collections import Counter, defaultdict, OrderedDict

text = "the quick brown fox jumps over the lazy dog the end fox"
counts = Counter(text.split())
print(counts)
print(counts.most_common(3), counts["the"], counts["missing"], len(counts))
letters = Counter("mississippi")
print(letters, letters.most_common())
letters.update("sip")
print(letters, sorted(letters.elements())[:6], letters.total())
print(Counter(a=3, b=1), Counter({"x": 2, "y": 5}), Counter())
groups = defaultdict(list)
for word in text.split():
    groups[len(word)].append(word)
print(groups)
print(dict(groups), groups[99], len(groups))
tally = defaultdict(int)
for ch in "banana":
    tally[ch] += 1
print(tally, tally.default_factory, isinstance(tally, dict))
print(OrderedDict([("a", 1), ("b", 2)]), OrderedDict())

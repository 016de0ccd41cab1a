# Seeds of every size and sign: CPython seeds MT19937 with the words of abs(seed).
import random

for seed in [0, 1, 42, -42, 2**32, 2**32 - 1, 2**64 + 5, 10**30, -(10**40), 3.5]:
    random.seed(seed)
    print(seed, random.random(), random.randint(0, 1000))
rng = random.Random(99)
other = random.Random(99)
print(rng.random() == other.random(), rng.randint(1, 6), other.randint(1, 6))
print([rng.randrange(0, 100, 5) for _ in range(6)])
try:
    random.randrange(5, 5)
except ValueError as error:
    print("ValueError:", error)
try:
    random.choice([])
except IndexError as error:
    print("IndexError:", error)
try:
    random.sample([1, 2], 3)
except ValueError as error:
    print("ValueError:", error)

# A StopIteration escaping a generator body becomes RuntimeError (PEP 479)
def first_items(iterables):
    for it in iterables:
        iterator = iter(it)
        yield next(iterator)


print(list(first_items([[1, 2], "ab"])))
try:
    print(list(first_items([[1], []])))
except RuntimeError as error:
    print("RuntimeError:", error)
    print("cause:", type(error.__cause__).__name__)


def safe_first(iterables):
    for it in iterables:
        value = next(iter(it), None)
        if value is None:
            return
        yield value


print(list(safe_first([[3], [4], [], [5]])))
list(first_items([[]]))

# yield from delegates to sub-generators and lists, and returns the sub-generator's value
def read_chunk(name, size):
    for i in range(size):
        yield f"{name}[{i}]"
    return size


def read_all(files):
    total = 0
    for name, size in files:
        count = yield from read_chunk(name, size)
        total += count
    yield from ["--", "end"]
    return total


def main():
    gen = read_all([("a", 2), ("b", 3)])
    while True:
        try:
            print(next(gen))
        except StopIteration as stop:
            print("total", stop.value)
            break


main()

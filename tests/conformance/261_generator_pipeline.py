# A pipeline of generators: read, filter, transform, batch; nothing runs until consumed
def read_lines():
    for line in ["10", "x", "20", "", "30", "40", "oops", "50"]:
        yield line


def numbers(lines):
    for line in lines:
        if line.isdigit():
            yield int(line)


def scaled(values, factor):
    return (v * factor for v in values)


def batches(values, size):
    batch = []
    for v in values:
        batch.append(v)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


pipeline = batches(scaled(numbers(read_lines()), 2), 2)
print(type(pipeline).__name__)
for group in pipeline:
    print(group)

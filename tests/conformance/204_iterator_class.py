# An iterator class: __iter__/__next__ with StopIteration drive for loops, list(), sum() and in
import asyncio


class Countdown:
    def __init__(self, start):
        self.current = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1


class Batches:
    def __init__(self, items, size):
        self.items = items
        self.size = size

    def __iter__(self):
        return iter([self.items[i:i + self.size] for i in range(0, len(self.items), self.size)])

    def __len__(self):
        return (len(self.items) + self.size - 1) // self.size


async def main():
    for n in Countdown(3):
        print("tick", n)
        await asyncio.sleep(1)
    print(list(Countdown(4)), sum(Countdown(10)), 2 in Countdown(5))
    batches = Batches(list(range(7)), 3)
    print(len(batches), [b for b in batches], bool(batches), bool(Batches([], 2)))


asyncio.run(main())

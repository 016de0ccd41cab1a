# throw() and close() on a generator: the exception arrives at the paused yield
def worker():
    print("worker started")
    while True:
        try:
            job = yield
            print("doing", job)
        except ValueError as error:
            print("skipping bad job:", error)
        finally:
            print("step over")


w = worker()
next(w)
w.send("a")
w.throw(ValueError("bad"))
w.send("b")
w.close()
print("closed")


def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2


s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as error:
    print("RuntimeError:", error)

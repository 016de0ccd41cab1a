# str() and repr() of exceptions, KeyError quoting, and chaining with raise ... from
def parse_port(text):
    try:
        return int(text)
    except ValueError as e:
        raise RuntimeError("bad port " + repr(text)) from e

def lookup(config, key):
    try:
        return config[key]
    except KeyError as e:
        raise ValueError("missing setting: " + str(e))

for exc in [ValueError("x must be > 0"), KeyError("port"), KeyError(3), IndexError(),
            RuntimeError("two", "args"), TimeoutError(), AssertionError("nope")]:
    print(f"{type(exc).__name__:<14} str={str(exc):<18}|", "repr=" + repr(exc))
try:
    parse_port("80x")
except RuntimeError as e:
    print("caught:", e)
try:
    lookup({"host": "localhost"}, "port")
except ValueError as e:
    print("caught:", e)
try:
    raise TypeError("outer") from KeyError("inner")
except TypeError as e:
    print("caught:", repr(e), isinstance(e, Exception))
try:
    raise ValueError
except ValueError as e:
    print("bare class raised:", repr(e), "str is empty:", str(e) == "")

# ERROR: raise ... from e: the traceback shows both, and its last line is the outer error
def load_port(settings):
    try:
        return int(settings["port"])
    except (KeyError, ValueError) as e:
        raise RuntimeError("invalid configuration: port") from e

print(load_port({"port": "8080"}))
print(load_port({"port": "80"}))
print(load_port({"port": "eighty"}))

# exact messages of common built-in errors (caught), incl. UnboundLocalError being a NameError
items = [1, 2, 3]
record = {"id": 7}

def list_index():
    return items[5]
def tuple_index():
    return (1,)[2]
def str_index():
    return "abc"[-4]
def dict_key():
    return record["name"]
def add_mixed():
    return 1 + "1"
def concat_mixed():
    return "1" + 1
def undefined():
    return undefined_name + 1
def unbound():
    print(count)
    count = 1
def no_attribute():
    return items.push(4)
def not_callable():
    return record["id"]()
def bad_int():
    return int("twelve")
def missing_value():
    return items.index(99)
def unpack_many():
    a, b = items
    return a + b

for check in [list_index, tuple_index, str_index, dict_key, add_mixed, concat_mixed, undefined,
              unbound, no_attribute, not_callable, bad_int, missing_value, unpack_many]:
    try:
        check()
    except (NameError, TypeError, ValueError, IndexError, KeyError, AttributeError) as e:
        print(f"{type(e).__name__:<17} {e}")

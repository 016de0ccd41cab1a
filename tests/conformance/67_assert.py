# assert: passes silently, raises AssertionError with the message (or an empty one) when false
def check_latency(ms):
    assert ms >= 0, f"latency cannot be negative: {ms}"
    assert isinstance(ms, int), "latency must be an int"
    return "ok"

for value in [12, -3, 2.5]:
    try:
        print(value, check_latency(value))
    except AssertionError as e:
        print(value, "AssertionError:", e)
try:
    assert 1 + 1 == 3
except AssertionError as e:
    print("no message:", repr(e), "| str:", repr(str(e)))
try:
    assert [], ["a", "list", "message"]
except AssertionError as e:
    print("non-string message:", e, e.args)
assert True, "never shown"
assert "non-empty"
print("all good")

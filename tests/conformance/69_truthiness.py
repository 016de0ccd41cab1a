# truthiness of every basic type, and/or returning operands, not, conditional expressions
values = [0, 1, -1, 0.0, -0.0, 0.1, "", " ", "0", [], [0], (), (None,), {}, {"": 0}, set(), None, True, False]
print([bool(v) for v in values])
print(0 or "default", "" or [] or None, 3 and 4, 0 and 1 / 0, [] and "never", "x" or 1 / 0)
print(not 0, not "a", not not [], not None == None, (not None) == True)
retries = 0
name = ""
print(retries or 3, name or "anonymous", name and name.upper(), len(name) > 0 or "empty")
for n in [-5, 0, 7]:
    sign = "negative" if n < 0 else "zero" if n == 0 else "positive"
    print(n, sign, "even" if n % 2 == 0 else "odd")
queue = [3, 1]
while queue:
    print("popped", queue.pop())
if not queue and retries == 0:
    print("queue drained")
flags = {"debug": False, "verbose": True}
enabled = [k for k, v in flags.items() if v]
print(enabled, bool(enabled), True + 0, None is None, [] is not None)
print(1 if [] else 2, "yes" if " " else "no", "T" if 0.0 else "F")

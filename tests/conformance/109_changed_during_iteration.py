# a dict or set that changes size while a for loop walks it stops the loop with RuntimeError
d = {"a": 1}
try:
    for k in d:
        d["b"] = 2
        print(k)
except RuntimeError as e:
    print("error:", e)
print(d)
prices = {"tea": 3, "cake": 5}
for k in prices:
    prices[k] = prices[k] * 2
print(prices)
try:
    for k, v in prices.items():
        prices.pop(k)
except RuntimeError as e:
    print("error:", e, prices)
s = {1, 2, 3}
try:
    for x in s:
        s.add(x + 10)
except RuntimeError as e:
    print("error:", e, len(s))
queue = [1, 2]
for n in queue:
    if n < 4:
        queue.append(n + 2)
print(queue)

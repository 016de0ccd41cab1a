# dicts keep insertion order; updating a key keeps its place, pop and re-insert moves it last
stock = {"apples": 3, "pears": 0}
stock["kiwis"] = 12
stock["apples"] = 5
print(stock, list(stock), len(stock))
print(stock.pop("apples"), stock)
stock["apples"] = 1
print(stock)
stock.update({"pears": 7, "figs": 2})
stock.update([("limes", 4)])
print(stock)
print(stock.get("kiwis"), stock.get("plums"), stock.get("plums", 0), "figs" in stock, 7 in stock)
print(stock.setdefault("plums", 9), stock.setdefault("kiwis", 100), stock)
print(list(stock.keys())[:2], list(stock.values())[-2:], list(stock.items())[0])
print(stock.keys(), stock.values())
groups = {}
for word in ["apple", "avocado", "banana", "blueberry", "cherry", "apricot"]:
    groups.setdefault(word[0], []).append(word)
print(groups)
for letter, words in groups.items():
    print(f"{letter}: {len(words)} -> {', '.join(words)}")
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts, dict(zip("abc", range(3))), dict(a=1, b=2), {1: "int", 1.0: "float", True: "bool"})
print({k: v for k, v in sorted(counts.items(), key=lambda kv: -kv[1])})

# ERROR: uncaught KeyError shows the key's repr after the colon
prices = {"coffee": 2.5, "tea": 1.75}
order = ["tea", "coffee", "cocoa"]
total = 0
for item in order:
    print(f"adding {item}")
    print("price known?", item in prices, "| get():", prices.get(item))
    total += prices[item]
    print(f"subtotal {total:.2f}")
print("never reached")

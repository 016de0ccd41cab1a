# ERROR: uncaught ZeroDivisionError after some output; the finally block still prints
def average(values):
    try:
        return sum(values) / len(values)
    finally:
        print(f"averaged {len(values)} values")

readings = {"morning": [3, 4, 5], "noon": [], "evening": [1]}
for period, values in readings.items():
    print(period, average(values))
print("never reached")

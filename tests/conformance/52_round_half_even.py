# round() uses banker's rounding and works on the binary value; ints stay ints
print(round(0.5), round(1.5), round(2.5), round(3.5), round(-0.5), round(-1.5), round(-2.5))
print(round(2.675, 2), round(0.125, 2), round(0.375, 2), round(1.005, 2), round(2.5, 0))
print(round(3.14159, 3), round(1234.5678, -2), round(1250, -2), round(1350, -2), round(-0.4))
print(round(7), round(7.0), type(round(7.5)).__name__, type(round(7.5, 1)).__name__)
print(round(-0.4, 0), round(0.0001, 2), round(123.456, 1), round(1e16 + 0.5))
print(round(5, 1), round(15, -1), round(25, -1), round(-25, -1), round(10 ** 15 + 0.5))
scores = [72.5, 88.45, 91.05, 65.55, 79.995]
print([round(s, 1) for s in scores], [round(s) for s in scores])
average = sum(scores) / len(scores)
print(average, round(average, 2), f"{average:.2f}", int(average), int(-average))
for x in [0.05, 0.15, 0.25, 0.35, 0.45]:
    print(x, round(x, 1), f"{x:.1f}", end=" | ")
print()

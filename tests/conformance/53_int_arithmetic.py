# ints: floor division and modulo round toward minus infinity, ** and large 64-bit values
for a, b in [(7, 2), (-7, 2), (7, -2), (-7, -2), (1, 3), (-1, 3)]:
    print(f"{a:>2} // {b:>2} = {a // b:>2}   {a:>2} % {b:>2} = {a % b:>2}")
print(-7.5 // 2, -7.5 % 2, 7.5 % -2, 7 % 2.5, -0.0 // 1, 10 // 0.3)
print(2 ** 10, 2 ** 62, (-2) ** 3, -2 ** 2, 2 ** -1, 0 ** 0, 4 ** 0.5, (-8) ** 2)
big = 9223372036854775807
print(big, big // 2, big % 1000, -big, 10 ** 18, 3 ** 39)
print(12345678901234 * 1000, 2 ** 53, 2 ** 53 + 1, float(2 ** 53 + 1))
print(17 // 5 * 5 + 17 % 5, -17 // 5 * 5 + -17 % 5, abs(-42), abs(3 - 10))
print(1 + 2 * 3 - 4 / 2, (1 + 2) * 3, 7 // 2 ** 2, -3 ** 2, 2 ** 3 ** 2)
print(int("42"), int("  -17 "), int("007"), int(True), int(3.99), int(-3.99), int(float("1e10")))
x = 10
x += 5
x -= 3
x *= 4
x //= 5
x %= 7
x **= 3
print("augmented:", x)
y = 7
y /= 2
print(y, type(y).__name__, 7 // 2, type(7 // 2).__name__, type(7.0 // 2).__name__)
print(True + True, True * 10, False - 1, 5 == 5.0, 10 / 5 == 2)

# Integers of any size: factorials, powers, floor division and modulo with negatives.
def factorial(n):
    result = 1
    for i in range(2, n + 1):
        result *= i
    return result


print(factorial(30))
print(factorial(100))
print(2**100, -(2**100), 2**64, 2**63, -(2**63) - 1)
print(10**30 // 7, 10**30 % 7, -(10**30) // 7, -(10**30) % 7, 10**30 // -7, 10**30 % -7)
print(10**30 / 7, 2**100 / 3, 1 / 2**70)
print((2**100).bit_length(), (2**64 - 1).bit_length(), (-(2**80)).bit_length())
print(pow(3, 200, 10**9 + 7), pow(2**100, 3, 97), pow(2, 10**18, 1000))
print(int("123456789012345678901234567890") + 1, int("-99999999999999999999999"))
print(2**100 == 2.0**100, 2**100 > 1e30, 2**100 < 1e31, 2**53 + 1 == 2.0**53 + 1)
print(hash(2**100), hash(-(2**100)), hash(2**61 - 1), hash(2**61), hash(10**30))
print(set([2**64, 2**65, 1, 2**100, -(2**70), 10**20]))
print(abs(-(2**70)), -(-(2**63)), 2**100 - 2**100, type(2**100).__name__)
print(2**100 >> 10, 2**100 << 3, -(2**100) >> 99, (2**100) & (2**100 - 1), (2**70) | 1, (2**70) ^ (2**70 + 5), ~(2**70))
print(divmod(10**25, 3), divmod(-(10**25), 3), float(2**100), int(1e25))
print(f"{2**100:,}", str(3**50), repr(-(7**40)), max(2**90, 2**89), sum([2**62, 2**62, 2**62]))
x = 9223372036854775807
x += 1
print(x, x - 1, x * x)

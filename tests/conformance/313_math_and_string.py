# math and string: the usual helpers, and a clear error for what the lesson leaves out.
import math
import string

print(math.sqrt(16), math.floor(-2.5), math.ceil(2.1), math.pi, math.e, math.inf, math.isnan(math.nan))
print(math.factorial(25), math.gcd(12, 18), math.lcm(4, 6), math.isqrt(10**20 + 1), math.comb(52, 5), math.perm(5, 2))
print(math.log(8, 2), math.log10(1000), math.log2(1024), math.exp(0), math.hypot(3, 4), math.fsum([0.1] * 10))
print(math.isclose(0.1 + 0.2, 0.3), math.prod([1, 2, 3, 4]), math.trunc(-3.7), math.fabs(-2), math.copysign(1, -0.0))
print(string.ascii_lowercase, string.digits, string.ascii_uppercase[:5], string.capwords("hello async world"))
print(len(string.printable), string.punctuation)
try:
    math.sqrt(-1)
except ValueError as error:
    print("ValueError:", error)

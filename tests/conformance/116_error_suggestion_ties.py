# ERROR: of equally close globals "Did you mean" names the first assigned; a local used by a comprehension is not offered
total_b = 2
total_a = 1
def main():
    total_d = 4
    print([total_d + n for n in range(3)])
    print(total_a + total_b)
    print(sorted([total_d, total_a, total_b]))
    print(total_x)
main()

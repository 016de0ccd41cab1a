# ERROR: True, False and None are names of builtins too, so "Did you mean" may suggest one of them
total_a = 1
total_b = 2
def main():
    amount = 3
    doubled = [amount * 2 for _ in range(2)]
    print(doubled)
    try:
        print(totl_a)
    except NameError as e:
        print(e)
    print(alue)
main()

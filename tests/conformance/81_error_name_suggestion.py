# ERROR: NameError for a misspelt variable; CPython 3.11 appends "Did you mean: ...?"
def summarize(requests):
    total_time = 0
    for seconds in requests:
        total_time += seconds
    print("requests:", len(requests))
    try:
        print(undefined_thing)
    except NameError as e:
        print("str(e) has no suggestion:", e)
    return total_tme / len(requests)

print(summarize([5, 5, 5]))

# ERROR: a failing assert with a message ends the program with AssertionError: message
def check_budget(spent, limit):
    assert spent >= 0, "spent must not be negative"
    assert spent <= limit, f"over budget by {spent - limit:.2f}"
    return limit - spent

budget = 50
for spent in [10.0, 49.5, 52.25, 1.0]:
    remaining = check_budget(spent, budget)
    print(f"spent {spent:>6.2f}, remaining {remaining:>6.2f}")
print("never reached")

# list methods: append/extend/insert/pop/index/count and the aliasing they reveal
tasks = ["fetch", "parse"]
tasks.append("store")
tasks.insert(0, "connect")
tasks.insert(100, "report")
tasks.insert(-1, "verify")
print(tasks, len(tasks))
tasks.extend(["close", "fetch"])
tasks.extend("ab")
print(tasks)
print(tasks.pop(), tasks.pop(0), tasks.pop(-2), tasks)
print(tasks.index("fetch"), tasks.count("fetch"), tasks.count("nothing"), "parse" in tasks)
alias = tasks
copy = tasks[:]
alias.append("shared")
print(len(tasks), len(copy), alias is tasks, copy == tasks[:-1])
grid = [[0] * 3] * 2
grid[0][0] = 9
print(grid)
grid = [[0] * 3 for _ in range(2)]
grid[0][0] = 9
print(grid)
nums = [5, 3, 8]
nums += [1]
nums = nums * 2
print(nums, sorted(nums), nums[::-1][:3], sum(nums), min(nums), max(nums))
stack = []
for ch in "(a[b]{c})":
    if ch in "([{":
        stack.append(ch)
    elif ch in ")]}":
        print("closing", ch, "matches", stack.pop())
print("balanced:", stack == [], [1, 2] + [3], [1, [2, [3]]][1][1][0])

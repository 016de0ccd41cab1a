# collections.deque: a bounded history and a work queue.
from collections import deque

history = deque(maxlen=3)
for n in range(6):
    history.append(n)
    print(history, len(history))
q = deque([1, 2, 3])
q.appendleft(0)
q.extend([4, 5])
q.extendleft([-1, -2])
print(q, q[0], q[-1], q.popleft(), q.pop(), q)
q.rotate(2)
print(q)
q.rotate(-3)
print(q, 3 in q, q.count(3), q.index(4), q.maxlen, list(q), bool(deque()))
q.remove(3)
q.reverse()
print(q, q == deque(q), deque("abc"))
try:
    deque().pop()
except IndexError as error:
    print("IndexError:", error)

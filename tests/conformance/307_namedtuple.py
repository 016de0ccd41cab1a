# collections.namedtuple: records with fields, repr and _asdict.
from collections import namedtuple

Point = namedtuple("Point", ["x", "y"])
p = Point(1, 2)
q = Point(x=3, y=4)
print(p, q, p.x + q.y, p[0], len(p), p == (1, 2), tuple(p))
print(p._asdict(), Point._fields, p._replace(y=20))
Job = namedtuple("Job", "name priority retries", defaults=[0])
jobs = [Job("fetch", 2), Job("parse", 1, 3), Job("store", 3)]
for job in sorted(jobs, key=lambda j: j.priority):
    print(job, job.name, job.retries)
x, y = p
print(x, y, isinstance(p, tuple), type(p).__name__, Point)
print({p: "origin-ish"}, hash(p) == hash((1, 2)))
try:
    Point(1)
except TypeError as error:
    print("TypeError:", error)

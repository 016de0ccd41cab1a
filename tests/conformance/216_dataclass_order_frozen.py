# @dataclass(order=True) sorts jobs by fields; frozen=True refuses assignment and hashes; __post_init__ and asdict
import asyncio
from dataclasses import dataclass, field, asdict, FrozenInstanceError

@dataclass(order=True)
class Job:
    priority: int
    name: str = field(default="job")

@dataclass(frozen=True)
class Point:
    x: int
    y: int = 0

@dataclass
class Report:
    jobs: list
    total: int = 0

    def __post_init__(self):
        self.total = sum(j.priority for j in self.jobs)

async def main():
    jobs = [Job(3, "c"), Job(1, "a"), Job(3, "b"), Job(2)]
    await asyncio.sleep(0.5)
    print(sorted(jobs))
    print(min(jobs), Job(1) < Job(1, "z"), Job(2) >= Job(2), Job(1) == Job(1, "job"))
    p = Point(1, 2)
    print(p, {p: "seen"}[Point(1, 2)], p == Point(1, 2), len({Point(1), Point(1, 0)}))
    try:
        p.x = 5
    except FrozenInstanceError as e:
        print("frozen:", e)
    report = Report(jobs[:2])
    print(report.total, asdict(report))
    Job()

asyncio.run(main())

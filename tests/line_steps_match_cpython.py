#!/usr/bin/env python3
"""Line steps are the lines CPython runs: for each program, the lines every task starts, in
order, as loopstep traces them (`loopstep run --trace --lines`, trace_kind::line_reached) and as
CPython's sys.settrace sees them on the conformance oracle's virtual clock (tests/conformance/
oracle.py). A line that runs again at once (a one-line loop's turns) counts once on both sides:
loopstep records it once. Code outside tasks (the module body) is not compared: the lesson steps
through tasks.

Usage: line_steps_match_cpython.py LOOPSTEP_CLI PROGRAM.py...
       line_steps_match_cpython.py --cpython PROGRAM.py   (the CPython side, as JSON on stderr's last line)
"""
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ORACLE_DIR = os.path.join(HERE, "conformance")


def collapsed(lines):
    out = []
    for line in lines:
        if not out or out[-1] != line:
            out.append(line)
    return out


def cpython_side(path):
    """Runs PROGRAM under the oracle with a line tracer; prints {task: [line, ...]} on stderr."""
    sys.path.insert(0, ORACLE_DIR)
    import asyncio
    import oracle
    program = os.path.abspath(path)
    steps = {}

    def tracer(frame, event, arg):
        if frame.f_code.co_filename != program:
            return None
        if event == "line":
            try:
                task = asyncio.current_task()
            except RuntimeError:
                task = None
            if task is not None:
                steps.setdefault(task.get_name(), []).append(frame.f_lineno)
        return tracer

    sys.settrace(tracer)
    try:
        oracle.run_program(program)
    except SystemExit:
        pass
    finally:
        sys.settrace(None)
        sys.stdout.flush()
        sys.stderr.write("\n" + json.dumps({name: collapsed(lines) for name, lines in steps.items()}) + "\n")


def cpython_steps(path):
    proc = subprocess.run([sys.executable, os.path.abspath(__file__), "--cpython", os.path.abspath(path)],
                          capture_output=True, text=True, timeout=60, cwd=os.path.dirname(os.path.abspath(path)))
    return json.loads(proc.stderr.strip().splitlines()[-1])


TASK_CREATED = re.compile(r'^\d+ t=\S+ task_created task=(\d+) future=\d+ "((?:[^"\\]|\\.)*)"')
LINE_REACHED = re.compile(r"^\d+ t=\S+ line_reached task=(\d+) @L(\d+)")


def loopstep_steps(cli, path):
    proc = subprocess.run([cli, "run", "--trace", "--lines", os.path.basename(path)], capture_output=True,
                          text=True, timeout=120, cwd=os.path.dirname(os.path.abspath(path)))
    names, steps = {}, {}
    for line in proc.stderr.splitlines():
        if m := TASK_CREATED.match(line):
            names[m.group(1)] = m.group(2)
        elif m := LINE_REACHED.match(line):
            steps.setdefault(names.get(m.group(1), "task " + m.group(1)), []).append(int(m.group(2)))
    return {name: collapsed(lines) for name, lines in steps.items()}


def first_difference(expected, actual):
    for i, (a, b) in enumerate(zip(expected, actual)):
        if a != b:
            return i
    return min(len(expected), len(actual))


def main(argv):
    if len(argv) == 3 and argv[1] == "--cpython":
        cpython_side(argv[2])
        return 0
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    cli, failures, steps_compared = os.path.abspath(argv[1]), 0, 0
    for path in argv[2:]:
        expected, actual = cpython_steps(path), loopstep_steps(cli, path)
        for task in sorted(set(expected) | set(actual)):
            want, got = expected.get(task, []), actual.get(task, [])
            steps_compared += len(want)
            if want != got:
                failures += 1
                at = first_difference(want, got)
                print(f"{os.path.basename(path)}: {task}: lines differ at step {at + 1}:\n"
                      f"  CPython:  {want[max(0, at - 3):at + 6]}\n  loopstep: {got[max(0, at - 3):at + 6]}")
    print(f"line steps match CPython's: {len(argv) - 2} programs, {steps_compared} line steps, {failures} tasks differ")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
